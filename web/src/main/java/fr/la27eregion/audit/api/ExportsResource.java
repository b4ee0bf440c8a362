package fr.la27eregion.audit.api;

import fr.la27eregion.audit.boundary.Exports;
import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.platform.api.ContentDisposition;
import fr.la27eregion.platform.api.FileTransfers;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.export.ExportFormat;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Exports of the auditor's workspace (AUDITOR and NETWORK_ADMIN; the boundary {@link Exports} decides): ask for
 * one (202, written in the background), follow it, then take its file and its manifest. Each caller sees only
 * their own exports; another's is a 404.
 */
@ApplicationScoped
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
public class ExportsResource {

    @EJB
    private Exports exports;

    @Inject
    private Clock clock;

    @Context
    private UriInfo uri;

    @POST
    @Operation(summary = "Ask for an export of the journal",
            description = "The journal, filtered with the parameters of GET /journal, as CSV or XLSX. The file is "
                    + "written in the background: the answer is 202 with the export's address, which says how far "
                    + "it got; the caller is also told by mail when it is ready.")
    @APIResponse(responseCode = "202", description = "Asked for; Location is the export's address")
    @APIResponse(responseCode = "400", description = "A parameter that cannot be read (named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A filter that breaks a rule, or too many exports at once",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response ask(@Parameter(description = "CSV or XLSX") @QueryParam("format") String format,
                        @Parameter(description = "From this instant or day (ISO 8601)") @QueryParam("from") String from,
                        @Parameter(description = "Before this instant or day (ISO 8601)") @QueryParam("to") String to,
                        @QueryParam("actor") String actor, @QueryParam("action") String action,
                        @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                        @QueryParam("organisation") String organisation, @QueryParam("programme") String programme) {
        // a missing format is the boundary's refusal (422, after its role check); an unknown one cannot be read (400)
        ExportFormat asked = null;
        if (format != null && !format.isBlank()) {
            try {
                asked = ExportFormat.named(format);
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.badRequest("format", unknown.getMessage());
            }
        }
        JournalFilter filter = new JournalFilter(instant("from", from), instant("to", to), actor, action, entityType,
                entityId, id("organisation", organisation), id("programme", programme));
        ExportJob job = exports.exportJournal(filter, asked);
        URI address = uri.getBaseUriBuilder().path("exports").path(String.valueOf(job.id())).build();
        return Response.accepted(ExportJson.of(job, clock.instant(), address.toString())).location(address).build();
    }

    @GET
    @Operation(summary = "The caller's exports", description = "The newest first, at most 30.")
    public List<ExportJson> mine() {
        Instant now = clock.instant();
        return exports.mine().stream().map(job -> ExportJson.of(job, now, address(job.id()))).toList();
    }

    @GET
    @Path("{id: \\d+}")
    @Operation(summary = "One of the caller's exports", description = "Its state and progress; once DONE, its "
            + "SHA-256, the journal head it was read at, and the addresses of its file and manifest.")
    @APIResponse(responseCode = "404", description = "No such export of the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ExportJson one(@PathParam("id") long id) {
        return ExportJson.of(exports.mine(id), clock.instant(), address(id));
    }

    @GET
    @Path("{id: \\d+}/file")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "The export's file", description = "Streamed; its SHA-256 is the ETag and the manifest's.")
    @APIResponse(responseCode = "422", description = "Not written yet", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response file(@PathParam("id") long id) {
        Exports.ExportFile file = exports.file(id);
        return FileTransfers.download(file.name(), file.mediaType(), file.bytes(), exports.mine(id).sha256(),
                file.content());
    }

    @GET
    @Path("{id: \\d+}/manifest")
    @Operation(summary = "The export's manifest", description = "A JSON document: file name, bytes, rows, SHA-256 "
            + "of the file, the journal's head (seq, hash) in the snapshot the rows were read from, the filter.")
    @APIResponse(responseCode = "422", description = "Not written yet", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response manifest(@PathParam("id") long id) {
        ExportJob job = exports.mine(id);
        return Response.ok(exports.manifest(id), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", ContentDisposition.attachment(job.fileName() + ".manifest.json"))
                .build();
    }

    private String address(long id) {
        return uri.getBaseUriBuilder().path("exports").path(String.valueOf(id)).build().toString();
    }

    /** An instant, or a day (its start, in UTC). */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay().toInstant(
                    java.time.ZoneOffset.UTC) : Instant.parse(value.strip());
        } catch (DateTimeException unreadable) {
            throw ProblemException.badRequest(field, "'" + value + "' is neither an instant (2026-03-01T00:00:00Z)"
                    + " nor a day (2026-03-01)");
        }
    }

    static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException unreadable) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a number");
        }
    }
}
