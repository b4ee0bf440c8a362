package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.BulkAssignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What a bulk assignment did for one application. */
@Schema(name = "BulkAssignment")
public record BulkAssignmentJson(long applicationId, List<Long> assignedReviewerIds,
                                 @Schema(description = "Places still to fill: no free reviewer without a conflict")
                                 int stillMissing,
                                 @Schema(description = "The rule that left the application as it was, if one")
                                 String refusal) {

    /** The request: the applications to fill from the suggestion, and the due date of every assignment. */
    @Schema(name = "BulkAssignmentRequest")
    public record Request(@Schema(required = true, maxItems = 200) List<Long> applicationIds,
                          @Schema(required = true, example = "2026-12-15") LocalDate dueOn) {
    }

    static BulkAssignmentJson of(BulkAssignment outcome) {
        return new BulkAssignmentJson(outcome.applicationId(), outcome.assignedReviewerIds(),
                outcome.stillMissing(), outcome.refusal());
    }
}
