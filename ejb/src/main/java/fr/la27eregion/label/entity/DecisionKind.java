package fr.la27eregion.label.entity;

/** Which decision a template motivates. */
public enum DecisionKind {
    AWARD,
    REJECT
}
