package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reviewer's step on their assessment: submit it, or recuse themselves with the conflict declared. */
@Schema(name = "AssessmentStep")
public record AssessmentStepJson(
        @Schema(required = true, description = "The assessment's version as the caller saw it") Integer version,
        @Schema(description = "The conflict of interest: required to recuse", maxLength = 2000) String reason) {
}
