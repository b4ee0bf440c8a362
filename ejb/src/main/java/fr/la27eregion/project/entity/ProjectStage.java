package fr.la27eregion.project.entity;

/** Where a project stands in its life, from the idea to its evaluation (or its end). */
public enum ProjectStage {
    IDEA,
    EXPERIMENTING,
    DEPLOYED,
    EVALUATED,
    STOPPED
}
