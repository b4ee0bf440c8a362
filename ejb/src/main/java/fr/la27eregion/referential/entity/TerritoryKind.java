package fr.la27eregion.referential.entity;

/** What a territory is, which also says how its public code is formed. */
public enum TerritoryKind {
    /** A region of France since 1 January 2016 (code {@code FR-<INSEE>}). */
    REGION,
    /** A region of France as it was until 31 December 2015 (code {@code FR-<INSEE>-2015}). */
    FORMER_REGION,
    /** A European region outside France, identified by its NUTS-2 code. */
    EUROPEAN_REGION
}
