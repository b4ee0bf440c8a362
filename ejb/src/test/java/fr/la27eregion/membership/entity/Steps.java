package fr.la27eregion.membership.entity;

import fr.la27eregion.membership.control.MembershipWorkflow;

import java.time.LocalDate;

/**
 * The tests' way to move a membership as {@link fr.la27eregion.platform.workflow.Transitions} would, without a
 * container: the table's line for its state and the action (refused as the workflow refuses it when there is
 * none), then the entity's move along it.
 */
final class Steps {

    private Steps() {
    }

    static void perform(Membership membership, MembershipAction action, String reason, String agreement,
                        LocalDate today) {
        var line = MembershipWorkflow.TABLE.find(membership.state(), action)
                .orElseThrow(() -> MembershipRefused.notFromThisState(membership.state(), action));
        membership.perform(line, new MembershipInputs(reason, agreement, today));
    }
}
