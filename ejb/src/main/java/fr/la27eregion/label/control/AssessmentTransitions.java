package fr.la27eregion.label.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.AssessmentAction;
import fr.la27eregion.label.entity.AssessmentInputs;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/**
 * The workflow of assessments as {@link fr.la27eregion.platform.workflow.Transitions} applies it: its table
 * ({@link AssessmentWorkflow#TABLE}), the journal's words ({@code assessment.assign}, {@code assessment.submit},
 * {@code assessment.recuse}, entity type {@code Assessment}), filed under the application (its timeline shows its
 * review beside its own steps), and the feature's work in the step's transaction: the reviewer is told of an
 * assignment, the secretariat of a recusal (it has a replacement to find). The journal keeps the reviewer's account
 * and the total, never the scores one by one (the record has them).
 */
@Dependent
public class AssessmentTransitions
        implements Workflow<Assessment, AssessmentState, AssessmentAction, AssessmentInputs> {

    /** The journal's and the metrics' word for assessments. */
    public static final String NAME = "assessment";

    @Inject
    private ReviewNotices notices;

    @Override
    public TransitionTable<AssessmentState, AssessmentAction> table() {
        return AssessmentWorkflow.TABLE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String entityType() {
        return Assessment.JOURNAL_TYPE;
    }

    @Override
    public Subject subject(Assessment assessment) {
        return assessment.application().subject();
    }

    @Override
    public Map<String, Object> details(Assessment assessment) {
        Map<String, Object> details = new HashMap<>();
        details.put("application", assessment.application().id());
        details.put("reviewer", assessment.reviewerAccountId());
        assessment.reviewerOrganisationId().ifPresent(organisation -> details.put("organisation", organisation));
        assessment.dueOn().ifPresent(due -> details.put("dueOn", due.toString()));
        assessment.weightedTotal().filter(total -> assessment.state() == AssessmentState.SUBMITTED)
                .ifPresent(total -> details.put("weightedTotal", total.toPlainString()));
        details.put("version", assessment.version());
        return details;
    }

    @Override
    public void inTransaction(Assessment assessment, String act) {
        switch (assessment.state()) {
            case ASSIGNED -> notices.tellReviewer(assessment);
            case RECUSED -> notices.tellSecretariatOfRecusal(assessment);
            case SUBMITTED -> {
                // the application's own step (complete review) tells the applicant when the last one is in
            }
        }
    }

    @Override
    public RuntimeException notFromThisState(AssessmentState state, AssessmentAction action) {
        return LabelRefused.notFromThisState("assessment", state, action);
    }
}
