package fr.la27eregion.membership.control;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.platform.workflow.TransitionTable.Transition;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static fr.la27eregion.membership.entity.MembershipAction.*;
import static fr.la27eregion.membership.entity.MembershipState.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every (state, action) pair of the membership workflow, checked against the diagram of DESIGN §3: the allowed
 * ones lead where the diagram says, with the actors and reasons it says; every other pair is refused.
 */
class MembershipWorkflowTest {

    /** The diagram, written out independently of the production table. */
    private static final Map<String, MembershipState> DIAGRAM = new HashMap<>();

    static {
        allow(APPLIED, REVIEW, UNDER_REVIEW);
        allow(UNDER_REVIEW, APPROVE, APPROVED);
        allow(UNDER_REVIEW, REJECT, REJECTED);
        allow(APPROVED, ACTIVATE, ACTIVE);
        allow(APPLIED, WITHDRAW, WITHDRAWN);
        allow(UNDER_REVIEW, WITHDRAW, WITHDRAWN);
        allow(ACTIVE, SUSPEND, SUSPENDED);
        allow(SUSPENDED, REINSTATE, ACTIVE);
        allow(ACTIVE, LAPSE, LAPSED);
        allow(LAPSED, RENEW, ACTIVE);
        allow(ACTIVE, RENEW, ACTIVE);
        allow(ACTIVE, TERMINATE, TERMINATED);
        allow(SUSPENDED, TERMINATE, TERMINATED);
        allow(LAPSED, TERMINATE, TERMINATED);
    }

    private static final Set<MembershipAction> NEED_A_REASON = EnumSet.of(REJECT, SUSPEND, TERMINATE);

    private static void allow(MembershipState from, MembershipAction action, MembershipState to) {
        DIAGRAM.put(from + "+" + action, to);
    }

    @Test
    void everyStateAndActionPairIsAllowedOrRefusedAsTheDiagramSays() {
        int allowed = 0;
        for (MembershipState state : MembershipState.values()) {
            for (MembershipAction action : MembershipAction.values()) {
                MembershipState expected = DIAGRAM.get(state + "+" + action);
                var found = MembershipWorkflow.TABLE.find(state, action);
                if (expected == null) {
                    assertThat(found).as(state + " + " + action + " is refused").isEmpty();
                } else {
                    allowed++;
                    assertThat(found).as(state + " + " + action).get()
                            .extracting(t -> t.to()).isEqualTo(expected);
                    assertThat(found.get().reasonRequired()).as("reason for " + action)
                            .isEqualTo(NEED_A_REASON.contains(action));
                }
            }
        }
        assertThat(allowed).isEqualTo(MembershipWorkflow.TABLE.lines().size() - 1).isEqualTo(14);
        assertThat(MembershipWorkflow.TABLE.creation()).as("applying creates a membership APPLIED").get()
                .satisfies(line -> assertThat(line.to()).isEqualTo(APPLIED));
    }

    @Test
    void activationAloneNeedsTheAgreementAndTheReasonedActionsTheReason() {
        for (Transition<MembershipState, MembershipAction> t : MembershipWorkflow.TABLE.lines()) {
            assertThat(t.needs().contains(MembershipWorkflow.AGREEMENT)).as(t.action() + " agreement")
                    .isEqualTo(t.action() == ACTIVATE);
            assertThat(t.reasonRequired()).as(t.action() + " reason").isEqualTo(NEED_A_REASON.contains(t.action()));
        }
    }

    @Test
    void finalStatesAllowNothing() {
        for (MembershipState state : EnumSet.of(REJECTED, WITHDRAWN, TERMINATED)) {
            assertThat(MembershipWorkflow.TABLE.from(state)).as(state.name()).isEmpty();
        }
    }

    @Test
    void onlyTheSecretariatDecidesAndOnlyTheSystemLapses() {
        for (Transition<MembershipState, MembershipAction> t : MembershipWorkflow.TABLE.lines()) {
            switch (t.action()) {
                case APPLY -> assertThat(t.actors()).containsExactly(MembershipWorkflow.ANYONE);
                case LAPSE -> assertThat(t.actors()).containsExactly(MembershipWorkflow.SYSTEM);
                case WITHDRAW, RENEW -> assertThat(t.actors())
                        .containsExactlyInAnyOrder(MembershipWorkflow.COORDINATOR, MembershipWorkflow.SECRETARIAT);
                default -> assertThat(t.actors()).containsExactly(MembershipWorkflow.SECRETARIAT);
            }
        }
    }
}
