package fr.la27eregion.membership.api;

import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A membership and its workflow. Reading is for the secretariat, auditors and the organisation's own people;
 * transitions for the secretariat and the organisation's coordinators, as the workflow's table allows. The
 * {@link Memberships} boundary decides all of it: this class only reads the JSON and writes it back.
 *
 * <p>The workflow's hot path (machine clients renew and read memberships in bulk), so it is measured
 * ({@code ops/bench/transitions}) and built for it: one instance for the application, holding nothing of a request,
 * rather than one per request, each of which had the server look the boundary up and build a proxy for it; and the
 * boundary injected as an EJB ({@code @EJB}), not through CDI, whose proxy of a no-interface bean makes Payara throw
 * and catch an exception on every call ({@code EjbContainerServicesImpl.getEJBLocalObject}).
 */
@ApplicationScoped
@Path("memberships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class MembershipsResource {

    @EJB
    private Memberships memberships;

    @Inject
    private MembershipViews views;

    @GET
    @Path("{id}")
    @Timed(name = "api.memberships.get", absolute = true, description = "Time to read a membership")
    @Operation(summary = "Read a membership", description = "With what the caller may do with it now (actions). For "
            + "the secretariat, auditors and the organisation's own coordinators and contributors (HTTP Basic).")
    @APIResponse(responseCode = "200", description = "The membership",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MembershipJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a reader of this organisation's records",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such membership",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MembershipJson find(
            @Parameter(description = "The membership's id", required = true) @PathParam("id") long id) {
        return views.withActions(memberships.find(id));
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = "api.memberships.transition", absolute = true, description = "Time to make a transition")
    @Operation(summary = "Move a membership through its workflow", description = "Applies one action of the "
            + "workflow (review, approve, reject, activate, withdraw, suspend, reinstate, renew, terminate) to the "
            + "membership as the caller saw it (version). The secretariat acts on any membership; a coordinator "
            + "withdraws or renews their own organisation's. Each transition is written to the journal.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TransitionJson.class)))
    @APIResponse(responseCode = "200", description = "Done: the membership in its new state, with its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MembershipJson.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON of the expected shape, or the action is "
            + "unknown (the problem lists the actions)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this action, or the "
            + "membership is another organisation's", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such membership",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The membership changed since the caller saw this version: "
            + "nothing was done; read it again", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The body is larger than the API accepts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The workflow does not allow it from this state, or a "
            + "required reason or agreement reference is missing or too long: field and rule name which",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public MembershipJson transition(
            @Parameter(description = "The membership's id", required = true) @PathParam("id") long id,
            TransitionJson transition) {
        if (transition == null) {
            throw ProblemException.badRequest("This request needs a JSON body: the action and the version seen.");
        }
        MembershipAction action = Names.parse(MembershipAction.class, transition.action(), "action");
        if (transition.version() == null) {
            throw new RuleViolation("version", "membership.field.required",
                    "version is required: the version of the membership as you saw it.");
        }
        return views.moved(memberships.move(id, transition.version(), action, transition.reason(),
                transition.agreement()));
    }
}
