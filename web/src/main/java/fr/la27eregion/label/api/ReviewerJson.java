package fr.la27eregion.label.api;

import fr.la27eregion.label.control.ReviewerSuggestion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer the secretariat may assign, with their open assignments. */
@Schema(name = "SuggestedReviewer")
public record ReviewerJson(long accountId, String username, String displayName, Long organisationId,
                           @Schema(description = "Assessments assigned and not yet submitted, every campaign")
                           long openAssignments) {

    static ReviewerJson of(ReviewerSuggestion.Candidate candidate) {
        return new ReviewerJson(candidate.accountId(), candidate.username(), candidate.displayName(),
                candidate.organisationId(), candidate.openAssignments());
    }
}
