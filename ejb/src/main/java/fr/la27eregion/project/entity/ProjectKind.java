package fr.la27eregion.project.entity;

/** What kind of work a project is (DESIGN §3). */
public enum ProjectKind {
    INNOVATION,
    EXPERIMENT,
    INTER_REGIONAL,
    INTERNATIONAL,
    FORESIGHT
}
