package fr.la27eregion.label.entity;

/** Where a label stands; the public register and the verification page show it. */
public enum LabelState {
    /** Valid. */
    ACTIVE,
    /** Its validity ended. */
    EXPIRED,
    /** Suspended by the secretariat (a motivation); may be reinstated. */
    SUSPENDED,
    /** Revoked by the secretariat (a motivation). */
    REVOKED,
    /** Superseded by the label of a renewal application. */
    RENEWED
}
