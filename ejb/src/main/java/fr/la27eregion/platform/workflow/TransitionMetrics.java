package fr.la27eregion.platform.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts the steps of every workflow by action ({@code membership.transitions{action="RENEW"}} on
 * {@code /metrics}), after their transaction committed: a step refused or rolled back after it was applied is
 * not a transition made.
 */
@ApplicationScoped
public class TransitionMetrics {

    @Inject
    private MetricRegistry metrics;

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) TransitionCounted step) {
        metrics.counter(step.workflow() + ".transitions", new Tag("action", step.action())).inc();
    }
}
