package fr.la27eregion.label.entity;

/** Where a reviewer's assessment stands. */
public enum AssessmentState {
    /** The reviewer is assigned and has not submitted. */
    ASSIGNED,
    /** The reviewer submitted their scores and comments. */
    SUBMITTED,
    /** The reviewer declared a conflict of interest and is replaced. */
    RECUSED
}
