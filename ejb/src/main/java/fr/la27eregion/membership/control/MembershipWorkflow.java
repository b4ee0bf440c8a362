package fr.la27eregion.membership.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;

import static fr.la27eregion.membership.entity.MembershipAction.ACTIVATE;
import static fr.la27eregion.membership.entity.MembershipAction.APPLY;
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
 * The membership workflow of DESIGN §3, as the table an auditor reads.
 *
 * <p>Actors: {@code NETWORK_ADMIN} is the secretariat; {@code MEMBER_COORDINATOR} acts for their own
 * organisation only (the boundary's scope decides which organisation); {@code SYSTEM} is the scheduled job that
 * lapses memberships whose period ended more than the grace period ago; anyone may apply (the secretariat's review
 * is the gate). Tables only: {@link fr.la27eregion.platform.workflow.Transitions} applies them.
 */
public final class MembershipWorkflow {

    public static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);
    public static final Actor COORDINATOR = Actor.of(Role.MEMBER_COORDINATOR);
    public static final Actor SYSTEM = Actor.SYSTEM;
    public static final Actor ANYONE = Actor.ANYONE;

    /** What an activation needs besides the version: the reference of the signed agreement. */
    public static final String AGREEMENT = MembershipInputs.AGREEMENT;

    public static final TransitionTable<MembershipState, MembershipAction> TABLE =
            TransitionTable.of(MembershipState.class, MembershipAction.class)
                    //               from          action     to            who
                    .creates(                      APPLY,     APPLIED,      ANYONE)
                    .allow(          APPLIED,      REVIEW,    UNDER_REVIEW, SECRETARIAT)
                    .allow(          UNDER_REVIEW, APPROVE,   APPROVED,     SECRETARIAT)
                    .allowWithReason(UNDER_REVIEW, REJECT,    REJECTED,     SECRETARIAT)
                    .allow(          APPROVED,     ACTIVATE,  ACTIVE,       SECRETARIAT).needing(AGREEMENT)
                    .allow(          APPLIED,      WITHDRAW,  WITHDRAWN,    COORDINATOR, SECRETARIAT)
                    .allow(          UNDER_REVIEW, WITHDRAW,  WITHDRAWN,    COORDINATOR, SECRETARIAT)
                    .allowWithReason(ACTIVE,       SUSPEND,   SUSPENDED,    SECRETARIAT)
                    .allow(          SUSPENDED,    REINSTATE, ACTIVE,       SECRETARIAT)
                    .allow(          ACTIVE,       LAPSE,     LAPSED,       SYSTEM)
                    .allow(          LAPSED,       RENEW,     ACTIVE,       COORDINATOR, SECRETARIAT)
                    .allow(          ACTIVE,       RENEW,     ACTIVE,       COORDINATOR, SECRETARIAT)
                    .allowWithReason(ACTIVE,       TERMINATE, TERMINATED,   SECRETARIAT)
                    .allowWithReason(SUSPENDED,    TERMINATE, TERMINATED,   SECRETARIAT)
                    .allowWithReason(LAPSED,       TERMINATE, TERMINATED,   SECRETARIAT)
                    .build();

    private MembershipWorkflow() {
    }
}
