package fr.la27eregion.project.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectInputs;
import fr.la27eregion.project.entity.ProjectRefused;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.StageAction;
import fr.la27eregion.project.entity.StageRecord;
import jakarta.enterprise.context.Dependent;

import java.util.Map;

/**
 * The stage workflow of projects as {@link fr.la27eregion.platform.workflow.Transitions} applies it: the table
 * {@link ProjectWorkflow#STAGES} over the project seen as a {@link StageRecord}, journaled with the same words as
 * the visibility's ({@code project.start}, entity type {@code Project}, filed under the lead organisation).
 */
@Dependent
public class StageTransitions implements Workflow<StageRecord, ProjectStage, StageAction, ProjectInputs> {

    @Override
    public TransitionTable<ProjectStage, StageAction> table() {
        return ProjectWorkflow.STAGES;
    }

    @Override
    public String name() {
        return ProjectTransitions.NAME;
    }

    @Override
    public String entityType() {
        return Project.JOURNAL_TYPE;
    }

    @Override
    public Subject subject(StageRecord record) {
        return record.project().leadOrganisation().subject();
    }

    @Override
    public Map<String, Object> details(StageRecord record) {
        return ProjectTransitions.describe(record.project());
    }

    @Override
    public void inTransaction(StageRecord record, String act) {
        // nothing else to do in the step's transaction: no one is told of a project's steps yet
    }

    @Override
    public RuntimeException notFromThisState(ProjectStage state, StageAction action) {
        return ProjectRefused.notFromThisState(state, action);
    }
}
