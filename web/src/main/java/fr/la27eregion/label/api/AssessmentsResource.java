package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.AssessmentView;
import fr.la27eregion.label.boundary.Assessments;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.api.RequestBodies;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The assessments of one label application: the secretariat assigns reviewers (and asks for a suggestion), a
 * reviewer scores, submits or recuses themselves. The {@link Assessments} boundary decides all of it: an
 * application out of the caller's review is a 404 like an unknown id; a reviewer reads no other assessment before
 * submitting theirs; the totals are the server's.
 */
@ApplicationScoped
@Path("label-applications/{id}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Label review")
public class AssessmentsResource {

    @EJB
    private Assessments assessments;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "Read an application's assessments", description = "Every one for the secretariat and "
            + "auditors, and for the campaign's jury chair once reviewed; a reviewer's own, and the others' "
            + "submitted ones only after submitting theirs, where the programme opens them.")
    @APIResponse(responseCode = "200", description = "The assessments the caller may read", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentJson.class)))
    @APIResponse(responseCode = "403", description = "The caller's roles read no assessments", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one of the caller's review",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AssessmentJson> list(@Parameter(description = "The application's id", required = true)
                                     @PathParam("id") long id) {
        return assessments.ofApplication(id).stream().map(AssessmentJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a reviewer", description = "The secretariat assigns a reviewer to a submitted "
            + "application, due on a day. Refused (422, rule CONFLICT_OF_INTEREST, argument APPLICANT or PARTNER) "
            + "for a reviewer of the applicant or of a member partner of the project. With the programme's number "
            + "of reviewers assigned, the application goes into review. Journaled; the reviewer is told by mail.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignmentJson.class)))
    @APIResponse(responseCode = "201", description = "Assigned: the assessment, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AssessmentJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape (a date is yyyy-MM-dd)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A conflict of interest, not a reviewer, already assigned, "
            + "enough reviewers, not with the reviewers, a due date missing or past: field and rule name which",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response assign(@Parameter(description = "The application's id", required = true) @PathParam("id") long id,
                           AssignmentJson assignment) {
        RequestBodies.required(assignment, "reviewerAccountId and dueOn");
        if (assignment.reviewerAccountId() == null) {
            throw required("reviewerAccountId");
        }
        AssessmentView assigned = assessments.assign(id, assignment.reviewerAccountId(), assignment.dueOn());
        return RequestBodies.created(uri, assigned.id(), AssessmentJson.of(assigned));
    }

    @GET
    @Path("suggestions")
    @Operation(summary = "Suggest reviewers", description = "For the secretariat: enabled reviewers not yet on the "
            + "application and never of the applicant or of a member partner of the project, the fewest open "
            + "assignments first.")
    @APIResponse(responseCode = "200", description = "The reviewers, the least loaded first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewerJson.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public List<ReviewerJson> suggest(@Parameter(description = "The application's id", required = true)
                                      @PathParam("id") long id,
                                      @Parameter(description = "At most this many (50 at most)") @QueryParam("max")
                                      Integer max) {
        return assessments.suggest(id, max == null ? 10 : max).stream().map(ReviewerJson::of).toList();
    }

    @PUT
    @Path("{assessmentId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score an assessment", description = "The reviewer's draft: the scores so far (each from "
            + "0 to the criterion's maximum) and comments, as seen at version. The server computes the weighted "
            + "total once every criterion has its score. Journaled (without the scores).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ScoringJson.class)))
    @APIResponse(responseCode = "200", description = "Saved, with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a reviewer", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Not an assessment of the caller on this application",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed since that version", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A score out of range, a criterion not of the grid, already "
            + "submitted: field and rule name which", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AssessmentJson score(@Parameter(description = "The application's id", required = true)
                                @PathParam("id") long id,
                                @Parameter(description = "The assessment's id", required = true)
                                @PathParam("assessmentId") long assessmentId, ScoringJson scoring) {
        RequestBodies.required(scoring, "version, scores and comments");
        if (scoring.version() == null) {
            throw required("version");
        }
        Map<Long, Integer> scores = new HashMap<>();
        for (AssessmentJson.ScoreJson score : scoring.scores() == null ? List.<AssessmentJson.ScoreJson>of()
                : scoring.scores()) {
            if (score == null || score.criterionId() == null || score.score() == null) {
                throw ProblemException.badRequest("scores", "Each score needs its criterionId and score.");
            }
            if (scores.put(score.criterionId(), score.score()) != null) {
                throw ProblemException.badRequest("scores", "Criterion " + score.criterionId() + " is scored twice.");
            }
        }
        return AssessmentJson.of(assessments.save(id, assessmentId, scoring.version(), scores, scoring.comments()));
    }

    @POST
    @Path("{assessmentId}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an assessment", description = "The reviewer submits their assessment as saved at "
            + "version, every criterion scored. The last one required moves the application to REVIEWED (once, "
            + "even when two reviewers submit at the same moment), its total the mean of the assessments'.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentStepJson.class)))
    @APIResponse(responseCode = "200", description = "Submitted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentJson.class)))
    @APIResponse(responseCode = "403", description = "Not a reviewer", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Not an assessment of the caller on this application",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed since that version", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A criterion without its score, already submitted or "
            + "recused", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AssessmentJson submit(@Parameter(description = "The application's id", required = true)
                                 @PathParam("id") long id,
                                 @Parameter(description = "The assessment's id", required = true)
                                 @PathParam("assessmentId") long assessmentId, AssessmentStepJson step) {
        return AssessmentJson.of(assessments.submit(id, assessmentId, version(step)));
    }

    @POST
    @Path("{assessmentId}/recuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recuse oneself", description = "The reviewer declares a conflict of interest (reason "
            + "required) and steps aside; the secretariat is told to assign a replacement. Journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentStepJson.class)))
    @APIResponse(responseCode = "200", description = "Recused", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentJson.class)))
    @APIResponse(responseCode = "403", description = "Not a reviewer", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Not an assessment of the caller on this application",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed since that version", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No reason, or already submitted or recused",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AssessmentJson recuse(@Parameter(description = "The application's id", required = true)
                                 @PathParam("id") long id,
                                 @Parameter(description = "The assessment's id", required = true)
                                 @PathParam("assessmentId") long assessmentId, AssessmentStepJson step) {
        return AssessmentJson.of(assessments.recuse(id, assessmentId, version(step), step.reason()));
    }

    private static int version(AssessmentStepJson step) {
        RequestBodies.required(step, "the version seen");
        if (step.version() == null) {
            throw required("version");
        }
        return step.version();
    }

    private static RuleViolation required(String field) {
        return new RuleViolation(field, "label.review.field.required", field + " is required.");
    }
}
