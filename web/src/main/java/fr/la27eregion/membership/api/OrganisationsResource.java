package fr.la27eregion.membership.api;

import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * The organisations of the network. The members list, the members' profiles and applying to join are open to
 * everyone (an applicant's profile is not: {@link Organisations#find}); an
 * organisation's contacts and memberships are read by the secretariat, auditors and the organisation's own people
 * ({@link Organisations#contacts}, {@link Memberships#ofOrganisation} decide, another organisation's are a 403).
 *
 * <p>Contacts have their own resource rather than a member of the profile that only some callers would get: the
 * profile is then the same public document for everyone, and a caller who may not read the contacts is told so
 * (403) instead of receiving a profile that looks as if the organisation had none.
 */
@RequestScoped
@Path("organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Membership")
public class OrganisationsResource {

    @Inject
    private Organisations organisations;

    @Inject
    private Memberships memberships;

    @Inject
    private MembershipViews views;

    @Inject
    private ClientLimits limits;

    @Inject
    private LimitSettings limitSettings;

    @Context
    private UriInfo uri;

    @Context
    private HttpServletRequest request;

    @GET
    @Timed(name = "api.organisations.list", absolute = true, description = "Time to list the members")
    @Operation(summary = "List the members of the network", description = "Every organisation with a current "
            + "membership (approved, active, suspended or lapsed), by name, with the state of that membership. "
            + "Public. The whole list, not paged: its size is in X-Total-Count.")
    @APIResponse(responseCode = "200", description = "The members",
            headers = @Header(name = "X-Total-Count", description = "How many members",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PublicMemberJson.class)))
    public Response members() {
        List<PublicMemberJson> members = organisations.members().stream().map(PublicMemberJson::of).toList();
        return Response.ok(members).header("X-Total-Count", members.size()).build();
    }

    @GET
    @Path("{id}")
    @Timed(name = "api.organisations.get", absolute = true, description = "Time to read a profile")
    @Operation(summary = "Read an organisation's public profile", description = "Public for the members of the "
            + "network (the organisations of the members list): the same document for every caller; the contacts and "
            + "memberships are at /organisations/{id}/contacts and /organisations/{id}/memberships. An organisation "
            + "that is not a member (an application pending, rejected or withdrawn) is read only by the secretariat, "
            + "auditors and its own people (HTTP Basic): for anyone else it is a 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganisationJson.class)))
    @APIResponse(responseCode = "404", description = "No such organisation, or not a member and not the caller's "
            + "to read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OrganisationJson profile(
            @Parameter(description = "The organisation's id", required = true) @PathParam("id") long id) {
        return OrganisationJson.of(organisations.find(id));
    }

    @GET
    @Path("{id}/contacts")
    @Timed(name = "api.organisations.contacts", absolute = true, description = "Time to read contacts")
    @Operation(summary = "Read an organisation's contacts", description = "For the secretariat, auditors and the "
            + "organisation's own coordinators and contributors (HTTP Basic).")
    @APIResponse(responseCode = "200", description = "The contacts, coordinators first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ContactJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a reader of this organisation's records",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<ContactJson> contacts(
            @Parameter(description = "The organisation's id", required = true) @PathParam("id") long id) {
        return organisations.contacts(id).stream().map(ContactJson::of).toList();
    }

    @GET
    @Path("{id}/memberships")
    @Timed(name = "api.organisations.memberships", absolute = true, description = "Time to list memberships")
    @Operation(summary = "List an organisation's memberships", description = "The current one first, then its "
            + "history, each with what the caller may do with it now. For the secretariat, auditors and the "
            + "organisation's own coordinators and contributors (HTTP Basic).")
    @APIResponse(responseCode = "200", description = "The memberships",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MembershipJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not a reader of this organisation's records",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<MembershipJson> memberships(
            @Parameter(description = "The organisation's id", required = true) @PathParam("id") long id) {
        return memberships.ofOrganisation(id).stream().map(views::withActions).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Timed(name = "api.organisations.apply", absolute = true, description = "Time to apply")
    @Operation(summary = "Apply to join the network", description = "Creates the organisation, its contacts and a "
            + "membership APPLIED for the category of its kind, which the secretariat then reviews. Open to "
            + "everyone: an organisation that is not a member yet has no account. Nothing is kept of a refused "
            + "application.")
    @RequestBody(required = true, description = "The organisation and its contacts (one coordinator at least)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationJson.class)))
    @APIResponse(responseCode = "201", description = "Applied: the new membership, at the address in Location",
            headers = @Header(name = "Location", description = "The new membership",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MembershipJson.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON of the expected shape, or names an "
            + "unknown kind or network role (the problem lists the allowed names)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The body is larger than the API accepts",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A detail is wrong (required, too long, SIRET, territory, "
            + "no coordinator...) or the organisation is already registered: the problem's field names the input, "
            + "its rule the message key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many applications from this client address "
            + "(limits.applications.per-hour): Retry-After says in how many seconds to try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response apply(ApplicationJson application) {
        if (application == null) {
            throw ProblemException.badRequest("This request needs a JSON body: the organisation and its contacts.");
        }
        Membership membership = limits.within(limitSettings.applications(), limits.clientAddress(request),
                () -> organisations.apply(application.details(), application.contactDetails()));
        URI location = uri.getBaseUriBuilder().path(MembershipsResource.class).path(String.valueOf(membership.id()))
                .build();
        return Response.created(location).entity(views.asApplied(membership)).build();
    }
}
