package fr.la27eregion.platform.workflow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow written as the table an auditor reads: from which state, by which action, to which state, who may
 * do it, whether a reason is required. Built once per workflow, immutable; nothing else decides a transition.
 *
 * @param <S> the states, named as conditions
 * @param <A> the actions, named as verbs
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

    /** One line of the table. */
    public record Transition<S extends Enum<S>, A extends Enum<A>>(S from, A action, S to, Set<String> actors,
                                                                   boolean reasonRequired) {
    }

    private final List<Transition<S, A>> lines;
    private final Map<S, Map<A, Transition<S, A>>> byState;

    private TransitionTable(List<Transition<S, A>> lines, Class<S> states, Class<A> actions) {
        this.lines = List.copyOf(lines);
        this.byState = new EnumMap<>(states);
        for (Transition<S, A> line : lines) {
            Transition<S, A> previous = byState.computeIfAbsent(line.from(), s -> new EnumMap<>(actions))
                    .put(line.action(), line);
            if (previous != null) {
                throw new IllegalStateException("Two transitions for " + line.from() + " + " + line.action());
            }
        }
    }

    /** Starts a table over these states and actions. */
    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(Class<S> states, Class<A> actions) {
        return new Builder<>(states, actions);
    }

    /** Every line, in the order written. */
    public List<Transition<S, A>> lines() {
        return lines;
    }

    /** The transition an action makes from a state, or empty when the workflow does not allow it. */
    public Optional<Transition<S, A>> find(S from, A action) {
        return Optional.ofNullable(byState.getOrDefault(from, Map.of()).get(action));
    }

    /** What can be done from a state (to offer only those actions). */
    public List<Transition<S, A>> from(S state) {
        return List.copyOf(byState.getOrDefault(state, Map.of()).values());
    }

    /** Collects the lines of a table. */
    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {

        private final Class<S> states;
        private final Class<A> actions;
        private final List<Transition<S, A>> lines = new ArrayList<>();

        private Builder(Class<S> states, Class<A> actions) {
            this.states = states;
            this.actions = actions;
        }

        /** A transition that needs no reason. */
        public Builder<S, A> allow(S from, A action, S to, String... actors) {
            lines.add(new Transition<>(from, action, to, Set.of(actors), false));
            return this;
        }

        /** A transition that needs a written reason (a refusal, a suspension...). */
        public Builder<S, A> allowWithReason(S from, A action, S to, String... actors) {
            lines.add(new Transition<>(from, action, to, Set.of(actors), true));
            return this;
        }

        public TransitionTable<S, A> build() {
            return new TransitionTable<>(lines, states, actions);
        }
    }
}
