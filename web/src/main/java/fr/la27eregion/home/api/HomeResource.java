package fr.la27eregion.home.api;

import fr.la27eregion.home.boundary.WaitingWork;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What waits for the caller: the intranet's home, for a client (and the tests of its scoping). */
@ApplicationScoped
@Path("home")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class HomeResource {

    @EJB
    private WaitingWork waitingWork;

    @GET
    @Operation(summary = "What waits for me", description = "One section per role of the caller, each kind of work "
            + "with its count and its first items (each with the intranet page where it is done), scoped like the "
            + "records themselves: the caller's organisation, assignments, juries.")
    @APIResponse(responseCode = "200", description = "The caller's home", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HomeJson.class)))
    @APIResponse(responseCode = "401", description = "No or wrong credentials",
            content = @Content(mediaType = "application/problem+json"))
    public HomeJson home() {
        return HomeJson.of(waitingWork.home());
    }
}
