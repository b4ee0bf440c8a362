package fr.la27eregion.project.web;

import fr.la27eregion.platform.web.JournalLine;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.StepPage;
import fr.la27eregion.platform.web.WorkflowStep;
import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.entity.OutsidePartner;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectLink;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.project.entity.StageAction;
import fr.la27eregion.referential.entity.Territory;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code app/projects/project.xhtml?id=N}: a project as the caller may see it (a project out of their scope
 * is "not found", exactly as an unknown one), the steps of its two workflows the caller may take now, each
 * confirmed in a dialog that asks for a reason where the step needs one, and its journal entries for those who
 * change it. The rich texts are shown as the server kept them: sanitised when they were saved.
 */
@Named
@ViewScoped
public class ProjectView extends StepPage {

    private static final long serialVersionUID = 1L;

    /** A project as the page shows it. */
    public record Shown(long id, int version, String title, String summary, String description, String lessons,
                        long leadId, String lead, ProjectKind kind, ProjectStage stage, ProjectVisibility visibility,
                        LocalDate startedOn, LocalDate endedOn, BigDecimal budgetEuros, String contactName,
                        String contactEmail, String contactPhone, List<String> partners,
                        List<OutsidePartner> outsidePartners, List<String> territories, List<String> themes,
                        List<ProjectLink> links, String lastReason, Instant updatedAt, Instant publishedAt)
            implements Serializable {

        static Shown of(Project project, Locale locale) {
            Collator collator = Collator.getInstance(locale);
            return new Shown(project.id(), project.version(), project.title(), project.summary(),
                    project.description(), project.lessons(), project.leadOrganisation().id(),
                    project.leadOrganisation().name(), project.kind(), project.stage(), project.visibility(),
                    project.startedOn(), project.endedOn(), project.budgetEuros(), project.contactName(),
                    project.contactEmail(), project.contactPhone(),
                    project.partners().stream().map(o -> o.name()).sorted(collator).toList(),
                    new ArrayList<>(project.outsidePartners()),
                    project.territories().stream().sorted(Comparator.comparing(Territory::kind))
                            .map(t -> t.name() + " (" + t.code() + ")").toList(),
                    project.themes().stream().map(t -> t.name(locale)).sorted(collator).toList(),
                    new ArrayList<>(project.links()), project.lastReason(), project.updatedAt(),
                    project.publishedAt());
        }
    }

    /** The bundle prefixes of the two workflows' actions. */
    static final String PROJECT_ACTIONS = "project.ProjectAction";
    static final String STAGE_ACTIONS = "project.StageAction";

    @Inject
    private Projects projects;

    @Inject
    private Language language;

    private boolean editor;
    private Shown project;
    private List<JournalLine> history = List.of();

    public ProjectView() {
        super("project.stepDone");
    }

    @Override
    protected void read(long id) {
        Project found = projects.find(id);
        project = Shown.of(found, language.getLocale());
        editor = projects.edits(found);
        List<WorkflowStep> possible = new ArrayList<>();
        projects.possible(found).forEach(p -> possible.add(new WorkflowStep(PROJECT_ACTIONS, p.action().name(),
                p.reasonRequired())));
        projects.possibleStages(found).forEach(p -> possible.add(new WorkflowStep(STAGE_ACTIONS, p.action().name(),
                p.reasonRequired())));
        offer(possible);
        history = projects.history(found.id()).stream().map(JournalLine::of).toList();
    }

    @Override
    protected void take(WorkflowStep step, String reason) {
        if (STAGE_ACTIONS.equals(step.actions())) {
            projects.stage(project.id(), project.version(), StageAction.valueOf(step.action()), reason);
        } else {
            projects.step(project.id(), project.version(), ProjectAction.valueOf(step.action()), reason);
        }
    }

    @Override
    protected long id() {
        return project.id();
    }

    @Override
    public boolean isFound() {
        return project != null;
    }

    public boolean isEditor() {
        return editor;
    }

    public Shown getProject() {
        return project;
    }

    public List<JournalLine> getHistory() {
        return history;
    }
}
