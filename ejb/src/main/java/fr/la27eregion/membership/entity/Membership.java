package fr.la27eregion.membership.entity;

import fr.la27eregion.membership.control.MembershipWorkflow;
import fr.la27eregion.platform.workflow.TransitionTable.Transition;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The terms on which an organisation belongs to the network for a period, and where that stands in the
 * membership workflow. Only {@link #perform} changes the state, and only as {@link MembershipWorkflow} allows.
 *
 * <p>Not yet mapped to the database: the JPA mapping, the organisation and its contacts come with the rest of
 * the membership feature.
 */
public class Membership {

    static final int MAX_REASON = 2000;

    private MembershipState state = MembershipState.APPLIED;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private String agreementReference;
    private String lastReason;

    public MembershipState state() {
        return state;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public String agreementReference() {
        return agreementReference;
    }

    public String lastReason() {
        return lastReason;
    }

    /**
     * Applies an action of the workflow: checks that it is allowed from the current state and that a reason is
     * given where one is required, then moves to the next state. Renewing extends the period by one year from
     * its end (or from today when it already ended); activating starts a one-year period today.
     *
     * @return the transition made, for the journal
     * @throws MembershipRefused naming the rule when the workflow does not allow it
     */
    public Transition<MembershipState, MembershipAction> perform(MembershipAction action, String reason,
                                                                 String agreement, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Transition<MembershipState, MembershipAction> transition = MembershipWorkflow.TABLE.find(state, action)
                .orElseThrow(() -> new MembershipRefused(MembershipRefused.Rule.NOT_FROM_THIS_STATE,
                        "A membership " + state + " cannot " + action));
        String motivation = reason == null ? null : reason.strip();
        if (transition.reasonRequired() && (motivation == null || motivation.isEmpty())) {
            throw new MembershipRefused(MembershipRefused.Rule.REASON_REQUIRED, action + " needs a reason");
        }
        if (motivation != null && motivation.length() > MAX_REASON) {
            throw new IllegalArgumentException("A reason has at most " + MAX_REASON + " characters");
        }
        switch (action) {
            case ACTIVATE -> {
                if (agreement == null || agreement.isBlank()) {
                    throw new MembershipRefused(MembershipRefused.Rule.AGREEMENT_REQUIRED,
                            "Activation needs the reference of the signed agreement");
                }
                agreementReference = agreement.strip();
                periodStart = today;
                periodEnd = today.plusYears(1).minusDays(1);
            }
            case RENEW -> {
                LocalDate from = periodEnd == null || periodEnd.isBefore(today) ? today : periodEnd.plusDays(1);
                periodEnd = from.plusYears(1).minusDays(1);
                if (periodStart == null) {
                    periodStart = from;
                }
            }
            default -> {
                // the other actions change the state only
            }
        }
        lastReason = motivation;
        state = transition.to();
        return transition;
    }
}
