package fr.la27eregion.project.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.project.entity.StageAction;

import static fr.la27eregion.project.entity.ProjectAction.CREATE;
import static fr.la27eregion.project.entity.ProjectAction.PUBLISH;
import static fr.la27eregion.project.entity.ProjectAction.SHARE;
import static fr.la27eregion.project.entity.ProjectAction.WITHDRAW;
import static fr.la27eregion.project.entity.ProjectStage.DEPLOYED;
import static fr.la27eregion.project.entity.ProjectStage.EVALUATED;
import static fr.la27eregion.project.entity.ProjectStage.EXPERIMENTING;
import static fr.la27eregion.project.entity.ProjectStage.IDEA;
import static fr.la27eregion.project.entity.ProjectStage.STOPPED;
import static fr.la27eregion.project.entity.ProjectVisibility.DRAFT;
import static fr.la27eregion.project.entity.ProjectVisibility.NETWORK;
import static fr.la27eregion.project.entity.ProjectVisibility.PUBLIC;
import static fr.la27eregion.project.entity.StageAction.DEPLOY;
import static fr.la27eregion.project.entity.StageAction.EVALUATE;
import static fr.la27eregion.project.entity.StageAction.RESUME;
import static fr.la27eregion.project.entity.StageAction.START;
import static fr.la27eregion.project.entity.StageAction.STOP;

/**
 * The two workflows of a project (DESIGN §3), as the tables an auditor reads: its visibility ({@link #TABLE}:
 * who sees it) and its stage ({@link #STAGES}: how far it went).
 *
 * <p>Actors: contributors record projects and move their stage, but only coordinators (and the secretariat)
 * decide who sees them; {@code NETWORK_ADMIN} is the secretariat. Coordinators and contributors act on their own
 * organisation's projects only: the boundary's scope decides which ({@link ProjectScope#edits}). Tables only:
 * {@link fr.la27eregion.platform.workflow.Transitions} applies them.
 */
public final class ProjectWorkflow {

    public static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);
    public static final Actor COORDINATOR = Actor.of(Role.MEMBER_COORDINATOR);
    public static final Actor CONTRIBUTOR = Actor.of(Role.CONTRIBUTOR);

    public static final TransitionTable<ProjectVisibility, ProjectAction> TABLE =
            TransitionTable.of(ProjectVisibility.class, ProjectAction.class)
                    //               from     action    to       who
                    .creates(                 CREATE,   DRAFT,   CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allow(          DRAFT,   SHARE,    NETWORK, COORDINATOR, SECRETARIAT)
                    .allow(          PUBLIC,  SHARE,    NETWORK, COORDINATOR, SECRETARIAT)
                    .allow(          DRAFT,   PUBLISH,  PUBLIC,  COORDINATOR, SECRETARIAT)
                    .allow(          NETWORK, PUBLISH,  PUBLIC,  COORDINATOR, SECRETARIAT)
                    .allowWithReason(NETWORK, WITHDRAW, DRAFT,   COORDINATOR, SECRETARIAT)
                    .allowWithReason(PUBLIC,  WITHDRAW, DRAFT,   COORDINATOR, SECRETARIAT)
                    .build();

    public static final TransitionTable<ProjectStage, StageAction> STAGES =
            TransitionTable.of(ProjectStage.class, StageAction.class)
                    //               from           action    to             who
                    .allow(          IDEA,          START,    EXPERIMENTING, CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allow(          IDEA,          DEPLOY,   DEPLOYED,      CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allow(          EXPERIMENTING, DEPLOY,   DEPLOYED,      CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allow(          EXPERIMENTING, EVALUATE, EVALUATED,     CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allow(          DEPLOYED,      EVALUATE, EVALUATED,     CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allowWithReason(IDEA,          STOP,     STOPPED,       CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allowWithReason(EXPERIMENTING, STOP,     STOPPED,       CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allowWithReason(DEPLOYED,      STOP,     STOPPED,       CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .allow(          STOPPED,       RESUME,   EXPERIMENTING, CONTRIBUTOR, COORDINATOR, SECRETARIAT)
                    .build();

    private ProjectWorkflow() {
    }
}
