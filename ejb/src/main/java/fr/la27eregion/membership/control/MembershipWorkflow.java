package fr.la27eregion.membership.control;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static fr.la27eregion.membership.entity.MembershipAction.ACTIVATE;
import static fr.la27eregion.membership.entity.MembershipAction.APPROVE;
import static fr.la27eregion.membership.entity.MembershipAction.LAPSE;
import static fr.la27eregion.membership.entity.MembershipAction.REINSTATE;
import static fr.la27eregion.membership.entity.MembershipAction.REJECT;
import static fr.la27eregion.membership.entity.MembershipAction.RENEW;
import static fr.la27eregion.membership.entity.MembershipAction.REVIEW;
import static fr.la27eregion.membership.entity.MembershipAction.SUSPEND;
import static fr.la27eregion.membership.entity.MembershipAction.TERMINATE;
import static fr.la27eregion.membership.entity.MembershipAction.WITHDRAW;
import static fr.la27eregion.membership.entity.MembershipState.ACTIVE;
import static fr.la27eregion.membership.entity.MembershipState.APPLIED;
import static fr.la27eregion.membership.entity.MembershipState.APPROVED;
import static fr.la27eregion.membership.entity.MembershipState.LAPSED;
import static fr.la27eregion.membership.entity.MembershipState.REJECTED;
import static fr.la27eregion.membership.entity.MembershipState.SUSPENDED;
import static fr.la27eregion.membership.entity.MembershipState.TERMINATED;
import static fr.la27eregion.membership.entity.MembershipState.UNDER_REVIEW;
import static fr.la27eregion.membership.entity.MembershipState.WITHDRAWN;

/**
 * The membership workflow, as the table an auditor reads: from which state, by which action, to which state,
 * who may do it, and whether a written reason is required. Nothing else in the code decides a transition.
 *
 * <p>Actors: {@code NETWORK_ADMIN} is the secretariat; {@code MEMBER_COORDINATOR} acts for their own
 * organisation only (the boundary checks the organisation); {@code SYSTEM} is the scheduled job that lapses
 * memberships whose period ended more than the grace period ago.
 */
public final class MembershipWorkflow {

    public static final String SECRETARIAT = "NETWORK_ADMIN";
    public static final String COORDINATOR = "MEMBER_COORDINATOR";
    public static final String SYSTEM = "SYSTEM";

    /** One line of the table. */
    public record Transition(MembershipState from, MembershipAction action, MembershipState to,
                             Set<String> actors, boolean reasonRequired) {
    }

    private static final List<Transition> TABLE = List.of(
            //          from          action     to            who                             reason
            transition(APPLIED,      REVIEW,    UNDER_REVIEW, Set.of(SECRETARIAT),              false),
            transition(UNDER_REVIEW, APPROVE,   APPROVED,     Set.of(SECRETARIAT),              false),
            transition(UNDER_REVIEW, REJECT,    REJECTED,     Set.of(SECRETARIAT),              true),
            transition(APPROVED,     ACTIVATE,  ACTIVE,       Set.of(SECRETARIAT),              false),
            transition(APPLIED,      WITHDRAW,  WITHDRAWN,    Set.of(COORDINATOR, SECRETARIAT), false),
            transition(UNDER_REVIEW, WITHDRAW,  WITHDRAWN,    Set.of(COORDINATOR, SECRETARIAT), false),
            transition(ACTIVE,       SUSPEND,   SUSPENDED,    Set.of(SECRETARIAT),              true),
            transition(SUSPENDED,    REINSTATE, ACTIVE,       Set.of(SECRETARIAT),              false),
            transition(ACTIVE,       LAPSE,     LAPSED,       Set.of(SYSTEM),                   false),
            transition(LAPSED,       RENEW,     ACTIVE,       Set.of(COORDINATOR, SECRETARIAT), false),
            transition(ACTIVE,       RENEW,     ACTIVE,       Set.of(COORDINATOR, SECRETARIAT), false),
            transition(ACTIVE,       TERMINATE, TERMINATED,   Set.of(SECRETARIAT),              true),
            transition(SUSPENDED,    TERMINATE, TERMINATED,   Set.of(SECRETARIAT),              true),
            transition(LAPSED,       TERMINATE, TERMINATED,   Set.of(SECRETARIAT),              true));

    private static final Map<MembershipState, Map<MembershipAction, Transition>> BY_STATE = index();

    private MembershipWorkflow() {
    }

    /** The whole table, in the order above. */
    public static List<Transition> table() {
        return TABLE;
    }

    /** The transition an action makes from a state, or empty when the workflow does not allow it. */
    public static Optional<Transition> find(MembershipState from, MembershipAction action) {
        return Optional.ofNullable(BY_STATE.getOrDefault(from, Map.of()).get(action));
    }

    /** What can be done from a state, e.g. to offer only those buttons. */
    public static List<Transition> from(MembershipState state) {
        return List.copyOf(BY_STATE.getOrDefault(state, Map.of()).values());
    }

    private static Transition transition(MembershipState from, MembershipAction action, MembershipState to,
                                         Set<String> actors, boolean reasonRequired) {
        return new Transition(from, action, to, actors, reasonRequired);
    }

    private static Map<MembershipState, Map<MembershipAction, Transition>> index() {
        Map<MembershipState, Map<MembershipAction, Transition>> index = new EnumMap<>(MembershipState.class);
        for (Transition t : TABLE) {
            Transition previous = index.computeIfAbsent(t.from(), s -> new EnumMap<>(MembershipAction.class))
                    .put(t.action(), t);
            if (previous != null) {
                throw new IllegalStateException("Two transitions for " + t.from() + " + " + t.action());
            }
        }
        return index;
    }
}
