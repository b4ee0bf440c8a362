package fr.la27eregion.referential.entity;

/** Where a region of France lies. */
public enum TerritoryArea {
    METROPOLITAN,
    OVERSEAS
}
