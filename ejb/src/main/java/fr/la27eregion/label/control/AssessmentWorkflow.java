package fr.la27eregion.label.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.entity.AssessmentAction;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;

import static fr.la27eregion.label.entity.AssessmentAction.ASSIGN;
import static fr.la27eregion.label.entity.AssessmentAction.RECUSE;
import static fr.la27eregion.label.entity.AssessmentAction.SUBMIT;
import static fr.la27eregion.label.entity.AssessmentState.ASSIGNED;
import static fr.la27eregion.label.entity.AssessmentState.RECUSED;
import static fr.la27eregion.label.entity.AssessmentState.SUBMITTED;

/**
 * The workflow of an assessment (DESIGN §3): the secretariat assigns a reviewer; the reviewer submits, or declares
 * a conflict of interest (with its reason) and is recused, which leaves the application waiting for a
 * replacement. A reviewer acts on their own assessments only: the boundary's scope decides which.
 */
public final class AssessmentWorkflow {

    public static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);
    public static final Actor REVIEWER = Actor.of(Role.REVIEWER);

    public static final TransitionTable<AssessmentState, AssessmentAction> TABLE =
            TransitionTable.of(AssessmentState.class, AssessmentAction.class)
                    //               from      action  to         who
                    .creates(                  ASSIGN, ASSIGNED,  SECRETARIAT)
                    .allow(          ASSIGNED, SUBMIT, SUBMITTED, REVIEWER)
                    .allowWithReason(ASSIGNED, RECUSE, RECUSED,   REVIEWER)
                    .build();

    private AssessmentWorkflow() {
    }
}
