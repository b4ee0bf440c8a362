package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.AssessmentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An assessment as the caller may read it (the boundary decides which: a reviewer reads their own, and the others'
 * only after submitting theirs where the programme opens them).
 */
@Schema(name = "Assessment", description = "A reviewer's assessment of a label application")
public record AssessmentJson(
        long id,
        long applicationId,
        long reviewerAccountId,
        String reviewerName,
        @Schema(enumeration = {"ASSIGNED", "SUBMITTED", "RECUSED"}) String state,
        LocalDate dueOn,
        @Schema(description = "A score per criterion of the campaign's grid, from 0 to its maximum")
        List<ScoreJson> scores,
        String comments,
        @Schema(description = "Computed by the server: the sum of score x weight over the sum of maximum x weight, "
                + "on 100; null while a criterion has no score") BigDecimal weightedTotal,
        Instant assignedAt,
        Instant submittedAt,
        @Schema(description = "The conflict of interest declared, when recused") String conflictReason,
        @Schema(description = "The version as read: required to change it, 409 when someone changed it since")
        int version,
        @Schema(description = "Whether it is the caller's own") boolean mine) {

    /** One criterion's score. */
    @Schema(name = "Score")
    public record ScoreJson(@Schema(required = true) Long criterionId,
                            @Schema(required = true, minimum = "0") Integer score) {
    }

    static AssessmentJson of(AssessmentView view) {
        return new AssessmentJson(view.id(), view.applicationId(), view.reviewerAccountId(), view.reviewerName(),
                view.state().name(), view.dueOn(), scores(view.scores()), view.comments(), view.weightedTotal(),
                view.assignedAt(), view.submittedAt(), view.conflictReason(), view.version(), view.mine());
    }

    private static List<ScoreJson> scores(Map<Long, Integer> scores) {
        return scores.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new ScoreJson(entry.getKey(), entry.getValue())).toList();
    }
}
