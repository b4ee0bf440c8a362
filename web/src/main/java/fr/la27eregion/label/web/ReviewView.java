package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.AssessmentView;
import fr.la27eregion.label.boundary.Assessments;
import fr.la27eregion.label.boundary.ReviewedApplication;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RecordPage;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reviewer's page of one application ({@code app/labels/review.xhtml?id=N}, N the <b>application's</b> id, as
 * in the API's {@code /reviews/{applicationId}}: a reviewer has one assessment per application, and the address
 * stays the same whoever reads it). The application as the review lets the caller read it
 * ({@link Assessments#application}: no applicant, people or partners in a blind programme), the criteria with their
 * guidance in the reader's language, a score per criterion and comments, saved as of the version shown; submitting
 * (behind a confirmation) saves what is typed first, then submits; a conflict of interest is declared with its
 * reason. Once submitted the page is read-only, with the server's weighted total and, where the programme opens
 * them, the others' submitted assessments; once recused the application is no longer shown (the reviewer no longer
 * reaches it). An application the caller does not review is the not-found page, as an unknown id is.
 */
@Named
@ViewScoped
public class ReviewView extends RecordPage {

    private static final long serialVersionUID = 1L;

    private static final Pattern SCORE_FIELD = Pattern.compile("scores\\[(\\d+)]");

    /** A criterion of the grid, the applicant's answer, and the reviewer's score as the form edits it. */
    public static final class Criterion implements Serializable {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final String code;
        private final String label;
        private final String guidance;
        private final BigDecimal weight;
        private final int maxScore;
        private final String answer;
        private Integer score;

        Criterion(ReviewedApplication.Criterion criterion, String answer, Integer score, Locale locale) {
            boolean english = "en".equals(locale.getLanguage());
            this.id = criterion.id();
            this.code = criterion.code();
            this.label = english ? criterion.labelEn() : criterion.labelFr();
            this.guidance = english ? criterion.guidanceEn() : criterion.guidanceFr();
            this.weight = criterion.weight();
            this.maxScore = criterion.maxScore();
            this.answer = answer;
            this.score = score;
        }

        public long getId() {
            return id;
        }

        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }

        public String getGuidance() {
            return guidance;
        }

        public BigDecimal getWeight() {
            return weight;
        }

        public int getMaxScore() {
            return maxScore;
        }

        public String getAnswer() {
            return answer;
        }

        public Integer getScore() {
            return score;
        }

        public void setScore(Integer score) {
            this.score = score;
        }
    }

    /** Another reviewer's submitted assessment, shown only where the boundary returned it. */
    public record Other(String reviewer, List<String> scores, BigDecimal weightedTotal, String comments)
            implements Serializable {
    }

    @Inject
    private Assessments assessments;

    @Inject
    private Language language;

    @Inject
    private DueDates due;

    private ReviewedApplication application;
    private AssessmentView mine;
    private List<Criterion> criteria = List.of();
    private List<Other> others = List.of();
    private String comments;
    private String reason;

    /** Reads the application of the address and the caller's assessment on it (not theirs to review: not found). */
    @Override
    protected void read(long applicationId) {
        try {
            show(applicationId);
        } catch (EJBAccessException refused) {
            application = null;
            throw new RecordNotFound("Application " + applicationId + " is not one the caller reviews");
        }
    }

    private void show(long applicationId) {
        ReviewedApplication read = assessments.application(applicationId);
        List<AssessmentView> readable = assessments.ofApplication(applicationId);
        AssessmentView own = readable.stream().filter(AssessmentView::mine).findFirst()
                // the secretariat, auditors and the jury read the application elsewhere: this page is a reviewer's
                .orElseThrow(() -> new RecordNotFound("No assessment of yours on application " + applicationId));
        Locale locale = language.getLocale();
        application = read;
        mine = own;
        comments = own.comments();
        criteria = read.criteria().stream().map(c -> new Criterion(c, read.answers().get(c.id()),
                own.scores().get(c.id()), locale)).toList();
        others = readable.stream().filter(view -> !view.mine()).map(view -> new Other(view.reviewerName(),
                read.criteria().stream().map(c -> Objects.toString(view.scores().get(c.id()), "—")).toList(),
                view.weightedTotal(), view.comments())).toList();
    }

    /** Saves the scores and comments as of the version shown. */
    public void save() {
        if (saveTyped(true)) {
            RuleMessages.info("review.page.saved");
            show(application.id());
        }
    }

    /** Saves what was typed (when it changed), then submits: every criterion scored, as of the version shown. */
    public void submit() {
        if (!saveTyped(false)) {
            return;
        }
        try {
            mine = assessments.submit(application.id(), mine.id(), mine.version());
            RuleMessages.info("review.page.submitted");
            show(application.id());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, this::inputOf, "scoreForm:scoreMessage");
        }
    }

    /** Declares a conflict of interest with its reason: the caller is recused and no longer reads the application. */
    public void recuse() {
        try {
            mine = assessments.recuse(application.id(), mine.id(), mine.version(), reason);
            RuleMessages.info("review.page.recused");
            reason = null;
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "reason".equals(field) ? "recuseForm:reason" : null,
                    "recuseForm:recuseMessage");
        }
    }

    /** Saves when asked, or when something typed differs from the assessment shown; false when refused. */
    private boolean saveTyped(boolean always) {
        Map<Long, Integer> scores = new LinkedHashMap<>();
        criteria.forEach(criterion -> scores.put(criterion.getId(), criterion.getScore()));
        boolean changed = !Objects.equals(blankToNull(comments), blankToNull(mine.comments()))
                || criteria.stream().anyMatch(c -> !Objects.equals(c.getScore(), mine.scores().get(c.getId())));
        if (!always && !changed) {
            return true;
        }
        try {
            scores.values().removeIf(Objects::isNull);
            mine = assessments.save(application.id(), mine.id(), mine.version(), scores, comments);
            return true;
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, this::inputOf, "scoreForm:scoreMessage");
            return false;
        }
    }

    /** The input a refusal's field names: a criterion's score, the comments; null for the form as a whole. */
    private String inputOf(String field) {
        if ("comments".equals(field)) {
            return "scoreForm:comments";
        }
        Matcher score = SCORE_FIELD.matcher(field);
        if (score.matches()) {
            long id = Long.parseLong(score.group(1));
            for (int i = 0; i < criteria.size(); i++) {
                if (criteria.get(i).getId() == id) {
                    return "scoreForm:criteria:" + i + ":score";
                }
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether the caller still scores: their assessment is assigned, not submitted nor recused. */
    public boolean isEditable() {
        return mine != null && mine.state() == AssessmentState.ASSIGNED;
    }

    public boolean isSubmitted() {
        return mine != null && mine.state() == AssessmentState.SUBMITTED;
    }

    public boolean isRecused() {
        return mine != null && mine.state() == AssessmentState.RECUSED;
    }

    /** Whether the due date has passed with the assessment still to submit. */
    public boolean isOverdue() {
        return isEditable() && due.passed(mine.dueOn());
    }

    @Override
    public boolean isFound() {
        return application != null;
    }

    public ReviewedApplication getApplication() {
        return application;
    }

    public AssessmentView getMine() {
        return mine;
    }

    public List<Criterion> getCriteria() {
        return criteria;
    }

    public List<Other> getOthers() {
        return others;
    }

    public String getComments() {
        return comments;
    }

    public void setComments(String comments) {
        this.comments = comments;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The project's member partners, in one line (never for a reviewer of a blind programme: none are sent). */
    public String getPartners() {
        return String.join(", ", application.partners());
    }

    /** The programme's name in the reader's language. */
    public String getProgrammeName() {
        return "en".equals(language.getLocale().getLanguage()) ? application.programmeNameEn()
                : application.programmeNameFr();
    }
}
