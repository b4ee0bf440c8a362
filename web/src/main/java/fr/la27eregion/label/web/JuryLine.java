package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.JuryRanking;
import fr.la27eregion.label.control.JuryRankingSql;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    private final String total;
    private final List<String> reviewerTotals;
    private final String spread;
    private final List<String> reviewerNames;
    private final List<ScoreLine> scoreLines;
    private final String stateLabel;

    private JuryLine(JuryRankingSql.Row row, String total, List<String> reviewerTotals, String spread,
                     List<String> reviewerNames, List<ScoreLine> scoreLines, String stateLabel) {
        this.row = row;
        this.total = total;
        this.reviewerTotals = reviewerTotals;
        this.spread = spread;
        this.reviewerNames = reviewerNames;
        this.scoreLines = scoreLines;
        this.stateLabel = stateLabel;
    }

    /** The rows of a ranking as the page writes them in this language, a column per reviewer position. */
    static List<JuryLine> of(JuryRanking ranking, Locale locale, ResourceBundle words) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(2);
        int columns = ranking.reviewColumns();
        List<JuryLine> lines = new ArrayList<>(ranking.rows().size());
        for (JuryRankingSql.Row row : ranking.rows()) {
            List<String> totals = new ArrayList<>(columns);
            for (int position = 0; position < columns; position++) {
                JuryRankingSql.Review review = row.review(position);
                totals.add(review == null ? "" : format(number, review.total()));
            }
            List<ScoreLine> scores = new ArrayList<>(ranking.criteria().size());
            for (JuryRanking.Criterion criterion : ranking.criteria()) {
                List<String> given = new ArrayList<>(row.reviews().size());
                for (JuryRankingSql.Review review : row.reviews()) {
                    Integer score = review.score(criterion.id());
                    given.add(score == null ? "" : score.toString());
                }
                scores.add(new ScoreLine(criterion.label(locale), criterion.maxScore(), given));
            }
            lines.add(new JuryLine(row, format(number, row.weightedTotal()), totals, format(number, row.spread()),
                    row.reviews().stream().map(JuryRankingSql.Review::reviewerName).toList(), scores,
                    words.getString("label.ApplicationState." + row.state().name())));
        }
        return lines;
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
        return total;
    }

    /** Each reviewer's total by column position, blank where this row has fewer reviews. */
    public List<String> getReviewerTotals() {
        return reviewerTotals;
    }

    public String getSpread() {
        return spread;
    }

    public List<String> getReviewerNames() {
        return reviewerNames;
    }

    public List<ScoreLine> getScoreLines() {
        return scoreLines;
    }

    public String getState() {
        return row.state().name();
    }

    public String getStateLabel() {
        return stateLabel;
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
