package fr.la27eregion.membership.api;

import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.RequestBodies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A contact's personal data, erased on request (GDPR article 17): the secretariat only ({@link Organisations}). */
@RequestScoped
@Path("contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class ContactsResource {

    @Inject
    private Organisations organisations;

    /** The body of an erasure: the contact's version as the caller saw it. */
    @Schema(name = "ContactErasure")
    public record Erasure(@Schema(required = true, description = "The contact's version as the caller saw it")
                          Integer version) {
    }

    @POST
    @Path("{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a contact's personal data",
            description = "A current or removed contact: its name, address and job title, the mails sent to it, its "
                    + "name and address quoted in mails and notifications, the projects giving it as contact and "
                    + "its linked account become \"erased\". Journaled contact.erase, with no personal data.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "403", description = "Not the secretariat",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such contact",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The contact changed since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, already erased, or the last coordinator",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response erase(@Parameter(description = "The contact's id", required = true) @PathParam("id") long id,
                          Erasure body) {
        RequestBodies.required(body, "the contact's version");
        organisations.eraseContact(id, RequestBodies.version(body.version(), "membership.field.required",
                "the contact"));
        return Response.noContent().build();
    }
}
