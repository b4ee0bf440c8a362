package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.Campaigns;
import fr.la27eregion.label.boundary.Juries;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;

/** Campaigns: the open ones for everyone, every one for the network's people, created by the secretariat. */
@ApplicationScoped
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels")
public class CampaignsResource {

    @EJB
    private Campaigns campaigns;

    @EJB
    private Juries juries;

    @Inject
    private Clock clock;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "List campaigns", description = "Anonymous callers: the campaigns open now (by the "
            + "server's clock), the soonest closing first. Signed-in callers: every campaign, the latest opening "
            + "first.")
    @APIResponse(responseCode = "200", description = "The campaigns", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignJson.class,
            type = SchemaType.ARRAY)))
    public List<CampaignJson> list(@Context SecurityContext security) {
        List<Campaign> found = security.getUserPrincipal() == null ? campaigns.open() : campaigns.all();
        return found.stream().map(campaign -> CampaignJson.of(campaign, clock.instant())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a campaign", description = "An open one for everyone; any for the network's people.")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignJson.class)))
    @APIResponse(responseCode = "404", description = "No such campaign, or not open and the caller is not signed in",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CampaignJson find(@Parameter(description = "The campaign's id", required = true) @PathParam("id") long id) {
        return CampaignJson.of(campaigns.find(id), clock.instant());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a campaign", description = "Of a programme, freezing its latest grid version. For "
            + "the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignJson.class)))
    @APIResponse(responseCode = "201", description = "Created: the campaign, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CampaignJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong (field names which): an unknown "
            + "programme, a code taken, closing before opening, a chair who is not of the jury",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(CampaignJson campaign) {
        Campaign created = campaigns.create(RequestBodies.required(campaign, "the campaign").details());
        return RequestBodies.created(uri, created.id(), CampaignJson.of(created, clock.instant()));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a campaign", description = "Titles, dates, jury day and chair as seen at version; "
            + "the programme, code and grid stay. For the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignJson.class)))
    @APIResponse(responseCode = "200", description = "Revised, with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignJson.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, or a field is wrong", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public CampaignJson revise(@Parameter(description = "The campaign's id", required = true) @PathParam("id") long id,
                               CampaignJson campaign) {
        CampaignJson body = RequestBodies.required(campaign, "the campaign");
        int version = RequestBodies.version(body.version(), "label.field.required", "the campaign");
        return CampaignJson.of(campaigns.revise(id, version, body.details()), clock.instant());
    }

    @GET
    @Path("{id}/jury")
    @Operation(summary = "Read a campaign's jury ranking", description = "Its reviewed and decided applications, "
            + "the best weighted total first (equal totals share a rank), each submitted assessment's scores per "
            + "criterion side by side and the spread between the reviewers' totals; with the programme's levels, "
            + "mentions and decision templates. For the campaign's jury chair, the secretariat and auditors.")
    @APIResponse(responseCode = "200", description = "The ranking", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JuryJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the campaign's jury chair, the secretariat or an auditor",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such campaign", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public JuryJson jury(@Parameter(description = "The campaign's id", required = true) @PathParam("id") long id) {
        return JuryJson.of(juries.ranking(id));
    }
}
