package fr.la27eregion.label.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;

import static fr.la27eregion.label.entity.ApplicationAction.AWARD;
import static fr.la27eregion.label.entity.ApplicationAction.COMPLETE_REVIEW;
import static fr.la27eregion.label.entity.ApplicationAction.CREATE;
import static fr.la27eregion.label.entity.ApplicationAction.DECLARE_INELIGIBLE;
import static fr.la27eregion.label.entity.ApplicationAction.REJECT;
import static fr.la27eregion.label.entity.ApplicationAction.REQUEST_CHANGES;
import static fr.la27eregion.label.entity.ApplicationAction.RESUBMIT;
import static fr.la27eregion.label.entity.ApplicationAction.START_REVIEW;
import static fr.la27eregion.label.entity.ApplicationAction.SUBMIT;
import static fr.la27eregion.label.entity.ApplicationAction.WITHDRAW;
import static fr.la27eregion.label.entity.ApplicationState.AWARDED;
import static fr.la27eregion.label.entity.ApplicationState.CHANGES_REQUESTED;
import static fr.la27eregion.label.entity.ApplicationState.DRAFT;
import static fr.la27eregion.label.entity.ApplicationState.INELIGIBLE;
import static fr.la27eregion.label.entity.ApplicationState.IN_REVIEW;
import static fr.la27eregion.label.entity.ApplicationState.REJECTED;
import static fr.la27eregion.label.entity.ApplicationState.REVIEWED;
import static fr.la27eregion.label.entity.ApplicationState.SUBMITTED;
import static fr.la27eregion.label.entity.ApplicationState.WITHDRAWN;

/**
 * The workflow of a label application (DESIGN §3), as the table an auditor reads:
 * <pre>
 * DRAFT ──submit (campaign open, complete)──▶ SUBMITTED ──start review──▶ IN_REVIEW ──complete review──▶ REVIEWED
 * SUBMITTED ──request changes (reason)──▶ CHANGES_REQUESTED ──resubmit──▶ SUBMITTED
 * SUBMITTED ──declare ineligible (reason)──▶ INELIGIBLE
 * REVIEWED ──award | reject (motivation)──▶ AWARDED | REJECTED
 * DRAFT | SUBMITTED | CHANGES_REQUESTED | IN_REVIEW ──withdraw──▶ WITHDRAWN
 * </pre>
 * Actors: contributors and coordinators start drafts; only coordinators send and take back (contributors draft,
 * DESIGN §2); the secretariat screens; the platform moves an application into and out of review when the
 * assessments say so; the jury decides, and the boundary lets only the campaign's chair take that step. The
 * applicant's people act on their own organisation's applications only: the boundary's scope decides which.
 * The rules of a step beyond who takes it (the campaign open, every criterion answered, a level the programme
 * grants) are the entity's ({@link fr.la27eregion.label.entity.LabelApplication#perform}).
 */
public final class ApplicationWorkflow {

    public static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);
    public static final Actor COORDINATOR = Actor.of(Role.MEMBER_COORDINATOR);
    public static final Actor CONTRIBUTOR = Actor.of(Role.CONTRIBUTOR);
    public static final Actor JURY = Actor.of(Role.JURY);

    public static final TransitionTable<ApplicationState, ApplicationAction> TABLE =
            TransitionTable.of(ApplicationState.class, ApplicationAction.class)
                    //               from               action              to                 who
                    .creates(                           CREATE,             DRAFT,             CONTRIBUTOR, COORDINATOR)
                    .allow(          DRAFT,             SUBMIT,             SUBMITTED,         COORDINATOR)
                    .allowWithReason(SUBMITTED,         REQUEST_CHANGES,    CHANGES_REQUESTED, SECRETARIAT)
                    .allow(          CHANGES_REQUESTED, RESUBMIT,           SUBMITTED,         COORDINATOR)
                    .allowWithReason(SUBMITTED,         DECLARE_INELIGIBLE, INELIGIBLE,        SECRETARIAT)
                    .allow(          SUBMITTED,         START_REVIEW,       IN_REVIEW,         Actor.SYSTEM)
                    .allow(          IN_REVIEW,         COMPLETE_REVIEW,    REVIEWED,          Actor.SYSTEM)
                    .allowWithReason(REVIEWED,          AWARD,              AWARDED,           JURY)
                    .allowWithReason(REVIEWED,          REJECT,             REJECTED,          JURY)
                    .allow(          DRAFT,             WITHDRAW,           WITHDRAWN,         COORDINATOR)
                    .allow(          SUBMITTED,         WITHDRAW,           WITHDRAWN,         COORDINATOR)
                    .allow(          CHANGES_REQUESTED, WITHDRAW,           WITHDRAWN,         COORDINATOR)
                    .allow(          IN_REVIEW,         WITHDRAW,           WITHDRAWN,         COORDINATOR)
                    .build();

    private ApplicationWorkflow() {
    }
}
