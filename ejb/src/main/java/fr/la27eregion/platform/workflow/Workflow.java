package fr.la27eregion.platform.workflow;

import fr.la27eregion.journal.chain.Subject;

import java.util.Map;

/**
 * What a feature tells {@link Transitions} about its workflow: the table, the words the journal and the metrics
 * use, what the journal keeps of a record, and the feature's own work inside the transaction (telling the
 * organisation, queueing its mail). A feature adds an implementation of this, a table, an entity and a boundary,
 * never a copy of the sequence.
 *
 * @param <R> the records
 * @param <S> their states
 * @param <A> their actions
 * @param <I> what an actor gives with an action
 */
public interface Workflow<R extends WorkflowRecord<S, A, I>, S extends Enum<S>, A extends Enum<A>, I> {

    TransitionTable<S, A> table();

    /**
     * The feature's word for its records, lower case ({@code membership}): the journal's actions are
     * {@code membership.renew}, the metric {@code membership.transitions}, the refusals say "this membership".
     */
    String name();

    /** The journal's entity type of the records ({@code Membership}). */
    String entityType();

    /**
     * The record the journal files the step under, for timelines read by index (the organisation of a membership,
     * later the application of an assessment); outside the entry's hashed form.
     */
    Subject subject(R record);

    /** What the journal keeps of the record beside its states, after the step. */
    Map<String, Object> details(R record);

    /**
     * The feature's work inside the step's transaction, after the record was written and before the journal
     * entry (a notification and its mail in the outbox, which a rolled-back step never sends).
     *
     * @param act the step as the journal names it ({@code membership.renew})
     */
    void inTransaction(R record, String act);

    /** The refusal, naming the rule, of an action the table does not allow from a state (a 422). */
    RuntimeException notFromThisState(S state, A action);
}
