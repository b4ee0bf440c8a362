package fr.la27eregion.journal.api;

import fr.la27eregion.journal.boundary.RecordTimelines;
import fr.la27eregion.journal.control.RecordHistory;
import fr.la27eregion.journal.control.RecordKind;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * One record's timeline for auditors (roles AUDITOR and NETWORK_ADMIN): its journal entries, oldest first, paged by
 * sequence number, and its state at a chosen instant. The boundary ({@link RecordTimelines}) decides who may read.
 */
@RequestScoped
@Path("records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journal")
public class RecordTimelineResource {

    /** Entries per page unless asked otherwise. */
    static final int PAGE = 100;

    @Inject
    private RecordTimelines timelines;

    @GET
    @Path("{type}/{id}/timeline")
    @Timed(name = "api.records.timeline", absolute = true, description = "Time to read a record's timeline")
    @Operation(summary = "Read a record's timeline",
            description = "Every journal entry about a membership, an organisation (its memberships, contacts and "
                    + "projects), a project, a label application (its assessments and messages) or a label, oldest "
                    + "first, a page at a time (after=the last seq read). With at=, the record's state at that "
                    + "instant reconstructed from the journal: the state_after of the last transition recorded at or "
                    + "before it (an organisation's: its membership's), and the entry that set it.")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "400", description = "An unknown type, or a bad at, after or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials: send a bearer token (or Basic while it is on)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such record", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RecordTimelineJson timeline(
            @Parameter(description = "membership, organisation, project, application or label", required = true)
            @PathParam("type") String type,
            @Parameter(description = "The record's id", required = true) @PathParam("id") String id,
            @Parameter(description = "An instant (2026-03-01T00:00:00Z, or with an offset), or a day (2026-03-01: "
                    + "its start in France)") @QueryParam("at") String at,
            @Parameter(description = "Entries numbered above this one (the last seq of the previous page)")
            @QueryParam("after") String after,
            @Parameter(description = "Entries per page, 1 to 500 (default 100)") @QueryParam("size") String size) {
        RecordKind kind = RecordKind.named(type).orElseThrow(() -> ProblemException.badRequest("type",
                "Unknown record type '" + type + "': membership, organisation, project, application or label."));
        long number = number(id, "id", 0, Long.MAX_VALUE);
        Long from = after == null || after.isBlank() ? null : number(after, "after", 0, Long.MAX_VALUE);
        int limit = size == null || size.isBlank() ? PAGE : (int) number(size, "size", 1, RecordHistory.MAX_PAGE);
        Instant instant = at == null || at.isBlank() ? null : instant(at);
        RecordHistory.Page page = timelines.entries(kind, number, from, limit);
        return RecordTimelineJson.of(kind.urlName(), number, page,
                instant == null ? null : timelines.stateAt(kind, number, instant));
    }

    private static long number(String text, String field, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw ProblemException.badRequest(field, "'" + text + "' is not a whole number from " + min
                + (max == Long.MAX_VALUE ? "" : " to " + max) + ".");
    }

    private static Instant instant(String text) {
        try {
            return RecordHistory.instant(text);
        } catch (IllegalArgumentException bad) {
            throw ProblemException.badRequest("at", bad.getMessage());
        }
    }
}
