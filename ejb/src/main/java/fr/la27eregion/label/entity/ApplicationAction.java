package fr.la27eregion.label.entity;

/**
 * What can happen to a label application, named as a verb. {@link #CREATE} brings a draft into the workflow: it
 * has no state before.
 */
public enum ApplicationAction {
    /** A contributor or the coordinator starts a draft for one project of their organisation. */
    CREATE,
    /** The coordinator sends it, while the campaign is open and every criterion is answered. */
    SUBMIT,
    /** The secretariat sends it back with what to change (a reason). */
    REQUEST_CHANGES,
    /** The coordinator sends it again after changes, while the campaign is open. */
    RESUBMIT,
    /** The secretariat finds it does not meet the call's conditions (a reason). */
    DECLARE_INELIGIBLE,
    /** The platform, once the programme's number of reviewers is assigned. */
    START_REVIEW,
    /** The platform, once the last required assessment is in. */
    COMPLETE_REVIEW,
    /** The campaign's jury chair awards the label (a motivation). */
    AWARD,
    /** The campaign's jury chair does not award it (a motivation). */
    REJECT,
    /** The coordinator takes it back. */
    WITHDRAW
}
