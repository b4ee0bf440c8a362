package fr.la27eregion.project.api;

import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.StageAction;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One project of the catalogue: read, record, revise, and move through its two workflows (visibility and stage).
 * The {@link Projects} boundary decides all of it, with the same rules as the pages: a project out of the caller's
 * sight (a draft of another organisation) is a 404 like an unknown id; the rich texts are sanitised there. The
 * collection ({@code GET /api/v1/projects}, the search) is another class's.
 */
@ApplicationScoped
@Path("projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects")
public class ProjectsResource {

    @EJB
    private Projects projects;

    @Context
    private UriInfo uri;

    @GET
    @Path("{id}")
    @Operation(summary = "Read a project", description = "Public projects for everyone, the network's for the "
            + "people of its members, drafts for their lead organisation's people, every one for the secretariat "
            + "and auditors; with the transitions the caller may take now (actions).")
    @APIResponse(responseCode = "200", description = "The project", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectJson.class)))
    @APIResponse(responseCode = "404", description = "No such project, or not one the caller sees",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProjectJson find(@Parameter(description = "The project's id", required = true) @PathParam("id") long id) {
        return withActions(projects.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a project", description = "A draft of the caller's organisation (the secretariat "
            + "names the lead organisation). For contributors, coordinators and the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectJson.class)))
    @APIResponse(responseCode = "201", description = "Recorded: the project, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape, or an unknown kind or stage",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller does not record projects (or a read-only token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong: field and rule name which",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(ProjectJson project) {
        Project created = projects.create(body(project).details());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(withActions(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a project", description = "Its fields as the caller saw them at version (the "
            + "stage and visibility move by transitions, the lead organisation stays). For the lead "
            + "organisation's people and the secretariat; journaled with the names of the fields changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectJson.class)))
    @APIResponse(responseCode = "200", description = "Revised, with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "A project the caller sees but does not change",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such project, or not one the caller sees",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, or a field is wrong: field and rule name which",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProjectJson update(@Parameter(description = "The project's id", required = true) @PathParam("id") long id,
                              ProjectJson project) {
        if (body(project).version() == null) {
            throw new RuleViolation("version", "project.field.required",
                    "version is required: the version of the project as you saw it.");
        }
        return withActions(projects.update(id, project.version(), project.details()));
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a project through its workflows", description = "Visibility: SHARE (to the "
            + "network), PUBLISH (to everyone), WITHDRAW (back to a draft, with a reason): coordinators and the "
            + "secretariat. Stage: START, DEPLOY, EVALUATE, STOP (with a reason), RESUME: the lead organisation's "
            + "people and the secretariat. As the caller saw the project (version); journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProjectTransitionJson.class)))
    @APIResponse(responseCode = "200", description = "Done: the project in its new state, with its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProjectJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape, or an unknown action (the problem "
            + "lists them)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's roles or organisation do not allow it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such project, or not one the caller sees",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not from this state, or a required reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProjectJson transition(
            @Parameter(description = "The project's id", required = true) @PathParam("id") long id,
            ProjectTransitionJson transition) {
        if (transition == null) {
            throw ProblemException.badRequest("This request needs a JSON body: the action and the version seen.");
        }
        String action = transition.action() == null ? "" : transition.action().strip();
        if (transition.version() == null) {
            throw new RuleViolation("version", "project.field.required",
                    "version is required: the version of the project as you saw it.");
        }
        if (named(ProjectAction.class, action) && !ProjectAction.CREATE.name().equals(action)) {
            return withActions(projects.step(id, transition.version(), ProjectAction.valueOf(action),
                    transition.reason()).record());
        }
        if (named(StageAction.class, action)) {
            return withActions(projects.stage(id, transition.version(), StageAction.valueOf(action),
                    transition.reason()).record());
        }
        throw ProblemException.badRequest("action", "Unknown action '" + action + "'. Expected one of: "
                + Stream.concat(Arrays.stream(ProjectAction.values()).filter(a -> a != ProjectAction.CREATE),
                Arrays.stream(StageAction.values())).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }

    private ProjectJson withActions(Project project) {
        List<PossibleAction<?, ?>> possible = new ArrayList<>(projects.possible(project));
        possible.addAll(projects.possibleStages(project));
        return ProjectJson.of(project, possible);
    }

    private static ProjectJson body(ProjectJson project) {
        if (project == null) {
            throw ProblemException.badRequest("This request needs a JSON body: the project.");
        }
        return project;
    }

    private static <E extends Enum<E>> boolean named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> constant.name().equals(name));
    }
}
