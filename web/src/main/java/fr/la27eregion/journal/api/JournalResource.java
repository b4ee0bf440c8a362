package fr.la27eregion.journal.api;

import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.platform.api.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
