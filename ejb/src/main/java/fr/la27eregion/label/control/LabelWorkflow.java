package fr.la27eregion.label.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;

import static fr.la27eregion.label.entity.LabelAction.AWARD;
import static fr.la27eregion.label.entity.LabelAction.EXPIRE;
import static fr.la27eregion.label.entity.LabelAction.REINSTATE;
import static fr.la27eregion.label.entity.LabelAction.RENEW;
import static fr.la27eregion.label.entity.LabelAction.REVOKE;
import static fr.la27eregion.label.entity.LabelAction.SUSPEND;
import static fr.la27eregion.label.entity.LabelState.ACTIVE;
import static fr.la27eregion.label.entity.LabelState.EXPIRED;
import static fr.la27eregion.label.entity.LabelState.RENEWED;
import static fr.la27eregion.label.entity.LabelState.REVOKED;
import static fr.la27eregion.label.entity.LabelState.SUSPENDED;

/**
 * The workflow of a label (DESIGN §3): the jury's award creates it, active; the daily job expires it at the end of
 * its validity (a suspended one too: a suspension does not extend it); the secretariat suspends it, reinstates it
 * or revokes it, with a motivation; the platform marks it renewed when a renewal application is awarded, which may
 * happen after it expired (the renewal was applied for in time, decided later).
 */
public final class LabelWorkflow {

    public static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);
    public static final Actor JURY = Actor.of(Role.JURY);

    public static final TransitionTable<LabelState, LabelAction> TABLE =
            TransitionTable.of(LabelState.class, LabelAction.class)
                    //               from       action     to         who
                    .creates(                   AWARD,     ACTIVE,    JURY)
                    .allow(          ACTIVE,    EXPIRE,    EXPIRED,   Actor.SYSTEM)
                    .allow(          SUSPENDED, EXPIRE,    EXPIRED,   Actor.SYSTEM)
                    .allowWithReason(ACTIVE,    SUSPEND,   SUSPENDED, SECRETARIAT)
                    .allow(          SUSPENDED, REINSTATE, ACTIVE,    SECRETARIAT)
                    .allowWithReason(ACTIVE,    REVOKE,    REVOKED,   SECRETARIAT)
                    .allowWithReason(SUSPENDED, REVOKE,    REVOKED,   SECRETARIAT)
                    .allow(          ACTIVE,    RENEW,     RENEWED,   Actor.SYSTEM)
                    .allow(          EXPIRED,   RENEW,     RENEWED,   Actor.SYSTEM)
                    .build();

    private LabelWorkflow() {
    }
}
