package fr.la27eregion.project.web;

import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.JournalLine;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.entity.OutsidePartner;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectLink;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.referential.entity.Territory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.PrimeFaces;

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
public class ProjectView implements Serializable {

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

    /** A step the caller may take: which workflow, the action's name, whether it needs a reason. */
    public record Step(boolean stage, String action, boolean reasonRequired) implements Serializable {

        /** The bundle key of the action's name. */
        public String key() {
            return (stage ? "project.StageAction." : "project.ProjectAction.") + action;
        }
    }


    @Inject
    private Projects projects;

    @Inject
    private Language language;

    private String requestedId;
    private boolean notFound;
    private boolean editor;
    private Shown project;
    private List<Step> steps = List.of();
    private List<JournalLine> history = List.of();
    private Step chosen;
    private String reason;

    /** Reads the project of the address, once per view. */
    public void load() {
        if (project != null || notFound) {
            return;
        }
        try {
            show(projects.find(Long.parseLong(String.valueOf(requestedId).strip())));
        } catch (NumberFormatException | RecordNotFound unknown) {
            notFound = true;
            FacesContext.getCurrentInstance().getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void show(Project found) {
        project = Shown.of(found, language.getLocale());
        editor = projects.edits(found);
        List<Step> possible = new ArrayList<>();
        projects.possible(found).forEach(p -> possible.add(new Step(false, p.action().name(), p.reasonRequired())));
        projects.possibleStages(found).forEach(p -> possible.add(new Step(true, p.action().name(),
                p.reasonRequired())));
        steps = List.copyOf(possible);
        history = projects.history(found.id()).stream().map(JournalLine::of).toList();
    }

    public void choose(Step step) {
        chosen = step;
        reason = null;
    }

    /** Takes the chosen step as of the version shown; a refusal (stale, a reason missing) is shown in the dialog. */
    public void perform() {
        try {
            if (chosen.stage()) {
                projects.stage(project.id(), project.version(),
                        fr.la27eregion.project.entity.StageAction.valueOf(chosen.action()), reason);
            } else {
                projects.step(project.id(), project.version(),
                        fr.la27eregion.project.entity.ProjectAction.valueOf(chosen.action()), reason);
            }
            RuleMessages.info("project.stepDone", RuleMessages.label(chosen.key()));
            chosen = null;
            show(projects.find(project.id()));
            PrimeFaces.current().ajax().addCallbackParam("performed", true);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "reason".equals(field) && chosen.reasonRequired() ? "action:reason"
                    : null, "action:actionMessages");
        }
    }

    public String getRequestedId() {
        return requestedId;
    }

    public void setRequestedId(String requestedId) {
        this.requestedId = requestedId;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isFound() {
        return project != null;
    }

    public boolean isEditor() {
        return editor;
    }

    public Shown getProject() {
        return project;
    }

    public List<Step> getSteps() {
        return steps;
    }

    public List<JournalLine> getHistory() {
        return history;
    }

    public Step getChosen() {
        return chosen;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
