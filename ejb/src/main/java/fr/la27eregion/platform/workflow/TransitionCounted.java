package fr.la27eregion.platform.workflow;

/**
 * A step was made in the current transaction: fired by {@link Transitions}, counted by {@link TransitionMetrics}
 * once the transaction committed, so a rolled-back step is never counted.
 *
 * @param workflow the feature's word ({@code membership})
 * @param action   the action's constant ({@code RENEW})
 */
public record TransitionCounted(String workflow, String action) {
}
