package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A step of a label application; the jury's decisions (AWARD, REJECT) with their level and mentions. */
@Schema(name = "LabelApplicationTransition")
public record ApplicationTransitionJson(
        @Schema(required = true, enumeration = {"SUBMIT", "REQUEST_CHANGES", "RESUBMIT", "DECLARE_INELIGIBLE",
                "WITHDRAW", "AWARD", "REJECT"}) String action,
        @Schema(description = "Why: required by REQUEST_CHANGES and DECLARE_INELIGIBLE; the jury's motivation, "
                + "required by AWARD and REJECT", maxLength = 2000)
        String reason,
        @Schema(required = true, description = "The application's version as the caller saw it") Integer version,
        @Schema(description = "AWARD only: the level granted, 1 to the programme's highest (required when the "
                + "programme has levels)", minimum = "1") Integer level,
        @Schema(description = "AWARD only: the mentions granted, among the programme's") List<String> mentions) {
}
