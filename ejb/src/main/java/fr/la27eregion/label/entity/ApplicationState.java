package fr.la27eregion.label.entity;

/** Where a label application stands (DESIGN §3), named as a condition. */
public enum ApplicationState {
    /** Written by the applicant, not yet sent. */
    DRAFT,
    /** Sent by the coordinator while the campaign was open; with the secretariat. */
    SUBMITTED,
    /** Sent back by the secretariat with what to change; the conversation is open. */
    CHANGES_REQUESTED,
    /** Its reviewers are assigned. */
    IN_REVIEW,
    /** Every required assessment is in; waiting for the jury. */
    REVIEWED,
    /** The jury awarded the label. */
    AWARDED,
    /** The jury did not award it. */
    REJECTED,
    /** The secretariat found it does not meet the call's conditions. */
    INELIGIBLE,
    /** The applicant took it back. */
    WITHDRAWN;

    /** Whether the applicant holds it: they may change its answers. */
    public boolean editableByApplicant() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }

    /** Whether the path ended here. */
    public boolean isFinal() {
        return this == AWARDED || this == REJECTED || this == INELIGIBLE || this == WITHDRAWN;
    }
}
