package fr.la27eregion.label.web;

import fr.la27eregion.platform.web.Reinjected;
import fr.la27eregion.label.boundary.Assessments;
import fr.la27eregion.label.boundary.BulkAssignment;
import fr.la27eregion.label.boundary.Campaigns;
import fr.la27eregion.label.boundary.LabelDesk;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One campaign for the secretariat ({@code app/labels/campaign.xhtml?id=N}): its titles, dates, jury day and chair
 * revised at the version shown; its applications with the progress of their review (reviewers assigned, submitted,
 * recused); and "assign the suggested reviewers" to the applications chosen (or to every one waiting for
 * reviewers), all due on one day, through {@link Assessments#assignSuggested}, whose outcome is told per
 * application, those it could not complete with the reason. Thin: the boundaries check and write.
 */
@Named
@ViewScoped
public class CampaignView extends SecretariatRecordPage {

    private static final long serialVersionUID = 1L;

    /** How long a reviewer has by default, from today. */
    static final int DEFAULT_DAYS = 21;

    /** What the bulk assignment did for one application, in the reader's words. */
    public record Outcome(long applicationId, String project, boolean complete, String text)
            implements Serializable {
    }

    @Inject
    private Campaigns campaigns;

    @Inject
    private Assessments assessments;

    @Inject
    private LabelDesk desk;

    @Inject
    private Language language;

    @Inject
    private transient Clock clock;

    /** The clock, looked up again when this view was restored on another instance (the field is transient). */
    private Clock clock() {
        clock = Reinjected.orLookUp(clock, Clock.class);
        return clock;
    }

    private String title;
    private String programme;
    private long programmeId;
    private int gridVersion;
    private CampaignForm form;
    private List<LabelDesk.Person> chairs = List.of();
    private List<LabelDesk.ApplicationProgress> applications = List.of();
    private List<LabelDesk.ApplicationProgress> selected = new ArrayList<>();
    private LocalDate dueOn;
    private List<Outcome> outcomes = List.of();
    private String outcomeSummary;

    @Override
    protected void read(long id) {
        show(campaigns.find(id));
        chairs = desk.juryMembers();
        dueOn = Clocks.today(clock()).plusDays(DEFAULT_DAYS);
    }

    private void show(Campaign campaign) {
        Locale locale = language.getLocale();
        showing(campaign.id(), campaign.version(), campaign.code());
        title = campaign.title(locale);
        programme = campaign.programme().name(locale);
        programmeId = campaign.programme().id();
        gridVersion = campaign.grid().gridVersion();
        form = CampaignForm.of(campaign);
        applications = desk.applications(getId());
    }

    /** Saves the titles, dates and chair as of the version shown. */
    public void save() {
        try {
            show(campaigns.revise(getId(), version(), form.details()));
            RuleMessages.info("labelDesk.campaign.saved", getCode());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> CampaignForm.input("settings", field), "settings:formMessage");
        }
    }

    /** Assigns the suggested reviewers to the applications ticked. */
    public void assignSelected() {
        if (selected == null || selected.isEmpty()) {
            RuleMessages.error("bulk:assignSelected", "labelDesk.bulk.none");
            return;
        }
        assign(selected.stream().map(LabelDesk.ApplicationProgress::id).toList());
    }

    /** Assigns the suggested reviewers to every application waiting for reviewers. */
    public void assignAll() {
        List<Long> waiting = applications.stream().filter(LabelDesk.ApplicationProgress::assignable)
                .map(LabelDesk.ApplicationProgress::id).toList();
        if (waiting.isEmpty()) {
            RuleMessages.error("bulk:assignAll", "labelDesk.bulk.noneWaiting");
            return;
        }
        assign(waiting);
    }

    private void assign(Collection<Long> ids) {
        try {
            List<BulkAssignment> done = assessments.assignSuggested(ids, dueOn);
            Map<Long, String> projects = applications.stream().collect(Collectors.toMap(
                    LabelDesk.ApplicationProgress::id, LabelDesk.ApplicationProgress::project, (a, b) -> a));
            Map<Long, String> names = new HashMap<>(desk.accountNames(done.stream()
                    .flatMap(b -> b.assignedReviewerIds().stream()).distinct().toList()));
            outcomes = done.stream().map(b -> outcome(b, projects.get(b.applicationId()), names::get)).toList();
            long complete = outcomes.stream().filter(Outcome::complete).count();
            outcomeSummary = RuleMessages.text("labelDesk.bulk.summary", complete, outcomes.size() - complete);
            selected = new ArrayList<>();
            applications = desk.applications(getId());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "dueOn".equals(field) ? "bulk:dueOn" : null, "bulk:assignSelected");
        }
    }

    private static Outcome outcome(BulkAssignment bulk, String project, Function<Long, String> names) {
        String assigned = bulk.assignedReviewerIds().stream().map(names).collect(Collectors.joining(", "));
        if (bulk.refusal() != null) {
            return new Outcome(bulk.applicationId(), project, false,
                    RuleMessages.text("labelDesk.bulk.refused", refusalText(bulk.refusal())));
        }
        if (bulk.stillMissing() > 0) {
            return new Outcome(bulk.applicationId(), project, false, RuleMessages.text("labelDesk.bulk.missing",
                    bulk.assignedReviewerIds().size(), assigned, bulk.stillMissing()));
        }
        return new Outcome(bulk.applicationId(), project, true, bulk.assignedReviewerIds().isEmpty()
                ? RuleMessages.label("labelDesk.bulk.nothingToDo")
                : RuleMessages.text("labelDesk.bulk.assigned", bulk.assignedReviewerIds().size(), assigned));
    }

    /** The text of a refusal's key; a rule whose text needs arguments is said without them. */
    private static String refusalText(String key) {
        return RuleMessages.label("labelDesk.refusal." + key.substring(key.lastIndexOf('.') + 1));
    }

    /** The label of an application's checkbox for assistive technologies. */
    public String selectLabel(LabelDesk.ApplicationProgress row) {
        return row == null ? RuleMessages.label("labelDesk.bulk.select")
                : RuleMessages.text("labelDesk.bulk.selectRow", row.project());
    }

    public String getTitle() {
        return title;
    }

    public String getProgramme() {
        return programme;
    }

    public long getProgrammeId() {
        return programmeId;
    }

    public int getGridVersion() {
        return gridVersion;
    }

    public CampaignForm getForm() {
        return form;
    }

    public List<LabelDesk.Person> getChairs() {
        return chairs;
    }

    /** The programmes are not chosen again once the campaign exists. */
    public List<CampaignsView.ProgrammeChoice> getProgrammes() {
        return List.of();
    }

    public List<LabelDesk.ApplicationProgress> getApplications() {
        return applications;
    }

    public List<LabelDesk.ApplicationProgress> getSelected() {
        return selected;
    }

    public void setSelected(List<LabelDesk.ApplicationProgress> selected) {
        this.selected = selected;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public void setDueOn(LocalDate dueOn) {
        this.dueOn = dueOn;
    }

    public List<Outcome> getOutcomes() {
        return outcomes;
    }

    public String getOutcomeSummary() {
        return outcomeSummary;
    }
}
