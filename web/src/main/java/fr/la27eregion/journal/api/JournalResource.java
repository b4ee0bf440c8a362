package fr.la27eregion.journal.api;

import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.journal.control.JournalQuery;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The journal for auditors (roles AUDITOR and NETWORK_ADMIN). The boundary ({@link JournalAudit}) decides, as for
 * every endpoint, so a refusal is the API's own problem detail: 401 without credentials, 403 for other roles.
 */
@RequestScoped
@Path("journal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journal")
public class JournalResource {

    @Inject
    private JournalAudit audit;

    @Context
    private UriInfo uri;

    @GET
    @Timed(name = "api.journal.list", absolute = true, description = "Time to read a page of the journal")
    @Operation(summary = "Browse the journal",
            description = "Entries newest first, filtered (filters combine; none: the whole journal), a page at a "
                    + "time by sequence number: next repeats the filters with before set to this page's last "
                    + "number, so an entry appended meanwhile never shifts a page. The organisation filter takes "
                    + "the entries about it and its records (memberships, contacts, projects, label applications, "
                    + "labels); the programme filter those about it, its campaigns, their applications and its "
                    + "labels.")
    @APIResponse(responseCode = "200", description = "A page of entries", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JournalPageJson.class)))
    @APIResponse(responseCode = "400", description = "A parameter is wrong (a time that is not one, a period that "
            + "ends before it starts, an entity id without its type, a size out of range...): the problem's field "
            + "names it", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials: send a bearer token (or Basic while it is on)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public JournalPageJson list(
            @Parameter(description = "Entries recorded from: a date-time with its offset, or a day (France's time)")
            @QueryParam("from") String from,
            @Parameter(description = "Entries recorded before: a date-time with its offset, or a day (included)")
            @QueryParam("to") String to,
            @Parameter(description = "The account that acted (anonymous, system included)")
            @QueryParam("actor") String actor,
            @Parameter(description = "The action (label-application.submit)") @QueryParam("action") String action,
            @Parameter(description = "The kind of record (LabelApplication)") @QueryParam("entityType")
            String entityType,
            @Parameter(description = "The record's id (with entityType)") @QueryParam("entityId") String entityId,
            @Parameter(description = "An organisation's id: entries about it and its records")
            @QueryParam("organisation") String organisation,
            @Parameter(description = "A label programme's id: entries about it and its records")
            @QueryParam("programme") String programme,
            @Parameter(description = "Entries numbered below this one (the next link sets it)")
            @QueryParam("before") String before,
            @Parameter(description = "Entries per page, 1 to 200 (default 50)") @QueryParam("size") String size) {
        JournalFilter filter;
        try {
            filter = JournalFilter.parse(from, to, actor, action, entityType, entityId, organisation, programme);
        } catch (RuleViolation refused) {
            throw ProblemException.badRequest(refused.field().orElse(null), refused.getMessage());
        }
        Long beforeSeq = before == null || before.isBlank() ? null
                : ProblemException.number("before", before, 1, Long.MAX_VALUE);
        int pageSize = size == null || size.isBlank() ? JournalQuery.DEFAULT_PAGE
                : (int) ProblemException.number("size", size, 1, JournalQuery.MAX_PAGE);
        JournalQuery.Page page = audit.browse(filter, beforeSeq, pageSize);
        String next = page.nextBefore() == null ? null : uri.getRequestUriBuilder()
                .replaceQueryParam("before", page.nextBefore()).build().toString();
        return new JournalPageJson(page.entries().stream().map(JournalEntryJson::of).toList(), pageSize, next);
    }

    @GET
    @Path("verify")
    @Timed(name = "api.journal.verify", absolute = true, description = "Time to verify the journal")
    @Operation(summary = "Verify the journal",
            description = "Recomputes every hash of the chain from entry 1 and names the first broken entry. "
                    + "A broken chain is a finding, not an error: the answer is 200 with intact=false.")
    @APIResponse(responseCode = "200", description = "The verification ran")
    @APIResponse(responseCode = "401", description = "No credentials: send a bearer token (or Basic while it is on)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public VerificationJson verify() {
        return VerificationJson.of(audit.verify());
    }
}
