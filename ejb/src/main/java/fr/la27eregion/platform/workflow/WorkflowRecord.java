package fr.la27eregion.platform.workflow;

import java.time.Instant;

/**
 * What {@link Transitions} needs of a record to move it: who it is, where it stands, which version the actor saw,
 * and the move itself. Any aggregate with a workflow (a membership, a label application, a label) meets it.
 *
 * <p>The record does not look its transition up: it receives the line {@link Transitions} found in the table
 * (so an entity never imports its feature's {@code control} package) and applies the feature's own rules for the
 * inputs of that line (a reason's length, an agreement's reference, a period to extend).
 *
 * @param <S> its states
 * @param <A> its actions
 * @param <I> what an actor gives with an action (a reason, an agreement's reference, the day it counts from...)
 */
public interface WorkflowRecord<S extends Enum<S>, A extends Enum<A>, I> {

    /** Its id, as the journal names it (the key of a persisted record; null before it is persisted). */
    Object id();

    S state();

    /** Its {@code @Version}, as an actor read it. */
    int version();

    /**
     * Makes the transition: checks the inputs the line needs, then moves to {@code line.to()}.
     *
     * @throws fr.la27eregion.platform.rules.RuleViolation naming the input when one is missing or wrong
     */
    void perform(TransitionTable.Transition<S, A> line, I inputs);

    /** Notes when it last changed state. */
    void touch(Instant now);

    /** The motivation the last transition kept (journaled with it), null when none. */
    String lastReason();
}
