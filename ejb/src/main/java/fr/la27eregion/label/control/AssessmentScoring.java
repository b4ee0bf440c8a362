package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ReviewRefused;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.label.entity.ScoringGrid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a reviewer's scores against the campaign's frozen grid, and the totals the server computes (never
 * the client's): an assessment's weighted total ({@link ScoringGrid#weightedTotal}, on 100), and an application's,
 * the mean of its submitted assessments'.
 */
public final class AssessmentScoring {

    /** The longest comments an assessment keeps. */
    public static final int MAX_COMMENTS = 20_000;

    private AssessmentScoring() {
    }

    /**
     * The scores given, checked: each for a criterion of the grid, from 0 to its maximum. A draft may leave some
     * criteria without a score.
     *
     * @throws ReviewRefused a criterion not of the grid, or a score out of its range
     */
    public static Map<Long, Integer> check(ScoringGrid grid, Map<Long, Integer> given) {
        Map<Long, Integer> scores = new HashMap<>();
        for (Map.Entry<Long, Integer> entry : (given == null ? Map.<Long, Integer>of() : given).entrySet()) {
            Long id = entry.getKey();
            Optional<ScoringCriterion> criterion = id == null ? Optional.empty() : grid.criterion(id);
            if (criterion.isEmpty()) {
                throw new ReviewRefused(ReviewRefused.Rule.UNKNOWN_CRITERION, "scores",
                        "Criterion " + id + " is not one of the campaign's grid.", String.valueOf(id));
            }
            if (entry.getValue() == null) {
                continue;
            }
            int score = entry.getValue();
            int max = criterion.get().maxScore();
            if (score < 0 || score > max) {
                throw new ReviewRefused(ReviewRefused.Rule.SCORE_OUT_OF_RANGE, "scores[" + id + "]",
                        "The score of " + criterion.get().code() + " is from 0 to " + max + ".",
                        criterion.get().code(), max);
            }
            scores.put(id, score);
        }
        return scores;
    }

    /** The comments, stripped (null when blank), refused when too long. */
    public static String comments(String given) {
        String comments = given == null || given.isBlank() ? null : given.strip();
        if (comments != null && comments.length() > MAX_COMMENTS) {
            throw new ReviewRefused(ReviewRefused.Rule.COMMENTS_TOO_LONG, "comments",
                    "Comments have at most " + MAX_COMMENTS + " characters.", MAX_COMMENTS);
        }
        return comments;
    }

    /**
     * The weighted total of complete scores, for a submission.
     *
     * @throws ReviewRefused a criterion has no score yet, naming the codes missing
     */
    public static BigDecimal complete(ScoringGrid grid, Map<Long, Integer> scores) {
        List<String> missing = grid.criteria().stream().filter(c -> !scores.containsKey(c.id()))
                .map(ScoringCriterion::code).toList();
        if (!missing.isEmpty()) {
            throw new ReviewRefused(ReviewRefused.Rule.SCORES_MISSING, "scores",
                    "Every criterion needs a score; missing: " + String.join(", ", missing),
                    String.join(", ", missing));
        }
        return grid.weightedTotal(scores).orElseThrow();
    }

    /** The mean of the totals, to two decimals; empty for none. */
    public static Optional<BigDecimal> mean(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP));
    }
}
