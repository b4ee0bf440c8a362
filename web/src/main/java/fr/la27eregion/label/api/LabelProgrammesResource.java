package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
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

import java.util.List;

/** Label programmes and their versioned scoring grids: read by everyone, created and revised by the secretariat. */
@ApplicationScoped
@Path("label-programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels")
public class LabelProgrammesResource {

    @EJB
    private Programmes programmes;

    @Context
    private UriInfo uri;

    private static final String PROGRAMME = "the programme";

    @GET
    @Operation(summary = "List the label programmes", description = "Every programme, by code, with the latest "
            + "version of its grid.")
    @APIResponse(responseCode = "200", description = "The programmes", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeJson.class,
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<ProgrammeJson> list() {
        return programmes.all().stream().map(this::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a label programme", description = "With the latest version of its grid.")
    @APIResponse(responseCode = "200", description = "The programme", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeJson.class)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public ProgrammeJson find(@Parameter(description = "The programme's id", required = true)
                              @PathParam("id") long id) {
        return json(programmes.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a label programme", description = "With the first version of its grid "
            + "(criteria). For the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeJson.class)))
    @APIResponse(responseCode = "201", description = "Created: the programme, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgrammeJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong (field names which), or the code "
            + "is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(ProgrammeJson programme) {
        ProgrammeJson body = RequestBodies.required(programme, PROGRAMME);
        LabelProgramme created = programmes.create(body.details(), body.criteriaDetails());
        return RequestBodies.created(uri, created.id(), json(created));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a label programme's settings", description = "Names, reviewers, validity, "
            + "levels, mentions, blind review, as seen at version; the code stays, the criteria change by a new grid "
            + "version (POST .../grids). For the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeJson.class)))
    @APIResponse(responseCode = "200", description = "Revised, with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeJson.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, or a field is wrong", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public ProgrammeJson revise(@Parameter(description = "The programme's id", required = true)
                                @PathParam("id") long id, ProgrammeJson programme) {
        ProgrammeJson body = RequestBodies.required(programme, PROGRAMME);
        return json(programmes.revise(id, version(body.version()), body.details()));
    }

    @POST
    @Path("{id}/grids")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write the next version of a programme's grid", description = "The earlier versions, and "
            + "the campaigns that froze them, never change. As the programme was seen at version. For the "
            + "secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GridJson.class)))
    @APIResponse(responseCode = "200", description = "The programme with its new grid version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeJson.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, or a criterion is wrong (field names which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ProgrammeJson reviseGrid(@Parameter(description = "The programme's id", required = true)
                                    @PathParam("id") long id, GridJson grid) {
        GridJson body = RequestBodies.required(grid, "the version and the criteria");
        programmes.reviseGrid(id, version(body.version()), body.criteria() == null ? List.of()
                : body.criteria().stream().map(c -> c == null ? null : c.details()).toList());
        return json(programmes.find(id));
    }

    private ProgrammeJson json(LabelProgramme programme) {
        return ProgrammeJson.of(programme, programmes.latestGrid(programme.id()));
    }

    private static int version(Integer version) {
        return RequestBodies.version(version, "label.field.required", PROGRAMME);
    }
}
