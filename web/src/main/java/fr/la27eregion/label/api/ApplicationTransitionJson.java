package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of a label application. */
@Schema(name = "LabelApplicationTransition")
public record ApplicationTransitionJson(
        @Schema(required = true, enumeration = {"SUBMIT", "REQUEST_CHANGES", "RESUBMIT", "DECLARE_INELIGIBLE",
                "WITHDRAW"}) String action,
        @Schema(description = "Why: required by REQUEST_CHANGES and DECLARE_INELIGIBLE", maxLength = 2000)
        String reason,
        @Schema(required = true, description = "The application's version as the caller saw it") Integer version) {
}
