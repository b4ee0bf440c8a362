package fr.la27eregion.membership.entity;

/** The kind of membership, which sets its yearly fee ({@code membership.fee.*} in the configuration). */
public enum MembershipCategory {
    /** Full member with a vote: the regional councils. */
    FULL,
    /** Founding partner. */
    PARTNER,
    /** Associate member: European regions and other bodies. */
    ASSOCIATE
}
