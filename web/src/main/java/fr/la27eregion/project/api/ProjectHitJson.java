package fr.la27eregion.project.api;

import fr.la27eregion.project.boundary.ProjectHit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * A project found by a search, for the API: its fields in plain text, and the title and snippet as safe HTML with
 * the matched words in {@code <mark>} (the text escaped first), for clients that show them as the pages do.
 */
@Schema(name = "ProjectHit", description = "A project found by a search")
public record ProjectHitJson(
        @Schema(description = "The project's id") long id,
        @Schema(description = "The project's title") String title,
        @Schema(description = "The title as HTML, matched words in <mark>, the text escaped") String titleHtml,
        @Schema(description = "A passage of the summary and description around the matched words") String snippet,
        @Schema(description = "The snippet as HTML, matched words in <mark>, the text escaped") String snippetHtml,
        @Schema(description = "INNOVATION, EXPERIMENT, INTER_REGIONAL, INTERNATIONAL or FORESIGHT") String kind,
        @Schema(description = "IDEA, EXPERIMENTING, DEPLOYED, EVALUATED or STOPPED") String stage,
        @Schema(description = "DRAFT, NETWORK or PUBLIC") String visibility,
        @Schema(description = "Started on") LocalDate startedOn,
        @Schema(description = "Ended on, absent while running") LocalDate endedOn,
        @Schema(description = "The lead organisation's id") long leadOrganisationId,
        @Schema(description = "The lead organisation's name") String leadOrganisation,
        @Schema(description = "The codes of its themes") List<String> themes,
        @Schema(description = "The project's public page (PUBLIC projects only)") String publicUrl) {

    static ProjectHitJson of(ProjectHit hit, String publicUrl) {
        return new ProjectHitJson(hit.id(), hit.titleText(), hit.titleHtml(), hit.snippetText(), hit.snippetHtml(),
                hit.kind().name(), hit.stage().name(), hit.visibility().name(), hit.startedOn(), hit.endedOn(),
                hit.leadOrganisationId(), hit.leadOrganisationName(), hit.themeCodes(), publicUrl);
    }
}
