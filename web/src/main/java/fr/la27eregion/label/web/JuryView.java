package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Juries;
import fr.la27eregion.label.boundary.JuryRanking;
import fr.la27eregion.label.control.JuryDecisions;
import fr.la27eregion.label.control.JuryRankingSql;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Backs {@code app/labels/jury.xhtml?campaign=N}: a campaign's jury ranking ({@link Juries#ranking}: the reviewed
 * and decided applications, the best weighted total first, each reviewer's total side by side and the spread, the
 * scores per criterion folded under each row) and, for its chair, the decision dialog: award (level, mentions) or
 * reject, the motivation written or filled from one of the programme's templates. A decision another made meanwhile
 * is a stale one: said plainly, and the ranking read again.
 */
@Named
@ViewScoped
public class JuryView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows per page of the ranking. */
    static final int PAGE = 50;

    /** The application the dialog decides: as the ranking showed it. */
    public record Chosen(long applicationId, int version, String projectTitle, String applicant)
            implements Serializable {
    }

    @Inject
    private Juries juries;

    @Inject
    private Language language;

    private String requestedCampaign;
    private boolean notFound;
    private boolean refused;
    /** The page of the ranking shown: its rows, and the campaign's facts and counts. */
    private JuryRanking ranking;
    /** The page's rows as written in {@link #linesLocale}: built again when the reader changes language. */
    private List<JuryLine> lines;
    private List<Integer> reviewColumns;
    private Locale linesLocale;
    private final Rows rows = new Rows();

    private Chosen chosen;
    private String decision;
    private Integer level;
    private List<String> mentions = new ArrayList<>();
    private Long templateId;
    private String motivation;

    /** Reads the ranking of the address's campaign, once per view. */
    public void load() {
        if (ranking != null || notFound || refused) {
            return;
        }
        try {
            ranking = juries.rankingPage(Long.parseLong(String.valueOf(requestedCampaign).strip()), 0, PAGE);
        } catch (NumberFormatException | RecordNotFound unknown) {
            notFound = true;
            status(HttpServletResponse.SC_NOT_FOUND);
        } catch (AccessRefused | EJBAccessException notTheirs) {
            refused = true;
            status(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /**
     * The ranking's rows for the page's table, one page at a time: the table asks for the rows it shows, and only
     * those are read ({@link Juries#rankingPage}), the first page once with the view.
     */
    public final class Rows extends LazyDataModel<JuryLine> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return ranking == null ? 0 : (int) ranking.ranked();
        }

        @Override
        public List<JuryLine> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            if (ranking == null) {
                return List.of();
            }
            if (ranking.first() != first || ranking.rows().size() > pageSize) {
                page(first, pageSize);
            }
            return getLines();
        }

        @Override
        public String getRowKey(JuryLine line) {
            return String.valueOf(line.getApplicationId());
        }

        @Override
        public JuryLine getRowData(String rowKey) {
            return getLines().stream().filter(line -> getRowKey(line).equals(rowKey)).findFirst().orElse(null);
        }
    }

    private void page(int first, int size) {
        ranking = juries.rankingPage(ranking.campaignId(), first, size);
        lines = null;
        reviewColumns = null;
    }

    public Rows getRows() {
        return rows;
    }

    /** The rows of the page shown as the page writes them, in the reader's language. */
    public List<JuryLine> getLines() {
        if (ranking == null) {
            return List.of();
        }
        Locale locale = language.getLocale();
        if (lines == null || !locale.equals(linesLocale)) {
            FacesContext faces = FacesContext.getCurrentInstance();
            lines = JuryLine.of(ranking, locale, faces.getApplication().getResourceBundle(faces, "msg"));
            linesLocale = locale;
        }
        return lines;
    }

    /**
     * Opens the decision dialog on the row whose application the request names ({@code application}): one command
     * for every row's button, instead of a command component per row. A row not in this view's ranking opens
     * nothing; the decision itself is checked again by the boundary.
     */
    public void chooseRequested() {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("application");
        if (ranking == null || requested == null) {
            return;
        }
        ranking.rows().stream().filter(row -> String.valueOf(row.applicationId()).equals(requested.strip()))
                .filter(row -> !row.decided()).findFirst().ifPresent(this::choose);
    }

    /** Opens the decision dialog on a row of the ranking. */
    public void choose(JuryRankingSql.Row row) {
        chosen = new Chosen(row.applicationId(), row.version(), row.projectTitle(), row.applicant());
        decision = ApplicationAction.AWARD.name();
        level = null;
        mentions = new ArrayList<>();
        templateId = null;
        motivation = null;
    }

    /** Fills the motivation with the chosen template's text in the reader's language (and takes its kind). */
    public void applyTemplate() {
        if (templateId == null) {
            return;
        }
        ranking.templates().stream().filter(t -> t.id() == templateId).findFirst().ifPresent(template -> {
            motivation = template.text(language.getLocale());
            decision = template.kind();
        });
    }

    /** Records the decision as of the version the ranking showed. */
    public void decide() {
        if (chosen == null) {
            return;
        }
        ApplicationAction action = ApplicationAction.valueOf(decision == null ? "AWARD" : decision);
        try {
            JuryDecisions.Decided decided = juries.decide(chosen.applicationId(), chosen.version(), action,
                    motivation, action == ApplicationAction.AWARD ? level : null,
                    action == ApplicationAction.AWARD ? mentions : List.of());
            RuleMessages.info(action == ApplicationAction.AWARD ? "jury.awarded" : "jury.rejected",
                    chosen.projectTitle(), decided.label().map(label -> label.certificateNumber()).orElse(""));
            PrimeFaces.current().ajax().addCallbackParam("performed", true);
            chosen = null;
            reload();
        } catch (RuntimeException failure) {
            if (StaleRecord.isStale(failure)) {
                RuleMessages.error(null, "jury.stale", chosen.projectTitle());
                PrimeFaces.current().ajax().addCallbackParam("performed", true);
                chosen = null;
                reload();
                return;
            }
            RuleMessages.show(failure, field -> switch (field) {
                case "reason" -> "decision:motivation";
                case "level" -> "decision:level";
                case "mentions" -> "decision:mentions";
                default -> null;
            }, "decision:decisionMessage");
        }
    }

    private void reload() {
        page(ranking.first(), PAGE);
    }

    private static void status(int status) {
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    /** The positions of the reviewers' columns: 0 to the most assessments an application has, less one. */
    public List<Integer> getReviewColumns() {
        if (ranking == null) {
            return List.of();
        }
        if (reviewColumns == null) { // asked for each row: counted once per ranking
            reviewColumns = IntStream.range(0, ranking.reviewColumns()).boxed().toList();
        }
        return reviewColumns;
    }

    /** The levels the programme grants, 1 to its highest. */
    public List<Integer> getLevels() {
        return ranking == null || ranking.levels() == null ? List.of()
                : IntStream.rangeClosed(1, ranking.levels()).boxed().toList();
    }

    public boolean isAward() {
        return ApplicationAction.AWARD.name().equals(decision);
    }

    public String getRequestedCampaign() {
        return requestedCampaign;
    }

    public void setRequestedCampaign(String requestedCampaign) {
        this.requestedCampaign = requestedCampaign;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isRefused() {
        return refused;
    }

    public boolean isFound() {
        return ranking != null;
    }

    public JuryRanking getRanking() {
        return ranking;
    }

    public Chosen getChosen() {
        return chosen;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public Integer getLevel() {
        return level;
    }

    public void setLevel(Integer level) {
        this.level = level;
    }

    public List<String> getMentions() {
        return mentions;
    }

    public void setMentions(List<String> mentions) {
        this.mentions = mentions == null ? new ArrayList<>() : new ArrayList<>(mentions);
    }

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }

    public String getMotivation() {
        return motivation;
    }

    public void setMotivation(String motivation) {
        this.motivation = motivation;
    }
}
