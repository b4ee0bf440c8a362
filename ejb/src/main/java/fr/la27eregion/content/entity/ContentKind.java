package fr.la27eregion.content.entity;

/**
 * What a content item is for, which decides its key and where the public sees it: {@link #HOME} the one text of the
 * home page; {@link #THEME} a theme's introduction (its key is the theme's code); {@link #NEWS} a news item on the
 * home page; {@link #EXPLAINER} a page telling in plain words what a method or a technology is, linked from the
 * projects that use it; {@link #ACCESSIBILITY} the editable parts of the accessibility statement (the conformance
 * state in its summary, contact and derogations in its text).
 */
public enum ContentKind {
    HOME,
    THEME,
    NEWS,
    EXPLAINER,
    ACCESSIBILITY;

    /** Whether there is one item of the kind only, under a fixed key (its name in lower case). */
    public boolean single() {
        return this == HOME || this == ACCESSIBILITY;
    }
}
