package fr.la27eregion.membership.entity;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
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

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A body of the network: a regional council, a founding partner, a European region or an associate. Its profile
 * is public (the members list shows it); its contacts and memberships are not.
 *
 * <p>The identification rules are here so every path applies them: a French body has a SIRET with a valid key, a
 * European region has a European territory (its NUTS-2 code) and no SIRET, a regional council is attached to one
 * of the 18 regions.
 */
@Entity
@Table(name = "organisation")
@NamedQuery(name = Organisation.BY_SIRET, query = "SELECT o FROM Organisation o WHERE o.siret = :siret")
@NamedQuery(name = Organisation.BY_NAME, query = "SELECT o FROM Organisation o WHERE LOWER(o.name) = LOWER(:name)")
public class Organisation implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_SIRET = "Organisation.bySiret";
    public static final String BY_NAME = "Organisation.byName";
    /** How the journal names organisations, as the entity type of their entries and as a subject. */
    public static final String JOURNAL_TYPE = "Organisation";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = OrganisationDetails.MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private OrganisationKind kind;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "territory_id")
    private Territory territory;

    @Column(length = 14)
    private String siret;

    @Column(length = OrganisationDetails.MAX_ADDRESS)
    private String address;

    @Column(length = OrganisationDetails.MAX_WEBSITE)
    private String website;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    // a European region's application whose region is not in the referential yet: the region it proposes, added
    // to the referential when the secretariat approves the application (ProposedRegion); null otherwise
    @Column(name = "proposed_region_code", length = 4)
    private String proposedRegionCode;

    @Column(name = "proposed_region_name", length = 200)
    private String proposedRegionName;

    @Version
    private int version;

    protected Organisation() {
        // for JPA
    }

    /**
     * A new organisation from checked details ({@link OrganisationDetails#check()}) and the territory they name
     * (null for a partner or associate without one).
     */
    public static Organisation create(OrganisationDetails details, Territory territory, Instant now) {
        Organisation organisation = new Organisation();
        organisation.kind = details.getKind();
        organisation.createdAt = now;
        organisation.apply(details, territory);
        return organisation;
    }

    /**
     * A European region's new organisation whose region is not in the referential yet: it proposes it (its
     * NUTS-2 code and name, checked as the referential would), and stays without a territory until the secretariat
     * approves its application ({@link #adoptRegion}). Public lists never see a proposed region.
     */
    public static Organisation proposingRegion(OrganisationDetails details, ProposedRegion region, Instant now) {
        if (details.getKind() != OrganisationKind.EUROPEAN_REGION) {
            throw new IllegalArgumentException("Only a European region proposes its region: " + details.getKind());
        }
        Organisation organisation = new Organisation();
        organisation.kind = details.getKind();
        organisation.createdAt = now;
        organisation.proposedRegionCode = region.code();
        organisation.proposedRegionName = region.name();
        organisation.apply(details, null);
        return organisation;
    }

    /** The region this organisation's application proposes, until it is approved; empty for any other. */
    public Optional<ProposedRegion> proposedRegion() {
        return proposedRegionCode == null ? Optional.empty()
                : Optional.of(new ProposedRegion(proposedRegionCode, proposedRegionName));
    }

    /** Takes the territory its proposed region became in the referential; the proposal is then spent. */
    public void adoptRegion(Territory region) {
        if (proposedRegionCode == null || region == null || !proposedRegionCode.equals(region.code())) {
            throw new IllegalArgumentException("Not the region this organisation proposed: " + region);
        }
        proposedRegionCode = null;
        proposedRegionName = null;
        territory = region;
    }

    /** Changes the profile; the kind of an organisation never changes. */
    public void update(OrganisationDetails details, Territory territory) {
        if (details.getKind() != kind) {
            throw new RuleViolation("kind", "membership.rule.kindFixed", "The kind of an organisation cannot change.");
        }
        apply(details, territory);
    }

    private void apply(OrganisationDetails details, Territory territory) {
        details.check();
        if (territory != null) {
            // a territory of the referential chosen instead of the proposed region
            proposedRegionCode = null;
            proposedRegionName = null;
        }
        checkTerritory(details.getKind(), territory, proposedRegionCode != null);
        name = details.getName().strip();
        this.territory = territory;
        siret = details.getKind().needsSiret() ? Siret.parse(details.getSiret()).value() : null;
        address = blankToNull(details.getAddress());
        website = blankToNull(details.getWebsite());
    }

    private static void checkTerritory(OrganisationKind kind, Territory territory, boolean regionProposed) {
        switch (kind) {
            case REGIONAL_COUNCIL -> {
                if (territory == null || territory.kind() != TerritoryKind.REGION) {
                    throw new RuleViolation("territoryCode", "membership.rule.regionRequired",
                            "A regional council belongs to one of the 18 regions of France.");
                }
            }
            case EUROPEAN_REGION -> {
                if (territory == null ? !regionProposed : territory.kind() != TerritoryKind.EUROPEAN_REGION) {
                    throw new RuleViolation("territoryCode", "membership.rule.nutsRequired",
                            "A European region is identified by its NUTS-2 code.");
                }
            }
            default -> {
                if (territory != null && territory.kind() == TerritoryKind.FORMER_REGION) {
                    throw new RuleViolation("territoryCode", "membership.rule.formerRegion",
                            "A region as it was before 2016 cannot be chosen.");
                }
            }
        }
    }

    /** The profile as the journal keeps it, to show what an edit changed. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new TreeMap<>();
        described.put("name", name);
        described.put("kind", kind.name());
        described.put("territory", territory == null ? proposedRegionCode : territory.code());
        described.put("siret", siret);
        described.put("address", address);
        described.put("website", website);
        return described;
    }

    /**
     * This organisation as the subject of journal entries: its timeline is every entry about it, its memberships
     * and its contacts.
     */
    public Subject subject() {
        return Subject.of(JOURNAL_TYPE, id);
    }

    /** The details of this profile, to edit them. */
    public OrganisationDetails details() {
        OrganisationDetails details = new OrganisationDetails();
        details.setName(name);
        details.setKind(kind);
        details.setTerritoryCode(territory == null ? proposedRegionCode : territory.code());
        details.setSiret(siret);
        details.setAddress(address);
        details.setWebsite(website);
        return details;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public Optional<Territory> territory() {
        return Optional.ofNullable(territory);
    }

    public Optional<String> siret() {
        return Optional.ofNullable(siret);
    }

    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    public Optional<String> website() {
        return Optional.ofNullable(website);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int version() {
        return version;
    }

    // JavaBeans getters for Facelets expressions
    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public Territory getTerritory() {
        return territory;
    }

    public String getSiret() {
        return siret;
    }

    public String getAddress() {
        return address;
    }

    public String getWebsite() {
        return website;
    }

    public int getVersion() {
        return version;
    }
}
