package fr.la27eregion.project.entity;

/**
 * What can happen to a project's visibility, the state of its workflow ({@link ProjectVisibility}), named as a
 * verb. {@link #CREATE} is the step that brings a project into the catalogue: it has no state before.
 */
public enum ProjectAction {
    /** Records a new project, as a draft of its lead organisation. */
    CREATE,
    /** Shows it to the signed-in people of the network's member organisations. */
    SHARE,
    /** Shows it to everyone, on the public pages and the public API. */
    PUBLISH,
    /** Takes it back to a draft (with the reason). */
    WITHDRAW
}
