package fr.la27eregion.project.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectInputs;
import fr.la27eregion.project.entity.ProjectRefused;
import fr.la27eregion.project.entity.ProjectVisibility;
import jakarta.enterprise.context.Dependent;

import java.util.HashMap;
import java.util.Map;

/**
 * The visibility workflow of projects as {@link fr.la27eregion.platform.workflow.Transitions} applies it: its
 * table ({@link ProjectWorkflow#TABLE}), the journal's words ({@code project.publish}, entity type
 * {@code Project}) and what it keeps of a project. Each entry is filed under the lead organisation, whose timeline
 * then shows its projects' steps beside its membership's.
 */
@Dependent
public class ProjectTransitions implements Workflow<Project, ProjectVisibility, ProjectAction, ProjectInputs> {

    /** The journal's and the metrics' word for projects: {@code project.publish}, {@code project.transitions}. */
    public static final String NAME = "project";

    @Override
    public TransitionTable<ProjectVisibility, ProjectAction> table() {
        return ProjectWorkflow.TABLE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String entityType() {
        return Project.JOURNAL_TYPE;
    }

    @Override
    public Subject subject(Project project) {
        return project.leadOrganisation().subject();
    }

    @Override
    public Map<String, Object> details(Project project) {
        return describe(project);
    }

    @Override
    public void inTransaction(Project project, String act) {
        // nothing else to do in the step's transaction: no one is told of a project's steps yet
    }

    @Override
    public RuntimeException notFromThisState(ProjectVisibility state, ProjectAction action) {
        return ProjectRefused.notFromThisState(state, action);
    }

    /** What the journal keeps of a project beside its states: whose it is, how far it went, who sees it. */
    public static Map<String, Object> describe(Project project) {
        Map<String, Object> details = new HashMap<>();
        details.put("organisation", project.leadOrganisation().id());
        details.put("title", project.title());
        details.put("kind", project.kind().name());
        details.put("stage", project.stage().name());
        details.put("visibility", project.visibility().name());
        details.put("version", project.version());
        return details;
    }
}
