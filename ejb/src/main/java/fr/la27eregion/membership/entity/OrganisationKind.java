package fr.la27eregion.membership.entity;

/** What an organisation of the network is; says how it is identified and which membership it applies for. */
public enum OrganisationKind {
    /** The council of one of the 18 regions of France. */
    REGIONAL_COUNCIL(MembershipCategory.FULL),
    /** A founding partner of the network (Régions de France, Caisse des Dépôts, FING). */
    FOUNDING_PARTNER(MembershipCategory.PARTNER),
    /** A region of another European country, identified by its NUTS-2 code instead of a SIRET. */
    EUROPEAN_REGION(MembershipCategory.ASSOCIATE),
    /** Any other French public body or association taking part. */
    ASSOCIATE(MembershipCategory.ASSOCIATE);

    private final MembershipCategory category;

    OrganisationKind(MembershipCategory category) {
        this.category = category;
    }

    /** French bodies are identified by their SIRET; a European region by its territory's NUTS-2 code. */
    public boolean needsSiret() {
        return this != EUROPEAN_REGION;
    }

    /** The membership this kind of organisation applies for. */
    public MembershipCategory category() {
        return category;
    }
}
