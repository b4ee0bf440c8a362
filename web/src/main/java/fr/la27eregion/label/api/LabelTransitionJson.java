package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of a label, by the secretariat. */
@Schema(name = "LabelTransition")
public record LabelTransitionJson(
        @Schema(required = true, enumeration = {"SUSPEND", "REINSTATE", "REVOKE"}) String action,
        @Schema(description = "The motivation: required by SUSPEND and REVOKE", maxLength = 2000) String reason,
        @Schema(required = true, description = "The label's version as the caller saw it") Integer version) {
}
