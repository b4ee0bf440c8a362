package fr.la27eregion.project.entity;

import java.io.Serializable;

/** A partner outside the network as a person types it: a name, a country (ISO 3166-1 alpha-2) and a kind. */
public class OutsidePartnerDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String countryCode;
    private OutsidePartnerKind kind;

    public OutsidePartnerDetails() {
    }

    public OutsidePartnerDetails(String name, String countryCode, OutsidePartnerKind kind) {
        this.name = name;
        this.countryCode = countryCode;
        this.kind = kind;
    }

    /** The details of a partner kept on a project, to edit them. */
    public static OutsidePartnerDetails of(OutsidePartner partner) {
        return new OutsidePartnerDetails(partner.name(), partner.countryCode(), partner.kind());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    public OutsidePartnerKind getKind() {
        return kind;
    }

    public void setKind(OutsidePartnerKind kind) {
        this.kind = kind;
    }
}
