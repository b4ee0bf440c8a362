package fr.la27eregion.project.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;
import java.util.Objects;

/**
 * A partner of a project outside the network (a university, a design studio, a foreign city): a name, the country
 * (ISO 3166-1 alpha-2) and what it is. Member organisations of the network are partners by reference instead.
 */
@Embeddable
public class OutsidePartner implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_NAME = 200;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OutsidePartnerKind kind;

    protected OutsidePartner() {
        // for JPA
    }

    public OutsidePartner(String name, String countryCode, OutsidePartnerKind kind) {
        this.name = Objects.requireNonNull(name, "name");
        this.countryCode = Objects.requireNonNull(countryCode, "countryCode");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public String name() {
        return name;
    }

    public String countryCode() {
        return countryCode;
    }

    public OutsidePartnerKind kind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public OutsidePartnerKind getKind() {
        return kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutsidePartner that && name.equals(that.name) && countryCode.equals(that.countryCode)
                && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, countryCode, kind);
    }
}
