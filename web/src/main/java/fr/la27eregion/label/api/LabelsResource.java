package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.boundary.Labels;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.api.ContentDisposition;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import java.util.Locale;

/**
 * One label's life: read it, move it (the secretariat), download its certificate, start its renewal (the holder).
 * Numeric ids only ({@code {id: \d+}}): the public register ({@code GET /labels}) and the verification
 * ({@code /labels/verify/{code}}) are another resource's, on the same path. A label out of the caller's scope is a
 * 404, as an unknown one.
 */
@ApplicationScoped
@Path("labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labels")
public class LabelsResource {

    @EJB
    private Labels labels;

    @EJB
    private LabelApplications applications;

    @Context
    private UriInfo uri;

    @GET
    @Path("{id: \\d+}")
    @Operation(summary = "Read a label", description = "Its certificate number, verification code, state, level, "
            + "mentions and validity, with the steps the caller may take now. For the holder organisation's people, "
            + "the secretariat and auditors.")
    @APIResponse(responseCode = "200", description = "The label", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LabelJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller reads no labels", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such label, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public LabelJson find(@Parameter(description = "The label's id", required = true) @PathParam("id") long id) {
        return json(labels.find(id));
    }

    @POST
    @Path("{id: \\d+}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend, reinstate or revoke a label", description = "The secretariat: SUSPEND (an active "
            + "label, with a motivation), REINSTATE (a suspended one), REVOKE (an active or suspended one, with a "
            + "motivation). As the caller saw the label (version); journaled with the label as subject; the holder "
            + "organisation is told.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = LabelTransitionJson.class)))
    @APIResponse(responseCode = "200", description = "Done: the label in its new state, with its new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LabelJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape, or an unknown action (the problem "
            + "lists them)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat, or a step that is not taken here",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such label", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not from this state, the motivation missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public LabelJson transition(@Parameter(description = "The label's id", required = true) @PathParam("id") long id,
                                LabelTransitionJson transition) {
        RequestBodies.required(transition, "the action and the version seen");
        LabelAction action = Names.parse(LabelAction.class, transition.action(), "action");
        int version = RequestBodies.version(transition.version(), "label.field.required", "the label");
        return json(labels.step(id, version, action, transition.reason()).record());
    }

    @GET
    @Path("{id: \\d+}/certificate")
    @Produces({"application/pdf", Problem.MEDIA_TYPE})
    @Operation(summary = "Download a label's certificate", description = "A PDF in French (lang=en: in English) with "
            + "the organisation, project, programme, level, mentions, dates, certificate number and a QR code of the "
            + "public verification page. Not issued while the label is suspended or once it is revoked (422). Same "
            + "readers as the label.")
    @APIResponse(responseCode = "200", description = "The certificate", content = @Content(
            mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such label, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The label is suspended or revoked: no certificate",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response certificate(@Parameter(description = "The label's id", required = true) @PathParam("id") long id,
                                @Parameter(description = "fr (the default) or en") @QueryParam("lang") String lang) {
        Labels.Certificate certificate = labels.certificate(id, "en".equalsIgnoreCase(lang) ? Locale.ENGLISH
                : Locale.FRENCH);
        return Response.ok(certificate.pdf(), "application/pdf")
                .header(HttpHeaders.CONTENT_LENGTH, certificate.pdf().length)
                .header("Content-Disposition", ContentDisposition.attachment(certificate.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .build();
    }

    @POST
    @Path("{id: \\d+}/renewals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a label's renewal", description = "The holder organisation's coordinators and "
            + "contributors: a draft application of the label's project in an open campaign of the same programme, "
            + "pre-filled with the answers of the label's application (matched by criterion code). The programme "
            + "must be renewable, the label active or expired, with no other renewal under way. Journaled as the "
            + "application's creation.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RenewalJson.class)))
    @APIResponse(responseCode = "201", description = "Started: the renewal application, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the holder organisation's people", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such label in the caller's scope, or no such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not renewable now: the programme, the label's state, a renewal "
            + "under way, a campaign not open or of another programme (rule and field name which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response renew(@Parameter(description = "The label's id", required = true) @PathParam("id") long id,
                          RenewalJson renewal) {
        RequestBodies.required(renewal, "the campaignId");
        if (renewal.campaignId() == null) {
            throw new RuleViolation("campaignId", "label.field.required", "campaignId is required.");
        }
        LabelApplication started = labels.renew(id, renewal.campaignId());
        return Response.created(uri.getBaseUriBuilder().path("label-applications").path(String.valueOf(started.id()))
                .build()).entity(ApplicationJson.of(started, applications.possible(started))).build();
    }

    private LabelJson json(Label label) {
        return LabelJson.of(label, labels.possible(label));
    }
}
