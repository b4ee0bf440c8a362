package fr.la27eregion.label.entity;

/** What an actor gives with a step of a label: the motivation of a suspension or a revocation. */
public record LabelInputs(String reason) {

    public static final LabelInputs NONE = new LabelInputs(null);
}
