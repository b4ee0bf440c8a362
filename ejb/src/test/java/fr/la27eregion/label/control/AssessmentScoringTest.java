package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.CriterionDetails;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ProgrammeDetails;
import fr.la27eregion.label.entity.ReviewRefused;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.label.entity.ScoringGrid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The review's scoring without a container: scores only for the grid's criteria and within 0 to each one's maximum,
 * a submission only with every criterion scored, the server's totals (an assessment's on 100, an application's the
 * mean), comments kept within their length.
 */
class AssessmentScoringTest {

    private ScoringGrid grid;

    @BeforeEach
    void grid() throws ReflectiveOperationException {
        ProgrammeDetails details = new ProgrammeDetails();
        details.setCode("INNOV");
        details.setNameFr("Label");
        details.setNameEn("Label");
        LabelProgramme programme = LabelProgramme.create(details.check(), Instant.EPOCH);
        grid = ScoringGrid.next(programme, null, CriterionDetails.checkAll(List.of(
                new CriterionDetails("users", "Usagers", "Users", "", "", BigDecimal.ONE, 5),
                new CriterionDetails("cooperation", "Coopération", "Cooperation", "", "", new BigDecimal("2"), 10))),
                Instant.EPOCH);
        long id = 100;
        for (ScoringCriterion criterion : grid.criteria()) {
            Field field = ScoringCriterion.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(criterion, id++);
        }
    }

    @Test
    void scoresAreForTheGridsCriteriaWithinZeroToTheirMaximum() {
        assertThat(AssessmentScoring.check(grid, Map.of(100L, 0, 101L, 10))).containsEntry(100L, 0)
                .containsEntry(101L, 10);
        assertThatThrownBy(() -> AssessmentScoring.check(grid, Map.of(100L, 6)))
                .isInstanceOfSatisfying(ReviewRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(ReviewRefused.Rule.SCORE_OUT_OF_RANGE);
                    assertThat(refused.field()).contains("scores[100]");
                    assertThat(refused.arguments()).containsExactly("users", 5);
                });
        assertThatThrownBy(() -> AssessmentScoring.check(grid, Map.of(101L, -1)))
                .isInstanceOfSatisfying(ReviewRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(ReviewRefused.Rule.SCORE_OUT_OF_RANGE));
        assertThatThrownBy(() -> AssessmentScoring.check(grid, Map.of(999L, 1)))
                .isInstanceOfSatisfying(ReviewRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(ReviewRefused.Rule.UNKNOWN_CRITERION));
        Map<Long, Integer> withoutScore = new HashMap<>();
        withoutScore.put(100L, null);
        assertThat(AssessmentScoring.check(grid, withoutScore)).as("a criterion left for later").isEmpty();
        assertThat(AssessmentScoring.check(grid, null)).isEmpty();
    }

    @Test
    void aSubmissionNeedsEveryScoreAndTheTotalIsWeightedOnAHundred() {
        assertThatThrownBy(() -> AssessmentScoring.complete(grid, Map.of(100L, 3)))
                .isInstanceOfSatisfying(ReviewRefused.class, refused -> {
                    assertThat(refused.rule()).isEqualTo(ReviewRefused.Rule.SCORES_MISSING);
                    assertThat(refused.arguments()).containsExactly("cooperation");
                });
        // (4 x 1 + 7 x 2) / (5 x 1 + 10 x 2) = 18 / 25
        assertThat(AssessmentScoring.complete(grid, Map.of(100L, 4, 101L, 7))).isEqualByComparingTo("72.00");
        assertThat(AssessmentScoring.complete(grid, Map.of(100L, 5, 101L, 10))).isEqualByComparingTo("100.00");
    }

    @Test
    void theApplicationsTotalIsTheMeanOfItsAssessments() {
        assertThat(AssessmentScoring.mean(List.of(new BigDecimal("72.00"), new BigDecimal("100.00"))))
                .hasValueSatisfying(mean -> assertThat(mean).isEqualByComparingTo("86.00"));
        assertThat(AssessmentScoring.mean(List.of(new BigDecimal("70.00"), new BigDecimal("71.00"),
                new BigDecimal("71.00")))).hasValueSatisfying(mean -> assertThat(mean).isEqualByComparingTo("70.67"));
        assertThat(AssessmentScoring.mean(List.of())).isEmpty();
    }

    @Test
    void commentsAreKeptStrippedWithinTheirLength() {
        assertThat(AssessmentScoring.comments("  Solide.  ")).isEqualTo("Solide.");
        assertThat(AssessmentScoring.comments("   ")).isNull();
        assertThatThrownBy(() -> AssessmentScoring.comments("x".repeat(AssessmentScoring.MAX_COMMENTS + 1)))
                .isInstanceOfSatisfying(ReviewRefused.class,
                        refused -> assertThat(refused.rule()).isEqualTo(ReviewRefused.Rule.COMMENTS_TOO_LONG));
    }
}
