package fr.la27eregion.project.entity;

/** What can happen to a project's stage ({@link ProjectStage}), named as a verb: the second workflow of a project. */
public enum StageAction {
    /** The idea is being tried out. */
    START,
    /** It runs for real. */
    DEPLOY,
    /** Its results were assessed. */
    EVALUATE,
    /** It was given up (with the reason). */
    STOP,
    /** A stopped project is tried again. */
    RESUME
}
