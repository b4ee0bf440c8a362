package fr.la27eregion.referential.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A territory of the network: a region of France (today's, or one of the 26 before the 2016 merger, with the
 * region it merged into) or a European region. Organisations, projects and memberships refer to it.
 */
@Entity
@Table(name = "territory")
@NamedQuery(name = Territory.ALL,
        query = "SELECT t FROM Territory t LEFT JOIN FETCH t.mergedInto ORDER BY t.kind, t.name")
@NamedQuery(name = Territory.BY_KIND,
        query = "SELECT t FROM Territory t LEFT JOIN FETCH t.mergedInto WHERE t.kind = :kind ORDER BY t.name")
@NamedQuery(name = Territory.BY_CODE,
        query = "SELECT t FROM Territory t LEFT JOIN FETCH t.mergedInto WHERE t.code = :code")
public class Territory {

    public static final String ALL = "Territory.all";
    public static final String BY_KIND = "Territory.byKind";
    public static final String BY_CODE = "Territory.byCode";

    private static final Pattern NUTS2 = Pattern.compile("[A-Z]{2}[0-9A-Z]{2}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TerritoryKind kind;

    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Column(name = "insee_code", length = 3)
    private String inseeCode;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "nuts2_codes", nullable = false, length = 200)
    private String nuts2Codes;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private TerritoryArea area;

    @Column(length = 100)
    private String prefecture;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    private Territory mergedInto;

    @Version
    private int version;

    protected Territory() {
        // for JPA
    }

    /**
     * A European region outside France, identified by its Eurostat NUTS-2 code, which is also its public code.
     *
     * @throws IllegalArgumentException when the code is not a NUTS-2 code of a country other than France
     */
    public static Territory europeanRegion(String nuts2, String countryCode, String name) {
        if (nuts2 == null || !NUTS2.matcher(nuts2).matches()) {
            throw new IllegalArgumentException("A NUTS-2 code is two letters of the country then two characters, "
                    + "e.g. ES51: '" + nuts2 + "'");
        }
        if (nuts2.startsWith("FR")) {
            throw new IllegalArgumentException("The regions of France are reference data, not European regions: "
                    + nuts2);
        }
        if (!nuts2.startsWith(countryCode)) {
            throw new IllegalArgumentException("NUTS-2 code " + nuts2 + " is not in country " + countryCode);
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("A European region needs a name of 1 to 200 characters");
        }
        Territory region = new Territory();
        region.code = nuts2;
        region.kind = TerritoryKind.EUROPEAN_REGION;
        region.countryCode = countryCode;
        region.name = name.strip();
        region.nuts2Codes = nuts2;
        return region;
    }

    public String code() {
        return code;
    }

    public TerritoryKind kind() {
        return kind;
    }

    public String countryCode() {
        return countryCode;
    }

    public String inseeCode() {
        return inseeCode;
    }

    public String name() {
        return name;
    }

    /** The Eurostat NUTS-2 areas this territory covers (one, or several for a merged region). */
    public List<String> nuts2Codes() {
        return Arrays.asList(nuts2Codes.split(";"));
    }

    public Optional<TerritoryArea> area() {
        return Optional.ofNullable(area);
    }

    public Optional<String> prefecture() {
        return Optional.ofNullable(prefecture);
    }

    /** For a region before 2016, the region of today it became part of. */
    public Optional<Territory> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }
}
