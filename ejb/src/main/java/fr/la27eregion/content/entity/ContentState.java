package fr.la27eregion.content.entity;

/**
 * Where a content item stands: a {@link #DRAFT} is seen by the secretariat (and auditors) only, a {@link #PUBLISHED}
 * one on the public pages, an {@link #UNPUBLISHED} one taken back from them (kept, and publishable again).
 */
public enum ContentState {
    DRAFT,
    PUBLISHED,
    UNPUBLISHED
}
