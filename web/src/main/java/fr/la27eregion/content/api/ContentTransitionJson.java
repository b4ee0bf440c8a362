package fr.la27eregion.content.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a content item's workflow. */
@Schema(name = "ContentTransition", description = "Publish or unpublish a content item")
public record ContentTransitionJson(
        @Schema(required = true, enumeration = {"PUBLISH", "UNPUBLISH"}) String action,
        @Schema(required = true, description = "The item's version as the caller saw it") Integer version) {
}
