package fr.la27eregion.audit.web;

import fr.la27eregion.platform.web.Reinjected;
import fr.la27eregion.platform.Jsons;
import fr.la27eregion.audit.boundary.AuditStatistics;
import fr.la27eregion.audit.boundary.AuditStatistics.CampaignCount;
import fr.la27eregion.audit.boundary.AuditStatistics.Choice;
import fr.la27eregion.audit.boundary.AuditStatistics.MonthState;
import fr.la27eregion.audit.boundary.AuditStatistics.ReviewerLoad;
import fr.la27eregion.audit.boundary.AuditStatistics.StateCount;
import fr.la27eregion.audit.boundary.AuditStatistics.StepTime;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.web.JournalWords;
import fr.la27eregion.platform.web.Language;
import jakarta.faces.view.ViewScoped;
import fr.la27eregion.audit.boundary.Exports;
import fr.la27eregion.audit.control.StatisticsRows;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The auditor's statistics ({@code app/audit/statistics.xhtml?programme=&campaign=&from=&to=}): applications per
 * state and per campaign, the time spent in each step, the reviewers' load, memberships per state month by month.
 * Each figure is a chart (a Chart.js model for {@code p:chart}) and a table with the same numbers, the table being
 * what a screen reader reads (the chart's canvas is an image labelled to point to it). The filters are sent by GET,
 * so a view of the figures is an address. Auditors and the secretariat only; the boundary decides.
 */
@Named
@ViewScoped
public class StatisticsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] PALETTE = {"#14365f", "#b34e00", "#1f7a3a", "#8e1f5b", "#5a5a5a", "#0b6e99",
        "#7a5c00", "#a4000f", "#4b3b8f"};

    /** A month's memberships per state, in the order of {@link #getMonthStates()}. */
    public record MonthRow(YearMonth month, List<Long> counts) implements Serializable {
    }

    @Inject
    private AuditStatistics statistics;

    @Inject
    private JournalWords words;

    @Inject
    private Language language;

    // transient: the platform's clock is not serializable, this view is (as in the other views)
    @Inject
    private transient Clock clock;

    /** The clock, looked up again when this view was restored on another instance (the field is transient). */
    private Clock clock() {
        clock = Reinjected.orLookUp(clock, Clock.class);
        return clock;
    }

    private String programme;
    private String campaign;
    private String from;
    private String to;

    private boolean allowed;
    private boolean badFilter;
    private AuditStatistics.Filter filter;
    private List<Choice> programmes = List.of();
    private List<Choice> campaigns = List.of();
    private List<StateCount> perState = List.of();
    private List<CampaignCount> perCampaign = List.of();
    private List<StepTime> steps = List.of();
    private List<ReviewerLoad> reviewers = List.of();
    private List<String> monthStates = List.of();
    private List<MonthRow> months = List.of();

    @Inject
    private Exports exports;

    /** Asks for one of the page's tables ({@code STATES}, {@code CAMPAIGNS}...) as a file, for the same filter. */
    public String export(String table, String format) {
        return ExportAsking.ask(format, asked -> exports.exportStatistics(StatisticsRows.Table.valueOf(table), filter,
                asked));
    }

    /** Reads the figures of the filters asked (the last twelve months by default). */
    public void load() {
        allowed = AuditorsOnly.check();
        if (!allowed || filter != null) {
            return;
        }
        LocalDate today = LocalDate.now(clock().withZone(Clocks.FRANCE));
        LocalDate start = day(from, YearMonth.from(today).minusMonths(11).atDay(1));
        LocalDate end = day(to, today);
        if (end.isBefore(start)) {
            badFilter = true;
            start = YearMonth.from(today).minusMonths(11).atDay(1);
            end = today;
        }
        filter = new AuditStatistics.Filter(id(programme), id(campaign), start, end);
        from = start.toString();
        to = end.toString();
        programmes = statistics.programmes();
        campaigns = statistics.campaigns();
        perState = statistics.applicationsPerState(filter);
        perCampaign = statistics.applicationsPerCampaign(filter);
        steps = statistics.stepTimes(filter);
        reviewers = statistics.reviewerLoad(filter);
        List<MonthState> series = statistics.membershipsPerMonth(filter);
        monthStates = List.copyOf(new TreeSet<>(series.stream().map(MonthState::state).toList()));
        Map<YearMonth, List<Long>> byMonth = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(start); !month.isAfter(YearMonth.from(end)); month = month.plusMonths(1)) {
            byMonth.put(month, new ArrayList<>(monthStates.stream().map(state -> 0L).toList()));
        }
        for (MonthState row : series) {
            List<Long> counts = byMonth.get(row.month());
            if (counts != null) {
                counts.set(monthStates.indexOf(row.state()), row.count());
            }
        }
        months = byMonth.entrySet().stream().map(e -> new MonthRow(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private LocalDate day(String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException bad) {
            badFilter = true;
            return otherwise;
        }
    }

    private Long id(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException bad) {
            badFilter = true;
            return null;
        }
    }

    /** An application's state in the reader's words. */
    public String applicationState(String state) {
        return words.state("LabelApplication", state);
    }

    /** A step's name: a state of applications, or "submission to decision". */
    public String step(String step) {
        return StepTime.DECISION.equals(step) ? words.word("audit.stats.decision", step) : applicationState(step);
    }

    /** A membership's state in the reader's words. */
    public String membershipState(String state) {
        return words.state("Membership", state);
    }

    /** A month as the reader writes it ("mars 2026"). */
    public String month(YearMonth month) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", language.getLocale()).format(month);
    }

    /** Days, one decimal, in the reader's way. */
    public String days(double days) {
        return String.format(language.getLocale(), "%.1f", days);
    }

    /** A programme's or campaign's name in the reader's language. */
    public String name(Choice choice) {
        return (Locale.ENGLISH.getLanguage().equals(language.getLocale().getLanguage()) ? choice.nameEn()
                : choice.nameFr()) + " (" + choice.code() + ")";
    }

    public String getPerStateChart() {
        return bar(perState.stream().map(row -> applicationState(row.state())).toList(),
                dataset(words.word("audit.stats.applications", ""), 0, perState, row -> row.count()));
    }

    public String getPerCampaignChart() {
        return bar(perCampaign.stream().map(CampaignCount::campaign).toList(),
                dataset(words.word("audit.stats.total", ""), 0, perCampaign, CampaignCount::total),
                dataset(words.word("label.ApplicationState.AWARDED", ""), 2, perCampaign, CampaignCount::awarded),
                dataset(words.word("label.ApplicationState.REJECTED", ""), 7, perCampaign, CampaignCount::rejected));
    }

    public String getStepsChart() {
        return bar(steps.stream().map(row -> step(row.step())).toList(),
                dataset(words.word("audit.stats.median", ""), 0, steps, StepTime::median),
                dataset(words.word("audit.stats.p90", ""), 1, steps, StepTime::p90));
    }

    public String getReviewersChart() {
        return bar(reviewers.stream().map(ReviewerLoad::reviewer).toList(),
                dataset(words.word("label.AssessmentState.ASSIGNED", ""), 0, reviewers, ReviewerLoad::assigned),
                dataset(words.word("label.AssessmentState.SUBMITTED", ""), 2, reviewers, ReviewerLoad::submitted),
                dataset(words.word("label.AssessmentState.RECUSED", ""), 1, reviewers, ReviewerLoad::recused));
    }

    public String getMembershipsChart() {
        List<JsonObjectBuilder> datasets = new ArrayList<>();
        for (int i = 0; i < monthStates.size(); i++) {
            int column = i;
            datasets.add(dataset(membershipState(monthStates.get(i)), i, months, row -> row.counts().get(column)));
        }
        return chart("line", months.stream().map(row -> month(row.month())).toList(), datasets);
    }

    private static <T> JsonObjectBuilder dataset(String label, int colour, List<T> rows, ToDoubleFunction<T> value) {
        JsonArrayBuilder data = Jsons.createArrayBuilder();
        rows.forEach(row -> data.add(value.applyAsDouble(row)));
        String fill = PALETTE[colour % PALETTE.length];
        return Jsons.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", fill)
                .add("borderColor", fill);
    }

    private static String bar(List<String> labels, JsonObjectBuilder... datasets) {
        return chart("bar", labels, List.of(datasets));
    }

    private static String chart(String type, List<String> labels, List<JsonObjectBuilder> datasets) {
        JsonArrayBuilder sets = Jsons.createArrayBuilder();
        datasets.forEach(sets::add);
        JsonArrayBuilder names = Jsons.createArrayBuilder();
        labels.forEach(names::add);
        return Jsons.createObjectBuilder().add("type", type)
                .add("data", Jsons.createObjectBuilder().add("labels", names).add("datasets", sets))
                .add("options", Jsons.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                        .add("scales", Jsons.createObjectBuilder().add("y", Jsons.createObjectBuilder()
                                .add("beginAtZero", true))))
                .build().toString();
    }

    /** The campaigns of the programme chosen (all when none). */
    public List<Choice> getCampaignChoices() {
        Long chosen = filter == null ? null : filter.programmeId();
        return chosen == null ? campaigns : campaigns.stream().filter(c -> chosen.equals(c.programmeId())).toList();
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isBadFilter() {
        return badFilter;
    }

    public AuditStatistics.Filter getFilter() {
        return filter;
    }

    public List<Choice> getProgrammes() {
        return programmes;
    }

    public List<StateCount> getPerState() {
        return perState;
    }

    public List<CampaignCount> getPerCampaign() {
        return perCampaign;
    }

    public List<StepTime> getSteps() {
        return steps;
    }

    public List<ReviewerLoad> getReviewers() {
        return reviewers;
    }

    public List<String> getMonthStates() {
        return monthStates;
    }

    public List<MonthRow> getMonths() {
        return months;
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }
}
