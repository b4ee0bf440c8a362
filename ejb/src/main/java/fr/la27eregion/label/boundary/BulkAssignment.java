package fr.la27eregion.label.boundary;

import java.util.List;

/**
 * What a bulk assignment did for one application: the reviewers it assigned from the suggestion, how many places
 * are still to fill (no reviewer without a conflict was free), or why it assigned none (the rule's key).
 */
public record BulkAssignment(long applicationId, List<Long> assignedReviewerIds, int stillMissing, String refusal) {
}
