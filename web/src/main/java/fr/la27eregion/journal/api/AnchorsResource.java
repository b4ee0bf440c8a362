package fr.la27eregion.journal.api;

import fr.la27eregion.journal.boundary.JournalAnchors;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The journal's anchors (roles AUDITOR and NETWORK_ADMIN, decided by {@link JournalAnchors}): list them, anchor the
 * head now, check them all against the chain and their time stamps.
 */
@RequestScoped
@Path("journal/anchors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journal")
public class AnchorsResource {

    @Inject
    private JournalAnchors anchors;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "The newest anchors of the journal",
            description = "Each anchor is the chain head (number and hash) at a time, with its RFC 3161 time stamp's "
                    + "status when a time-stamping authority is configured. Newest first, at most 31.")
    @APIResponse(responseCode = "200", description = "The anchors")
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AnchorJson> newest() {
        return anchors.newest().stream().map(AnchorJson::of).toList();
    }

    @POST
    @Operation(summary = "Anchor the journal's head now",
            description = "Records the head and, when an authority is configured, its time stamp. An authority that "
                    + "fails is recorded on the anchor (status FAILED), never an error of this call.")
    @APIResponse(responseCode = "201", description = "The anchor made")
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response anchorNow() {
        AnchorJson made = AnchorJson.of(anchors.anchorNow());
        return RequestBodies.created(uri, made.id(), made);
    }

    @GET
    @Path("verify")
    @Operation(summary = "Check every anchor",
            description = "For each anchor, oldest first: the journal's entry at its number still has its hash, and "
                    + "its time stamp, if any, is over that hash and signed by the configured authority. A failed "
                    + "check is a finding (holds=false with the problem), not an error.")
    @APIResponse(responseCode = "200", description = "The checks")
    @APIResponse(responseCode = "403", description = "Not an auditor nor the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AnchorCheckJson> verify() {
        return anchors.verify().stream().map(AnchorCheckJson::of).toList();
    }
}
