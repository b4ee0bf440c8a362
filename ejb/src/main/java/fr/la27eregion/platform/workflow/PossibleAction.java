package fr.la27eregion.platform.workflow;

import java.io.Serializable;
import java.util.Set;

/**
 * An action the caller may take on a record now, with what it needs, so a page or a client asks for exactly that
 * (a reason, the agreement's reference...) and never re-codes a rule of the table.
 *
 * @param needs the inputs to give, by name, as in {@link TransitionTable.Transition#needs()}
 * @param to    the state the record will be in
 */
public record PossibleAction<S extends Enum<S>, A extends Enum<A>>(A action, S from, S to, Set<String> needs)
        implements Serializable {

    public PossibleAction {
        needs = Set.copyOf(needs);
    }

    static <S extends Enum<S>, A extends Enum<A>> PossibleAction<S, A> of(TransitionTable.Transition<S, A> line) {
        return new PossibleAction<>(line.action(), line.from(), line.to(), line.needs());
    }

    /** Whether the action needs a written reason. */
    public boolean reasonRequired() {
        return needs.contains(TransitionTable.REASON);
    }

    /** Whether the action needs this input ({@code agreement}...). */
    public boolean needs(String input) {
        return needs.contains(input);
    }

    // JavaBeans getters for Facelets expressions
    public A getAction() {
        return action;
    }

    public boolean isReasonRequired() {
        return reasonRequired();
    }
}
