package fr.la27eregion.label.boundary;

import fr.la27eregion.label.control.JuryRankingSql;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A campaign's jury ranking as {@link Juries} gives it: the campaign, its programme's levels and mentions and
 * decision templates (what a decision may grant and start from), the frozen grid's criteria (the columns of the
 * scores), and the reviewed and decided applications, the best weighted total first, each with its submitted
 * assessments side by side.
 *
 * @param chair   whether the reader chairs this campaign's jury (and so decides)
 * @param waiting how many applications of the campaign are still with the applicant or the reviewers
 * @param ready   whether the chair was told the campaign is ready for the jury
 * @param levels    the programme's highest level (levels run from 1), null when it has none
 * @param rows      the whole ranking, or one page of it ({@link Juries#rankingPage})
 * @param ranked    how many applications the whole ranking has
 * @param undecided how many of them wait for the jury's decision
 * @param first     the position of the first of {@code rows} in the whole ranking (0 for the whole)
 */
public record JuryRanking(long campaignId, String campaignCode, String titleFr, String titleEn, LocalDate juryOn,
                          String chairName, boolean chair, String programmeNameFr, String programmeNameEn,
                          Integer levels, List<String> mentions, List<Template> templates,
                          List<Criterion> criteria, List<JuryRankingSql.Row> rows, long waiting, boolean ready,
                          long ranked, long undecided, int first)
        implements Serializable {

    /** A criterion of the campaign's frozen grid. */
    public record Criterion(long id, String code, String labelFr, String labelEn, BigDecimal weight, int maxScore)
            implements Serializable {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) ? labelEn : labelFr;
        }
    }

    /** A decision template of the programme: its kind ({@code AWARD}, {@code REJECT}), title and texts. */
    public record Template(long id, String kind, String title, String textFr, String textEn)
            implements Serializable {

        public String text(Locale locale) {
            return "en".equals(locale.getLanguage()) ? textEn : textFr;
        }
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleFr;
    }

    public String programmeName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? programmeNameEn : programmeNameFr;
    }

    /** The most assessments an application of these rows has: the number of reviewers' columns side by side. */
    public int reviewColumns() {
        return rows.stream().mapToInt(row -> row.reviews().size()).max().orElse(0);
    }

}
