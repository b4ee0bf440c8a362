package fr.la27eregion.membership.control;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.platform.workflow.TransitionTable;

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
 * The membership workflow of DESIGN §3, as the table an auditor reads.
 *
 * <p>Actors: {@code NETWORK_ADMIN} is the secretariat; {@code MEMBER_COORDINATOR} acts for their own
 * organisation only (the boundary checks which organisation); {@code SYSTEM} is the scheduled job that lapses
 * memberships whose period ended more than the grace period ago.
 */
public final class MembershipWorkflow {

    public static final String SECRETARIAT = "NETWORK_ADMIN";
    public static final String COORDINATOR = "MEMBER_COORDINATOR";
    public static final String SYSTEM = "SYSTEM";

    public static final TransitionTable<MembershipState, MembershipAction> TABLE =
            TransitionTable.of(MembershipState.class, MembershipAction.class)
                    //               from          action     to            who
                    .allow(          APPLIED,      REVIEW,    UNDER_REVIEW, SECRETARIAT)
                    .allow(          UNDER_REVIEW, APPROVE,   APPROVED,     SECRETARIAT)
                    .allowWithReason(UNDER_REVIEW, REJECT,    REJECTED,     SECRETARIAT)
                    .allow(          APPROVED,     ACTIVATE,  ACTIVE,       SECRETARIAT)
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
