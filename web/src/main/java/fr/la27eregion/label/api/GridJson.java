package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The next version of a programme's grid, written from the programme's version as the caller saw it. */
@Schema(name = "GridRevision")
public record GridJson(
        @Schema(required = true, description = "The programme's version as the caller saw it") Integer version,
        @Schema(required = true) List<CriterionJson> criteria) {
}
