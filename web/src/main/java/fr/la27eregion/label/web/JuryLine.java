package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.JuryRanking;
import fr.la27eregion.label.control.JuryRankingSql;
import fr.la27eregion.label.entity.ApplicationState;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * A row of the jury page as it is written, in the reader's language: numbers formatted, the scores per criterion
 * laid out reviewer by reviewer, the state's words. Built once per view and language by {@link JuryView}, so that
 * rendering a page of the ranking reads plain properties instead of formatting and calling methods cell by cell
 * (measured by {@code ops/bench/jury}: per-cell converters and method expressions were most of the page's time).
 */
public final class JuryLine implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A criterion's line of a row's scores: its label, maximum and each reviewer's score (blank when none). */
    public static final class ScoreLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String label;
        private final int maxScore;
        private final List<String> scores;

        ScoreLine(String label, int maxScore, List<String> scores) {
            this.label = label;
            this.maxScore = maxScore;
            this.scores = scores;
        }

        public String getLabel() {
            return label;
        }

        public int getMaxScore() {
            return maxScore;
        }

        public List<String> getScores() {
            return scores;
        }
    }

    private final JuryRankingSql.Row row;
    private final Written written;

    /**
     * What a page's rows share: the ranking, the language, its number format and words (the scores' caption, the
     * states' names), the number of reviewers' columns.
     */
    private record Written(JuryRanking ranking, Locale locale, NumberFormat number, int columns, String caption,
                           Map<ApplicationState, String> states) implements Serializable {
    }

    private String total;
    private List<String> reviewerTotals;
    private String spread;
    private List<String> reviewerNames;
    private List<ScoreLine> scoreLines;
    private String scoresCaption;

    private JuryLine(JuryRankingSql.Row row, Written written) {
        this.row = row;
        this.written = written;
    }

    /**
     * The rows of a ranking as the page writes them in this language, a column per reviewer position. A row is
     * written (numbers formatted, scores laid out) the first time the page reads it: a page of 50 rows of a ranking
     * of 500 formats 50.
     */
    static List<JuryLine> of(JuryRanking ranking, Locale locale, ResourceBundle words) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        Map<ApplicationState, String> states = new EnumMap<>(ApplicationState.class);
        for (ApplicationState state : ApplicationState.values()) {
            states.put(state, words.getString("label.ApplicationState." + state.name()));
        }
        Written written = new Written(ranking, locale, number, ranking.reviewColumns(),
                words.getString("jury.scoresCaption"), states);
        return ranking.rows().stream().map(row -> new JuryLine(row, written)).toList();
    }

    private void write() {
        if (total != null) {
            return;
        }
        NumberFormat number = written.number();
        List<String> totals = new ArrayList<>(written.columns());
        for (int position = 0; position < written.columns(); position++) {
            JuryRankingSql.Review review = row.review(position);
            totals.add(review == null ? "" : format(number, review.total()));
        }
        List<ScoreLine> scores = new ArrayList<>(written.ranking().criteria().size());
        for (JuryRanking.Criterion criterion : written.ranking().criteria()) {
            List<String> given = new ArrayList<>(row.reviews().size());
            for (JuryRankingSql.Review review : row.reviews()) {
                Integer score = review.score(criterion.id());
                given.add(score == null ? "" : score.toString());
            }
            scores.add(new ScoreLine(criterion.label(written.locale()), criterion.maxScore(), given));
        }
        reviewerTotals = totals;
        spread = format(number, row.spread());
        reviewerNames = row.reviews().stream().map(JuryRankingSql.Review::reviewerName).toList();
        scoreLines = scores;
        scoresCaption = MessageFormat.format(written.caption(), row.projectTitle());
        total = format(number, row.weightedTotal());
    }

    private static String format(NumberFormat number, BigDecimal value) {
        return value == null ? "" : number.format(value);
    }

    /** The row as the boundary gave it (the decision dialog takes its id and version). */
    public JuryRankingSql.Row getRow() {
        return row;
    }

    public long getApplicationId() {
        return row.applicationId();
    }

    public int getRank() {
        return row.rank();
    }

    public String getProjectTitle() {
        return row.projectTitle();
    }

    public String getApplicant() {
        return row.applicant();
    }

    public boolean isRenewal() {
        return row.renewalOfLabelId() != null;
    }

    public String getTotal() {
        write();
        return total;
    }

    /** Each reviewer's total by column position, blank where this row has fewer reviews. */
    public List<String> getReviewerTotals() {
        write();
        return reviewerTotals;
    }

    public String getSpread() {
        write();
        return spread;
    }

    public List<String> getReviewerNames() {
        write();
        return reviewerNames;
    }

    public List<ScoreLine> getScoreLines() {
        write();
        return scoreLines;
    }

    public String getState() {
        return row.state().name();
    }

    public String getStateLabel() {
        return written.states().get(row.state());
    }

    /** The caption of the row's table of scores ("Scores of …"), for screen readers. */
    public String getScoresCaption() {
        write();
        return scoresCaption;
    }

    public boolean isDecided() {
        return row.decided();
    }

    public boolean isAwarded() {
        return row.awarded();
    }

    public String getCertificateNumber() {
        return row.certificateNumber();
    }

    public Integer getLevel() {
        return row.level();
    }

    public List<String> getMentions() {
        return row.mentions();
    }
}
