package fr.la27eregion.audit.api;

import fr.la27eregion.audit.boundary.AuditStatistics;
import fr.la27eregion.audit.boundary.Exports;
import fr.la27eregion.audit.control.StatisticsRows;
import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.journal.control.RecordKind;
import fr.la27eregion.platform.rules.RuleViolation;
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
    @Operation(summary = "Ask for an export",
            description = "What: kind=journal (the default: the journal filtered with the parameters of GET /journal), "
                    + "kind=timeline (one record's timeline: type and id as in GET /records/{type}/{id}/timeline) or "
                    + "kind=statistics (one table of the statistics: table=STATES|CAMPAIGNS|STEPS|REVIEWERS|"
                    + "MEMBERSHIPS, with programme, campaign, from and to days). As CSV or XLSX. The file is written "
                    + "in the background: the answer is 202 with the export's address, which says how far it got; "
                    + "the caller is also told by mail when it is ready.")
    @APIResponse(responseCode = "202", description = "Asked for; Location is the export's address")
    @APIResponse(responseCode = "400", description = "A parameter that cannot be read or breaks a rule (named)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such record (kind=timeline)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No format, or too many exports at once",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response ask(@Parameter(description = "CSV or XLSX") @QueryParam("format") String format,
                        @Parameter(description = "journal (default), timeline or statistics") @QueryParam("kind")
                        String kind,
                        @Parameter(description = "From this instant or day (ISO 8601)") @QueryParam("from") String from,
                        @Parameter(description = "Until this instant (excluded) or day (included)") @QueryParam("to")
                        String to,
                        @QueryParam("actor") String actor, @QueryParam("action") String action,
                        @QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
                        @QueryParam("organisation") String organisation, @QueryParam("programme") String programme,
                        @Parameter(description = "kind=timeline: the record's type") @QueryParam("type") String type,
                        @Parameter(description = "kind=timeline: the record's id") @QueryParam("id") String id,
                        @Parameter(description = "kind=statistics: the table") @QueryParam("table") String table,
                        @Parameter(description = "kind=statistics: a campaign") @QueryParam("campaign")
                        String campaign) {
        // a missing format is the boundary's refusal (422, after its role check); an unknown one cannot be read (400)
        ExportFormat asked = null;
        if (format != null && !format.isBlank()) {
            try {
                asked = ExportFormat.named(format);
            } catch (IllegalArgumentException unknown) {
                throw ProblemException.badRequest("format", unknown.getMessage());
            }
        }
        ExportJob job = switch (kind == null || kind.isBlank() ? "journal" : kind.strip()) {
            case "journal" -> exports.exportJournal(journalFilter(from, to, actor, action, entityType, entityId,
                    organisation, programme), asked);
            case "timeline" -> exports.exportTimeline(RecordKind.named(type).orElseThrow(() -> ProblemException
                    .badRequest("type", "'" + type + "' is no record type")), number("id", id), asked);
            case "statistics" -> exports.exportStatistics(table(table), statistics(from, to, programme, campaign),
                    asked);
            default -> throw ProblemException.badRequest("kind", "The kind is journal, timeline or statistics");
        };
        URI address = uri.getBaseUriBuilder().path("exports").path(String.valueOf(job.id())).build();
        return Response.accepted(ExportJson.of(job, clock.instant(), address.toString())).location(address).build();
    }

    private static JournalFilter journalFilter(String from, String to, String actor, String action,
                                               String entityType, String entityId, String organisation,
                                               String programme) {
        try {
            return JournalFilter.parse(from, to, actor, action, entityType, entityId, organisation, programme);
        } catch (RuleViolation refused) {
            throw ProblemException.badRequest(refused.field().orElse(null), refused.getMessage());
        }
    }

    private static StatisticsRows.Table table(String table) {
        try {
            return StatisticsRows.Table.valueOf(String.valueOf(table).strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest("table", "The table is STATES, CAMPAIGNS, STEPS, REVIEWERS or"
                    + " MEMBERSHIPS");
        }
    }

    private static AuditStatistics.Filter statistics(String from, String to, String programme, String campaign) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to", "The period ends on or after the day it starts");
        }
        return new AuditStatistics.Filter(optionalNumber("programme", programme),
                optionalNumber("campaign", campaign), first, last);
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeException unreadable) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a day (2026-03-01)");
        }
    }

    private static long number(String field, String value) {
        Long number = optionalNumber(field, value);
        if (number == null) {
            throw ProblemException.badRequest(field, "The " + field + " is required");
        }
        return number;
    }

    private static Long optionalNumber(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException unreadable) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a number");
        }
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
}
