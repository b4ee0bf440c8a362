package fr.la27eregion.platform.workflow;

import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that applies a step of any workflow (DESIGN §4), in the caller's transaction and in this order:
 * the version the actor saw, the table's line for the record's state and the action (looked up once), the
 * actor's right to it, the record's own move, its time of change, the write (where a concurrent step fails on
 * the version), the feature's work in the transaction (notification and outbox), and the journal entry last,
 * just before commit, so the journal's chain head is held as briefly as possible. The step is counted on
 * {@code /metrics} after commit ({@link TransitionMetrics}).
 *
 * <p>Scoping (whose records the caller may touch) is the boundary's, in its query, before it calls this.
 */
@Dependent
public class Transitions {

    @PersistenceContext
    private EntityManager em;

    /**
     * As an EJB ({@code @EJB}), not through CDI: Payara's CDI proxy of a no-interface bean throws and catches an
     * exception on every call, here once per transition.
     */
    @EJB
    private Journal journal;

    @Inject
    private Clock clock;

    @Inject
    private Event<TransitionCounted> counted;

    /**
     * Applies an action to a record, as actors holding these parts.
     *
     * @param versionSeen the version the actor saw; null only for the scheduled job, which reads and acts at once
     * @param actors      who the caller acts as ({@link Actor#holding}, or {@link Actor#SYSTEM} for the job)
     * @param inputs      what the actor gave with the action
     * @return the record moved, and what the same actors may do next
     * @throws StaleRecord   the record changed since the actor saw it (409)
     * @throws AccessRefused the action is not the caller's to take (403): not from this state, or from no state
     * @throws RuntimeException the workflow's own refusal ({@link Workflow#notFromThisState}, the record's rules
     *                          on the inputs), a 422
     */
    public <R extends WorkflowRecord<S, A, I>, S extends Enum<S>, A extends Enum<A>, I> Moved<R, S, A> apply(
            Workflow<R, S, A, I> workflow, R record, Integer versionSeen, A action, Collection<Actor> actors,
            I inputs) {
        if (versionSeen != null && record.version() != versionSeen) {
            throw new StaleRecord("This " + workflow.name() + " was changed by someone else (version "
                    + record.version() + ", not " + versionSeen + "): reload it and try again.");
        }
        S before = record.state();
        Optional<TransitionTable.Transition<S, A>> found = workflow.table().find(before, action);
        if (found.isEmpty()) {
            // an action the caller's roles allow from no state at all is theirs from none: a 403, not a 422
            if (!workflow.table().everAllows(action, actors)) {
                throw refused(workflow, action, before);
            }
            throw workflow.notFromThisState(before, action);
        }
        TransitionTable.Transition<S, A> line = found.get();
        if (!line.allows(actors)) {
            throw refused(workflow, action, before);
        }
        record.perform(line, inputs);
        record.touch(clock.instant());
        try {
            // the version increment locks the row: a concurrent step waits here, then fails on the version
            em.flush();
        } catch (OptimisticLockException changed) {
            throw new StaleRecord("This " + workflow.name()
                    + " was changed by someone else meanwhile: reload it and try again.");
        }
        String act = act(workflow, action);
        workflow.inTransaction(record, act);
        counted.fire(new TransitionCounted(workflow.name(), action.name()));
        journal.append(workflow.subject(record), act, workflow.entityType(), String.valueOf(record.id()), before.name(), line.to().name(),
                record.lastReason(), workflow.details(record));
        return new Moved<>(record, workflow.table().possible(record.state(), actors));
    }

    /**
     * Brings a new record into the workflow by the table's creation line: persists it, does the feature's work
     * and journals the step with no state before.
     *
     * @param details what the journal keeps of the creation (the feature's choice: what was applied with)
     * @throws AccessRefused the creation line is not open to these actors
     */
    public <R extends WorkflowRecord<S, A, I>, S extends Enum<S>, A extends Enum<A>, I> Moved<R, S, A> create(
            Workflow<R, S, A, I> workflow, R record, Collection<Actor> actors, Map<String, ?> details) {
        TransitionTable.Transition<S, A> line = workflow.table().creation().orElseThrow(() ->
                new IllegalStateException("The " + workflow.name() + " workflow has no creation line"));
        if (!line.allows(actors)) {
            throw refused(workflow, line.action(), null);
        }
        if (record.state() != line.to()) {
            throw new IllegalStateException("A new " + workflow.name() + " begins " + line.to() + ", not "
                    + record.state());
        }
        em.persist(record);
        em.flush();
        String act = act(workflow, line.action());
        workflow.inTransaction(record, act);
        counted.fire(new TransitionCounted(workflow.name(), line.action().name()));
        journal.append(workflow.subject(record), act, workflow.entityType(), String.valueOf(record.id()), null, line.to().name(), null,
                details);
        return new Moved<>(record, workflow.table().possible(record.state(), actors));
    }

    private static String act(Workflow<?, ?, ?, ?> workflow, Enum<?> action) {
        return workflow.name() + "." + action.name().toLowerCase(Locale.ROOT);
    }

    private static AccessRefused refused(Workflow<?, ?, ?, ?> workflow, Enum<?> action, Enum<?> state) {
        return new AccessRefused("Your roles do not allow '" + action + "' on a " + workflow.name()
                + (state == null ? "" : " " + state) + ".");
    }
}
