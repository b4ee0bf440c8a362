package fr.la27eregion.label.entity;

/** What can happen to a label. {@link #AWARD} brings it into the workflow, with the jury's decision. */
public enum LabelAction {
    /** The jury's award creates the label. */
    AWARD,
    /** The daily job, at the end of its validity. */
    EXPIRE,
    /** The secretariat suspends it (a motivation). */
    SUSPEND,
    /** The secretariat lifts a suspension. */
    REINSTATE,
    /** The secretariat revokes it (a motivation). */
    REVOKE,
    /** The platform, when the renewal application is awarded. */
    RENEW
}
