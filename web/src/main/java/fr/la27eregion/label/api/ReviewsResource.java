package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.Assessments;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The review seen from its side: a reviewer's assignments, an application as the review reads it (blind
 * programmes without the applicant's identity, for reviewers), and the secretariat's bulk assignment from the
 * suggestion. The {@link Assessments} boundary decides who reads what.
 */
@ApplicationScoped
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Label review")
public class ReviewsResource {

    @EJB
    private Assessments assessments;

    @GET
    @Operation(summary = "My assignments", description = "The caller's assessments to write or written (not the "
            + "recused ones), the soonest due first; never the applicant's name.")
    @APIResponse(responseCode = "200", description = "The assignments", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewJson.AssignedJson.class)))
    @APIResponse(responseCode = "403", description = "Not a reviewer", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public List<ReviewJson.AssignedJson> mine() {
        return assessments.mine().stream().map(ReviewJson.AssignedJson::of).toList();
    }

    @GET
    @Path("{applicationId}")
    @Operation(summary = "Read an application for its review", description = "The project, the campaign's grid "
            + "and the answers; the applicant and the partners too, except for a reviewer of a blind programme. "
            + "For its reviewers, the secretariat, auditors, and the campaign's jury chair once reviewed.")
    @APIResponse(responseCode = "200", description = "The application", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewJson.class)))
    @APIResponse(responseCode = "403", description = "The caller's roles read no reviews", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one of the caller's review",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReviewJson application(@Parameter(description = "The application's id", required = true)
                                  @PathParam("applicationId") long applicationId) {
        return ReviewJson.of(assessments.application(applicationId));
    }

    @POST
    @Path("assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign reviewers in bulk", description = "For the secretariat: fills the places left on "
            + "each application from the suggestion (no conflict of interest, the least loaded first), all due on "
            + "one day. Each assignment is journaled and told to its reviewer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BulkAssignmentJson.Request.class)))
    @APIResponse(responseCode = "200", description = "What was done for each application", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkAssignmentJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "One of the applications does not exist (nothing assigned)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A due date missing or past, or too many applications",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<BulkAssignmentJson> assignInBulk(BulkAssignmentJson.Request request) {
        RequestBodies.required(request, "applicationIds and dueOn");
        return assessments.assignSuggested(request.applicationIds(), request.dueOn()).stream()
                .map(BulkAssignmentJson::of).toList();
    }
}
