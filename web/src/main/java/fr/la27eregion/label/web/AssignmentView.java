package fr.la27eregion.label.web;

import fr.la27eregion.platform.web.Reinjected;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.boundary.Assessments;
import fr.la27eregion.label.boundary.LabelDesk;
import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.control.ReviewerSuggestion;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.ReviewRefused;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secretariat's part of an application's page ({@code WEB-INF/includes/label/assignment.xhtml}, included in
 * {@code app/labels/application.xhtml}): the application's assessments (a recused reviewer flagged to replace, with
 * the reason given), the reviewers {@link Assessments#suggest} proposes with their load, each assigned with one
 * click, and the manual assignment of any reviewer, which the boundary refuses for a conflict of interest: the
 * refusal says whether the reviewer's organisation is the applicant or a partner of the project. Reads the
 * application of the page ({@link ApplicationView}); rendered for the secretariat only, and the boundaries refuse
 * anyone else anyway. After an assignment the page is read again (the application may have gone into review).
 */
@Named
@ViewScoped
public class AssignmentView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many suggestions are shown. */
    static final int SUGGESTIONS = 8;

    private static final Set<ApplicationState> WITH_REVIEWERS = Set.of(ApplicationState.SUBMITTED,
            ApplicationState.IN_REVIEW);

    /** A reviewer the suggestion proposes, with their organisation's name. */
    public record Suggestion(long accountId, String name, String organisation, long openAssignments)
            implements Serializable {
    }

    @Inject
    private ApplicationView page;

    @Inject
    private LabelApplications applications;

    @Inject
    private Assessments assessments;

    @Inject
    private LabelDesk desk;

    @Inject
    private transient Clock clock;

    /** The clock, looked up again when this view was restored on another instance (the field is transient). */
    private Clock clock() {
        clock = Reinjected.orLookUp(clock, Clock.class);
        return clock;
    }

    private Long applicationId;
    private ApplicationState state;
    private int required;
    private List<LabelDesk.DeskAssessment> assigned = List.of();
    private List<Suggestion> suggestions = List.of();
    private LocalDate dueOn;
    /** The reviewers the picker offered, by id: it chooses an id and shows a name. */
    private final Map<String, LabelDesk.Person> offered = new java.util.HashMap<>();
    private String reviewer;

    /** Whether the caller is the secretariat: the section is theirs. */
    public boolean isShown() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.NETWORK_ADMIN_NAME)
                && page.isFound();
    }

    private void read() {
        if (applicationId != null || !isShown()) {
            return;
        }
        applicationId = page.getApplication().id();
        dueOn = Clocks.today(clock()).plusDays(CampaignView.DEFAULT_DAYS);
        refresh();
    }

    private void refresh() {
        LabelApplication application = applications.find(applicationId);
        state = application.state();
        required = application.campaign().programme().reviewersPerApplication();
        assigned = desk.assessments(applicationId);
        if (isOpen()) {
            List<ReviewerSuggestion.Candidate> candidates = assessments.suggest(applicationId, SUGGESTIONS);
            Map<Long, String> organisations = desk.organisationNames(candidates.stream()
                    .map(ReviewerSuggestion.Candidate::organisationId).filter(java.util.Objects::nonNull)
                    .distinct().toList());
            suggestions = candidates.stream().map(c -> new Suggestion(c.accountId(), c.displayName(),
                    c.organisationId() == null ? null : organisations.get(c.organisationId()),
                    c.openAssignments())).toList();
        } else {
            suggestions = List.of();
        }
    }

    /** Whether reviewers may be assigned now: the application is with the reviewers and a place is free. */
    public boolean isOpen() {
        read();
        return WITH_REVIEWERS.contains(state) && getMissing() > 0;
    }

    /** How many more reviewers the programme asks for. */
    public long getMissing() {
        read();
        return required - assigned.stream().filter(s -> s.state()
                != fr.la27eregion.label.entity.AssessmentState.RECUSED).count();
    }

    /** Assigns a suggested reviewer. */
    public String assignSuggested(Suggestion suggestion) {
        return assign(suggestion.accountId(), suggestion.name(), "assignment:suggestionsMessage");
    }

    /** Assigns the reviewer chosen by name. */
    public String assignChosen() {
        LabelDesk.Person chosen = reviewer == null ? null : offered.get(reviewer);
        if (chosen == null) {
            RuleMessages.error("assignment:reviewer", "labelDesk.assign.choose");
            return null;
        }
        return assign(chosen.id(), chosen.displayName(), "assignment:reviewer");
    }

    private String assign(long accountId, String name, String where) {
        try {
            assessments.assign(applicationId, accountId, dueOn);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info("labelDesk.assign.done", name);
            return "/app/labels/application?faces-redirect=true&id=" + applicationId;
        } catch (ReviewRefused refused) {
            String input = "dueOn".equals(refused.field().orElse(null)) ? "assignment:dueOn" : where;
            // the conflict said with the reviewer's name and why, in words (its rule names APPLICANT or PARTNER)
            RuntimeException shown = refused.rule() != ReviewRefused.Rule.CONFLICT_OF_INTEREST ? refused
                    : new RuleViolation("reviewerAccountId", "labelDesk.conflict." + refused.arguments().get(0),
                    refused.getMessage(), name);
            RuleMessages.show(shown, field -> input, where);
            refresh();
            return null;
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, where);
            return null;
        }
    }

    /** The enabled reviewers whose name contains the text typed, for the manual assignment's picker. */
    public List<String> complete(String text) {
        return desk.reviewers(text, 20).stream().map(person -> {
            offered.put(String.valueOf(person.id()), person);
            return String.valueOf(person.id());
        }).toList();
    }

    /** How the picker shows a reviewer it offered: name, organisation, load. */
    public String describe(String id) {
        LabelDesk.Person person = id == null ? null : offered.get(id);
        if (person == null) {
            return "";
        }
        return RuleMessages.text("labelDesk.reviewer.describe", person.displayName(),
                person.organisation() == null ? RuleMessages.label("labelDesk.noOrganisation") : person.organisation(),
                person.openAssignments());
    }

    public List<LabelDesk.DeskAssessment> getAssigned() {
        read();
        return assigned;
    }

    public List<Suggestion> getSuggestions() {
        read();
        return suggestions;
    }

    public int getRequired() {
        read();
        return required;
    }

    public LocalDate getDueOn() {
        read();
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public String getReviewer() {
        return reviewer;
    }

    public void setReviewer(String reviewer) {
        this.reviewer = reviewer;
    }
}
