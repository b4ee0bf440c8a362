package fr.la27eregion.content.api;

import fr.la27eregion.content.boundary.Contents;
import fr.la27eregion.content.entity.ContentAction;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.platform.api.Names;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.platform.api.ProblemException;
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

import java.util.List;

/**
 * The secretariat's content of the public pages (home text, themes' introductions, news, explainers, the
 * accessibility statement's editable parts): read by the secretariat and auditors in every state, written and
 * published by the secretariat. The public reads only what is published, on the public pages.
 */
@ApplicationScoped
@Path("content-items")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Content")
public class ContentItemsResource {

    @EJB
    private Contents contents;

    @Context
    private UriInfo uri;

    @GET
    @Operation(summary = "List content items", description = "Every item of a kind (or of every kind), whatever its"
            + " state, for the secretariat and auditors.")
    @APIResponse(responseCode = "200", description = "The items", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentItemJson[].class)))
    @APIResponse(responseCode = "400", description = "An unknown kind", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public List<ContentItemJson> list(@Parameter(description = "HOME, THEME, NEWS, EXPLAINER or ACCESSIBILITY")
                                      @QueryParam("kind") String kind) {
        return contents.list(Names.parse(ContentKind.class, kind, "kind")).stream().map(this::withActions).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a content item", description = "Whatever its state, with the steps the caller may"
            + " take now; for the secretariat and auditors.")
    @APIResponse(responseCode = "200", description = "The item", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentItemJson.class)))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public ContentItemJson find(@Parameter(description = "The item's id", required = true) @PathParam("id") long id) {
        return withActions(contents.find(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a content item", description = "A draft; for the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContentItemJson.class)))
    @APIResponse(responseCode = "201", description = "Written: the item, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ContentItemJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape, or an unknown kind",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong, or the key is taken: field and"
            + " rule name which", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(ContentItemJson item) {
        ContentItem created = contents.create(body(item).details());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(withActions(created)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revise a content item", description = "Its texts and projects as the caller saw them at"
            + " version (the kind and key stay; the state moves by transitions). For the secretariat; journaled"
            + " with the names of the fields changed.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContentItemJson.class)))
    @APIResponse(responseCode = "200", description = "Revised, with its new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentItemJson.class)))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version, or a field is wrong", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public ContentItemJson update(@Parameter(description = "The item's id", required = true) @PathParam("id") long id,
                                  ContentItemJson item) {
        if (body(item).version() == null) {
            throw new RuleViolation("version", "content.field.required",
                    "version is required: the version of the item as you saw it.");
        }
        return withActions(contents.update(id, item.version(), item.details()));
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish or unpublish a content item", description = "PUBLISH (a draft or an unpublished"
            + " item), UNPUBLISH (a published one), as the caller saw it (version); for the secretariat; journaled.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContentTransitionJson.class)))
    @APIResponse(responseCode = "200", description = "Done: the item in its new state", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentItemJson.class)))
    @APIResponse(responseCode = "400", description = "Not JSON of this shape, or an unknown action",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the secretariat", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not from this state, or no version", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public ContentItemJson transition(
            @Parameter(description = "The item's id", required = true) @PathParam("id") long id,
            ContentTransitionJson transition) {
        if (transition == null) {
            throw ProblemException.badRequest("This request needs a JSON body: the action and the version seen.");
        }
        if (transition.version() == null) {
            throw new RuleViolation("version", "content.field.required",
                    "version is required: the version of the item as you saw it.");
        }
        ContentAction action = Names.parse(ContentAction.class, transition.action(), "action");
        return withActions(contents.step(id, transition.version(), action).record());
    }

    private ContentItemJson withActions(ContentItem item) {
        return ContentItemJson.of(item, contents.possible(item));
    }

    private static ContentItemJson body(ContentItemJson item) {
        if (item == null) {
            throw ProblemException.badRequest("This request needs a JSON body: the content item.");
        }
        return item;
    }
}
