package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.ApplicationAttachments;
import fr.la27eregion.label.boundary.Juries;
import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.control.JuryDecisions;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.label.entity.ApplicationMessage;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.api.FileTransfers;
import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.api.RequestBodies;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.workflow.Moved;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label applications: drafts of the caller's organisation's projects, their answers, their steps and their
 * conversation. An application out of the caller's scope is a 404, as an unknown one.
 */
@ApplicationScoped
@Path("label-applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels")
public class LabelApplicationsResource {

    @EJB
    private LabelApplications applications;

    @EJB
    private ApplicationAttachments attachments;

    @Context
    private HttpServletRequest request;

    @EJB
    private Juries juries;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "List label applications", description = "The caller's organisation's (every one for the "
            + "secretariat and auditors), optionally of one campaign, the last changed first.")
    @APIResponse(responseCode = "200", description = "The applications", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationJson.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller reads no applications", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public List<ApplicationJson> list(@Parameter(description = "Only this campaign's") @QueryParam("campaignId")
                                      Long campaignId,
                                      @Parameter(description = "Rows to skip") @QueryParam("first") Integer first,
                                      @Parameter(description = "Rows, at most 200") @QueryParam("size") Integer size) {
        return applications.list(campaignId, first == null ? 0 : first, size == null ? 50 : size).stream()
                .map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a label application", description = "With its answers and the steps the caller may "
            + "take now.")
    @APIResponse(responseCode = "200", description = "The application", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ApplicationJson find(@Parameter(description = "The application's id", required = true)
                                @PathParam("id") long id) {
        return json(applications.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a label application", description = "A draft for a project the caller's "
            + "organisation leads, in a campaign not yet closed. For contributors and coordinators; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "201", description = "Started: the draft, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller starts no applications", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such campaign, or no such project of the caller's "
            + "organisation", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field is missing, the campaign closed, or the project "
            + "already applied", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(ApplicationJson application) {
        RequestBodies.required(application, "campaignId and projectId");
        if (application.campaignId() == null) {
            throw new RuleViolation("campaignId", "label.field.required", "campaignId is required.");
        }
        if (application.projectId() == null) {
            throw new RuleViolation("projectId", "label.field.required", "projectId is required.");
        }
        LabelApplication created = applications.create(application.campaignId(), application.projectId());
        return RequestBodies.created(uri, created.id(), json(created));
    }

    @PUT
    @Path("{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer criteria of a label application", description = "While the applicant holds it "
            + "(a draft, or changes requested), as seen at version; a blank answer removes one. For the applicant "
            + "organisation's contributors and coordinators; journaled with the criteria changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnswersJson.class)))
    @APIResponse(responseCode = "200", description = "The application with its answers and new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "403", description = "Not the applicant's people", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, not editable now, a criterion not of the grid, "
            + "an answer too long", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ApplicationJson answer(@Parameter(description = "The application's id", required = true)
                                  @PathParam("id") long id, AnswersJson answers) {
        RequestBodies.required(answers, "the version and the answers");
        int version = version(answers.version());
        Map<Long, String> given = new HashMap<>();
        for (ApplicationJson.AnswerJson answer : answers.answers() == null ? List.<ApplicationJson.AnswerJson>of()
                : answers.answers()) {
            if (answer == null || answer.criterionId() == null) {
                throw new RuleViolation("answers", "label.field.required", "Each answer names its criterionId.");
            }
            given.put(answer.criterionId(), answer.answer());
        }
        return json(applications.answer(id, version, given));
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a label application", description = "SUBMIT (the coordinator, while the campaign is "
            + "open and every criterion answered), RESUBMIT (the coordinator, after changes), WITHDRAW (the "
            + "coordinator), REQUEST_CHANGES and DECLARE_INELIGIBLE (the secretariat, with a reason); AWARD (with "
            + "level and mentions among the programme's) and REJECT by the chair of the campaign's jury, with a "
            + "motivation: an award creates the label (certificate number, verification code), and a renewal's "
            + "award marks the renewed label RENEWED. As the caller saw the application (version); journaled with "
            + "the application as subject; the applicant is told.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationTransitionJson.class)))
    @APIResponse(responseCode = "200", description = "Done: the application in its new state, with its new "
            + "version", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape, or an unknown action (the problem "
            + "lists them)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's roles or organisation do not allow it (a "
            + "decision by anyone but the campaign's jury chair)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version (another "
            + "decision won)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not from this state, a reason missing, the campaign not "
            + "open, a criterion not answered, a level or mention the programme does not grant (rule and field "
            + "name which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ApplicationJson transition(@Parameter(description = "The application's id", required = true)
                                      @PathParam("id") long id, ApplicationTransitionJson transition) {
        RequestBodies.required(transition, "the action and the version seen");
        ApplicationAction action = Names.parse(ApplicationAction.class, transition.action(), "action");
        int version = version(transition.version());
        if (JuryDecisions.DECISIONS.contains(action)) {
            return json(juries.decide(id, version, action, transition.reason(), transition.level(),
                    transition.mentions()).application());
        }
        // the next steps as the step computed them: another call of the boundary (its container's security and
        // transaction) for the same answer was a tenth of the resource's time in a transition
        Moved<LabelApplication, ApplicationState, ApplicationAction> moved = applications.step(id, version, action,
                transition.reason());
        return ApplicationJson.of(moved.record(), LabelApplications.steps(moved.next()));
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "Read an application's conversation", description = "The messages between the "
            + "secretariat and the applicant, oldest first.")
    @APIResponse(responseCode = "200", description = "The messages", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageJson.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<MessageJson> messages(@Parameter(description = "The application's id", required = true)
                                      @PathParam("id") long id) {
        Map<Long, List<ApplicationAttachment>> files = attachments.ofMessages(id);
        return applications.messages(id).stream()
                .map(message -> MessageJson.of(message, files.getOrDefault(message.id(), List.of()))).toList();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write in an application's conversation", description = "The secretariat or the "
            + "applicant's people, once changes were requested; the other side is told. Journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessageJson.class)))
    @APIResponse(responseCode = "201", description = "Written", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageJson.class)))
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor the applicant's people",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "An empty or too long message, or the conversation is not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response write(@Parameter(description = "The application's id", required = true) @PathParam("id") long id,
                          MessageJson message) {
        RequestBodies.required(message, "the message's body");
        MessageJson written = MessageJson.of(applications.write(id, message.body()), List.of());
        return Response.status(Response.Status.CREATED).entity(written).build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Write in an application's conversation, with a file", description = "The same message "
            + "as multipart/form-data: a part 'body' (the text, UTF-8) and an optional part 'file' (PDF, ODT, DOCX, "
            + "PNG or JPEG, read from the content; the name's extension must agree; at most "
            + "projects.attachments.max-bytes). Message and file are one act: both are kept, or neither (a refused "
            + "file writes no message), with one journal entry naming the file. The file is read by the "
            + "conversation's readers at the href of the message's files.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "body", type = SchemaType.STRING, maxLength = ApplicationMessage.MAX_BODY),
                    @SchemaProperty(name = FileTransfers.PART, type = SchemaType.STRING, format = "binary")})))
    @APIResponse(responseCode = "201", description = "Written, with its file", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MessageJson.class)))
    @APIResponse(responseCode = "403", description = "Neither the secretariat nor the applicant's people",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "A file of a type not taken, or named as another type",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "An empty or too long message, the conversation not open, an "
            + "empty file or an unusable name", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response writeWithFile(@Parameter(description = "The application's id", required = true)
                                  @PathParam("id") long id) {
        String body = FileTransfers.text(request, "body").orElse(null);
        Optional<Part> part = FileTransfers.optionalPart(request, FileTransfers.PART)
                // a browser's form sends an empty part with an empty name when no file was chosen
                .filter(p -> p.getSubmittedFileName() != null
                        && !(p.getSubmittedFileName().isEmpty() && p.getSize() == 0));
        if (part.isEmpty()) {
            MessageJson written = MessageJson.of(applications.write(id, body), List.of());
            return Response.status(Response.Status.CREATED).entity(written).build();
        }
        try (InputStream content = part.get().getInputStream()) {
            ApplicationMessage message = applications.write(id, body, part.get().getSubmittedFileName(), content);
            MessageJson written = MessageJson.of(message,
                    attachments.ofMessages(id).getOrDefault(message.id(), List.of()));
            return Response.status(Response.Status.CREATED).entity(written).build();
        } catch (IOException unreadable) {
            throw ProblemException.badRequest(FileTransfers.PART, "The file could not be read: "
                    + unreadable.getMessage());
        } finally {
            FileTransfers.delete(part.get());
        }
    }

    private ApplicationJson json(LabelApplication application) {
        return ApplicationJson.of(application, applications.possible(application));
    }

    private static int version(Integer version) {
        return RequestBodies.version(version, "label.field.required", "the application");
    }
}
