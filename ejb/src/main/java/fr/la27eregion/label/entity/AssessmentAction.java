package fr.la27eregion.label.entity;

/** What can happen to an assessment. {@link #ASSIGN} brings it into the workflow. */
public enum AssessmentAction {
    /** The secretariat assigns a reviewer to an application. */
    ASSIGN,
    /** The reviewer submits their scores and comments. */
    SUBMIT,
    /** The reviewer declares a conflict of interest (a reason) and steps aside. */
    RECUSE
}
