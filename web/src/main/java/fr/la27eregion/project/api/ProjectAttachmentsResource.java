package fr.la27eregion.project.api;

import fr.la27eregion.platform.api.FileTransfers;
import fr.la27eregion.platform.api.Problem;
import fr.la27eregion.project.boundary.ProjectAttachments;
import fr.la27eregion.project.control.Attachments;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.util.List;

/**
 * The files of a project: list, download, upload ({@code multipart/form-data}, one part named {@code file}), delete.
 * The {@link ProjectAttachments} boundary decides who sees and changes them; a project out of the caller's sight is a
 * 404 like an unknown one.
 *
 * <p>The upload is read by the servlet container ({@code multipart-config} of this API's servlet in web.xml: parts
 * over 1 MB go to a temporary file, a request over its ceiling is refused before it is stored), never by the API's
 * JSON body limit; the boundary then streams the part, counting and hashing, and refuses past
 * {@code projects.attachments.max-bytes}. Refusals are problem details: 413 too large, 415 a type the catalogue does
 * not take or a name that says another type than the content, 422 an empty file or an unusable name (with
 * {@code field: "file"} and the rule's key, as every refusal).
 */
@ApplicationScoped
@Path("projects/{projectId}/attachments")
@Tag(name = "Projects")
public class ProjectAttachmentsResource {

    private static final String PART = FileTransfers.PART;

    @EJB
    private ProjectAttachments attachments;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a project's files", description = "For whoever sees the project: everyone for a "
            + "public project, members of the network for a network project, the lead organisation's people, the "
            + "secretariat and auditors for a draft.")
    @APIResponse(responseCode = "200", description = "The files, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AttachmentJson.class)))
    @APIResponse(responseCode = "404", description = "No such project, or not one the caller sees",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AttachmentJson> list(
            @Parameter(description = "The project's id", required = true) @PathParam("projectId") long projectId) {
        return attachments.list(projectId).stream().map(AttachmentJson::of).toList();
    }

    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file of a project", description = "The bytes as stored, with the type read "
            + "from them at upload, Content-Disposition: attachment (the name in UTF-8, RFC 6266), the length, "
            + "X-Content-Type-Options: nosniff and the SHA-256 as ETag. Same readers as the list.")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/pdf"), @Content(mediaType = "application/vnd.oasis.opendocument.text"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            @Content(mediaType = "image/png"), @Content(mediaType = "image/jpeg")})
    @APIResponse(responseCode = "404", description = "No such file in this project, or a project the caller does "
            + "not see", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response download(
            @Parameter(description = "The project's id", required = true) @PathParam("projectId") long projectId,
            @Parameter(description = "The file's id", required = true) @PathParam("attachmentId")
            long attachmentId) {
        return FileTransfers.download(attachments.download(projectId, attachmentId));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a file to a project", description = "multipart/form-data with one part 'file' (its "
            + "filename is the name shown). PDF, ODT, DOCX, PNG or JPEG, read from the content, never from the name "
            + "or the part's Content-Type; the name's extension must agree with the content; at most "
            + "projects.attachments.max-bytes (20 MB by default). For the secretariat and the lead organisation's "
            + "coordinators and contributors. Journaled (project.attach: name, type, size, SHA-256).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = @SchemaProperty(name = PART,
                    type = SchemaType.STRING, format = "binary"))))
    @APIResponse(responseCode = "201", description = "Stored: the file's description, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AttachmentJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not one who changes this project (or a read-only token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such project, or not one the caller sees",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not multipart/form-data, or the content is not a PDF, ODT, "
            + "DOCX, PNG or JPEG (rule project.attachment.TYPE), or its name says another type "
            + "(project.attachment.MISLABELLED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No part 'file', an empty file, no name or a name with a "
            + "folder path (field 'file', rule project.attachment.EMPTY, NAME or PATH)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response upload(
            @Parameter(description = "The project's id", required = true) @PathParam("projectId") long projectId) {
        attachments.requireChange(projectId);
        return FileTransfers.upload(request, uri, Attachments.RULES + ".NAME",
                (name, content) -> attachments.attach(projectId, name, content), AttachmentJson::of);
    }

    @DELETE
    @Path("{attachmentId}")
    @Operation(summary = "Remove a file from a project", description = "With the version of the file as the "
            + "caller saw it. Same callers as the upload. Journaled (project.detach).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not one who changes this project",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such file in a project the caller sees",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The file changed since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version given", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    public Response delete(
            @Parameter(description = "The project's id", required = true) @PathParam("projectId") long projectId,
            @Parameter(description = "The file's id", required = true) @PathParam("attachmentId")
            long attachmentId,
            @Parameter(description = "The file's version as the caller saw it", required = true)
            @QueryParam("version") Integer version) {
        attachments.requireChange(projectId);
        attachments.detach(projectId, attachmentId, FileTransfers.version(version, "project.field.required"));
        return Response.noContent().build();
    }
}
