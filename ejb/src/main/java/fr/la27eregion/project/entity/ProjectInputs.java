package fr.la27eregion.project.entity;

/**
 * What an actor gives with a step of a project's workflows: the reason, which withdrawing and stopping require
 * and every other step may carry.
 */
public record ProjectInputs(String reason) {

    /** No input: the steps that need none. */
    public static final ProjectInputs NONE = new ProjectInputs(null);
}
