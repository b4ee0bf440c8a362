package fr.la27eregion.content.entity;

/** What the secretariat does to a content item, named as a verb. {@link #CREATE} has no state before. */
public enum ContentAction {
    /** Writes a new item, as a draft. */
    CREATE,
    /** Shows it on the public pages. */
    PUBLISH,
    /** Takes it back from the public pages. */
    UNPUBLISH
}
