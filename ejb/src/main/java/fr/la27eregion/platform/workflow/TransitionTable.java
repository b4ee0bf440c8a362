package fr.la27eregion.platform.workflow;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow written as the table an auditor reads: from which state, by which action, to which state, who may
 * do it, and what the actor must give (a written reason, an agreement's reference...). Built once per workflow,
 * immutable; nothing else decides a transition, and {@link Transitions} is the one place that applies it.
 *
 * <p>A creation line ({@link Builder#creates}) has no state before: it names the step that brings a record into
 * the workflow, its first state and who may take it, so the journal records creation as any other step.
 *
 * @param <S> the states, named as conditions
 * @param <A> the actions, named as verbs
 */
public final class TransitionTable<S extends Enum<S>, A extends Enum<A>> {

    /** The input a line needs when {@link Transition#reasonRequired()}: the motivation. */
    public static final String REASON = "reason";

    /**
     * One line of the table.
     *
     * @param from  the state before; null for the creation line
     * @param needs the inputs the actor must give besides the version seen, by name ({@value #REASON},
     *              {@code agreement}...): the names the API's fields and the pages' inputs carry
     */
    public record Transition<S extends Enum<S>, A extends Enum<A>>(S from, A action, S to, Set<Actor> actors,
                                                                   Set<String> needs) implements Serializable {

        public Transition {
            actors = Set.copyOf(actors);
            needs = Set.copyOf(needs);
        }

        /** Whether the actor must write why (a refusal, a suspension...). */
        public boolean reasonRequired() {
            return needs.contains(REASON);
        }

        /** Whether one of these actors may make it. */
        public boolean allows(Collection<Actor> callers) {
            return !Collections.disjoint(actors, callers);
        }
    }

    private final List<Transition<S, A>> lines;
    private final Map<S, Map<A, Transition<S, A>>> byState;
    private final Map<A, Set<Actor>> actorsByAction;
    private final Transition<S, A> creation;

    private TransitionTable(List<Transition<S, A>> lines, Class<S> states, Class<A> actions) {
        this.lines = List.copyOf(lines);
        this.byState = new EnumMap<>(states);
        Map<A, Set<Actor>> actors = new EnumMap<>(actions);
        Transition<S, A> created = null;
        for (Transition<S, A> line : lines) {
            actors.computeIfAbsent(line.action(), a -> new HashSet<>()).addAll(line.actors());
            if (line.from() == null) {
                if (created != null) {
                    throw new IllegalStateException("Two creation lines: " + created.action() + ", " + line.action());
                }
                created = line;
                continue;
            }
            Transition<S, A> previous = byState.computeIfAbsent(line.from(), s -> new EnumMap<>(actions))
                    .put(line.action(), line);
            if (previous != null) {
                throw new IllegalStateException("Two transitions for " + line.from() + " + " + line.action());
            }
        }
        actors.replaceAll((action, who) -> Set.copyOf(who));
        this.actorsByAction = actors;
        this.creation = created;
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

    /** What can be done from a state (to offer only those actions), in the order of the actions' declaration. */
    public List<Transition<S, A>> from(S state) {
        return List.copyOf(byState.getOrDefault(state, Map.of()).values());
    }

    /** The line that brings a record into the workflow, if the table has one. */
    public Optional<Transition<S, A>> creation() {
        return Optional.ofNullable(creation);
    }

    /** Whether any line of the action, from whatever state, is open to one of these actors. */
    public boolean everAllows(A action, Collection<Actor> callers) {
        return !Collections.disjoint(actorsByAction.getOrDefault(action, Set.of()), callers);
    }

    /** What these actors may do from a state, each with what it needs, in the order of the actions. */
    public List<PossibleAction<S, A>> possible(S state, Collection<Actor> callers) {
        return byState.getOrDefault(state, Map.of()).values().stream().filter(line -> line.allows(callers))
                .sorted(Comparator.comparing(Transition::action)).map(PossibleAction::of).toList();
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

        /** The step that brings a record into the workflow, in its first state. */
        public Builder<S, A> creates(A action, S to, Actor... actors) {
            lines.add(new Transition<>(null, action, to, Set.of(actors), Set.of()));
            return this;
        }

        /** A transition that needs no reason. */
        public Builder<S, A> allow(S from, A action, S to, Actor... actors) {
            lines.add(new Transition<>(from, action, to, Set.of(actors), Set.of()));
            return this;
        }

        /** A transition that needs a written reason (a refusal, a suspension...). */
        public Builder<S, A> allowWithReason(S from, A action, S to, Actor... actors) {
            lines.add(new Transition<>(from, action, to, Set.of(actors), Set.of(REASON)));
            return this;
        }

        /** The line just written also needs these inputs, by name (the agreement's reference of an activation). */
        public Builder<S, A> needing(String... inputs) {
            Transition<S, A> last = lines.remove(lines.size() - 1);
            Set<String> needs = new HashSet<>(last.needs());
            needs.addAll(List.of(inputs));
            lines.add(new Transition<>(last.from(), last.action(), last.to(), last.actors(), needs));
            return this;
        }

        public TransitionTable<S, A> build() {
            return new TransitionTable<>(lines, states, actions);
        }
    }
}
