package fr.la27eregion.project.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a project's workflows: its visibility or its stage. */
@Schema(name = "ProjectTransition", description = "One step of a project's visibility or stage workflow")
public record ProjectTransitionJson(
        @Schema(required = true, enumeration = {"SHARE", "PUBLISH", "WITHDRAW", "START", "DEPLOY", "EVALUATE",
                "STOP", "RESUME"}, description = "Visibility (SHARE, PUBLISH, WITHDRAW) or stage (START, DEPLOY, "
                + "EVALUATE, STOP, RESUME)") String action,
        @Schema(description = "Why: required by WITHDRAW and STOP", maxLength = 2000) String reason,
        @Schema(required = true, description = "The project's version as the caller saw it") Integer version) {
}
