package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The secretariat's assignment of a reviewer to an application. */
@Schema(name = "AssessmentAssignment")
public record AssignmentJson(
        @Schema(required = true, description = "An enabled account holding REVIEWER, of neither the applicant nor "
                + "a member partner of the project") Long reviewerAccountId,
        @Schema(required = true, description = "When the assessment is due: today or later", example = "2026-12-15")
        LocalDate dueOn) {
}
