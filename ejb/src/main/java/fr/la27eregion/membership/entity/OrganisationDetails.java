package fr.la27eregion.membership.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;

/**
 * An organisation's profile as a person types it (the join form, the profile editor, the API): a plain bean that
 * forms bind to, checked by {@link #check()} before it reaches an entity. {@code territoryCode} is the region's
 * code ({@code FR-53}) for a French body, the NUTS-2 code ({@code ES51}) for a European region.
 */
public class OrganisationDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_NAME = 200;
    public static final int MAX_ADDRESS = 500;
    public static final int MAX_WEBSITE = 300;

    private String name;
    private OrganisationKind kind;
    private String territoryCode;
    private String siret;
    private String address;
    private String website;

    /**
     * Checks each field and names the first that is wrong.
     *
     * @throws RuleViolation with the field and the message key ({@code membership.field.*},
     *                       {@code membership.siret.*})
     */
    public void check() {
        if (kind == null) {
            throw new RuleViolation("kind", "membership.field.required", "kind is required.");
        }
        Fields.text("name", name, MAX_NAME, true);
        if (kind.needsSiret()) {
            Siret.Problem problem = Siret.check(siret == null ? null : siret.replace(" ", "").replace("\u00a0", ""));
            if (problem != null) {
                throw new RuleViolation("siret", "membership.siret." + problem,
                        switch (problem) {
                            case MISSING -> "A French body is identified by its SIRET (14 digits).";
                            case NOT_DIGITS -> "A SIRET is made of digits only.";
                            case WRONG_LENGTH -> "A SIRET has 14 digits.";
                            case WRONG_KEY -> "This SIRET's check key is wrong: check the digits.";
                        });
            }
        } else if (territoryCode == null || territoryCode.isBlank()) {
            throw new RuleViolation("territoryCode", "membership.rule.nutsRequired",
                    "A European region is identified by its NUTS-2 code.");
        }
        Fields.text("territoryCode", territoryCode, 32, false);
        Fields.text("address", address, MAX_ADDRESS, false);
        Fields.website("website", website);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public void setKind(OrganisationKind kind) {
        this.kind = kind;
    }

    public String getTerritoryCode() {
        return territoryCode;
    }

    public void setTerritoryCode(String territoryCode) {
        this.territoryCode = territoryCode;
    }

    public String getSiret() {
        return siret;
    }

    public void setSiret(String siret) {
        this.siret = siret;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
