package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.AssessmentState;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * An assessment as {@link Assessments} lets the caller read it: built only for an assessment the caller may see
 * (a reviewer their own, and the others' only after submitting theirs where the programme opens them), so nothing
 * here is hidden afterwards by a page or the API.
 *
 * @param mine whether it is the caller's own (the one they score, submit or recuse)
 */
public record AssessmentView(long id, long applicationId, long reviewerAccountId, String reviewerName,
                             AssessmentState state, LocalDate dueOn, Map<Long, Integer> scores, String comments,
                             BigDecimal weightedTotal, Instant assignedAt, Instant submittedAt,
                             String conflictReason, int version, boolean mine)
        implements java.io.Serializable {

    static AssessmentView of(Assessment assessment, String reviewerName, boolean mine) {
        return new AssessmentView(assessment.id(), assessment.application().id(), assessment.reviewerAccountId(),
                reviewerName, assessment.state(), assessment.dueOn().orElse(null), assessment.scores(),
                assessment.comments().orElse(null), assessment.weightedTotal().orElse(null),
                assessment.assignedAt(), assessment.submittedAt().orElse(null),
                assessment.conflictReason().orElse(null), assessment.version(), mine);
    }
}
