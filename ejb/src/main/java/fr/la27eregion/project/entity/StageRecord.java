package fr.la27eregion.project.entity;

import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.WorkflowRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * A project seen through its second workflow, its stage: the record {@link fr.la27eregion.platform.workflow
 * .Transitions} moves for a {@link StageAction}. Not a record of its own: it reads and moves the project it was
 * made from ({@link Project#stages()}), whose version guards both workflows, so one place still applies every step.
 */
public final class StageRecord implements WorkflowRecord<ProjectStage, StageAction, ProjectInputs> {

    private final Project project;

    StageRecord(Project project) {
        this.project = Objects.requireNonNull(project, "project");
    }

    /** The project whose stage this is. */
    public Project project() {
        return project;
    }

    @Override
    public Object id() {
        return project.id();
    }

    @Override
    public ProjectStage state() {
        return project.stage();
    }

    @Override
    public int version() {
        return project.version();
    }

    @Override
    public void perform(TransitionTable.Transition<ProjectStage, StageAction> line, ProjectInputs inputs) {
        if (line.from() != project.stage()) {
            throw ProjectRefused.notFromThisState(project.stage(), line.action());
        }
        project.moveStage(line.to(), Project.reason(line.action(), line.reasonRequired(), inputs));
    }

    @Override
    public void touch(Instant now) {
        project.touch(now);
    }

    @Override
    public String lastReason() {
        return project.lastReason();
    }
}
