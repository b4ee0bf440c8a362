package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.ApplicationAttachments;
import fr.la27eregion.label.control.ApplicationFiles;
import fr.la27eregion.platform.api.FileTransfers;
import fr.la27eregion.platform.api.Problem;
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
 * The files of a label application: list, download, upload ({@code multipart/form-data}, one part {@code file}),
 * delete; a message's file is downloaded here too (its id is in the message). The {@link ApplicationAttachments}
 * boundary decides who reads and changes them; out of reach is a 404 like an unknown id. The same file rules as a
 * project's: 413 too large, 415 a type not taken or a name that says another type, 422 an empty file or an unusable
 * name, with {@code field: "file"} and the rule {@code label.attachment.<REASON>}.
 */
@ApplicationScoped
@Path("label-applications/{id}/attachments")
@Tag(name = "Labels")
public class ApplicationAttachmentsResource {

    @EJB
    private ApplicationAttachments attachments;

    @Context
    private HttpServletRequest request;

    @Context
    private UriInfo uri;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a label application's files", description = "Its own files (not its messages'), "
            + "oldest first. For the applicant organisation's people, the secretariat, auditors, a reviewer assigned "
            + "to it (not recused) and the campaign's jury chair once it is reviewed or decided.")
    @APIResponse(responseCode = "200", description = "The files", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicationFileJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's roles read no applications", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<ApplicationFileJson> list(
            @Parameter(description = "The application's id", required = true) @PathParam("id") long id) {
        return attachments.list(id).stream().map(ApplicationFileJson::of).toList();
    }

    @GET
    @Path("{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a file of a label application or of one of its messages", description = "The "
            + "bytes as stored, with the type read from them at upload, Content-Disposition: attachment (the name in "
            + "UTF-8, RFC 6266), the length, X-Content-Type-Options: nosniff and the SHA-256 as ETag. The "
            + "application's files: same readers as the list; a message's file: the conversation's readers (the "
            + "applicant's people, the secretariat, auditors).")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/pdf"), @Content(mediaType = "application/vnd.oasis.opendocument.text"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            @Content(mediaType = "image/png"), @Content(mediaType = "image/jpeg")})
    @APIResponse(responseCode = "404", description = "No such file of an application the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response download(
            @Parameter(description = "The application's id", required = true) @PathParam("id") long id,
            @Parameter(description = "The file's id", required = true) @PathParam("attachmentId")
            long attachmentId) {
        return FileTransfers.download(attachments.download(id, attachmentId));
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a file to a label application", description = "multipart/form-data with one part "
            + "'file' (its filename is the name shown). PDF, ODT, DOCX, PNG or JPEG, read from the content, never "
            + "from the name or the part's Content-Type; the name's extension must agree with the content; at most "
            + "projects.attachments.max-bytes (20 MB by default). For the applicant organisation's coordinators and "
            + "contributors while they hold the application (DRAFT, CHANGES_REQUESTED). Journaled "
            + "(label-application.attach: name, type, size, SHA-256).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(type = SchemaType.OBJECT, properties = @SchemaProperty(name = FileTransfers.PART,
                    type = SchemaType.STRING, format = "binary"))))
    @APIResponse(responseCode = "201", description = "Stored: the file's description, its address at Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationFileJson.class)))
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the applicant's people (or a read-only token)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The file is larger than the limit (label.attachment.TOO_LARGE)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not multipart/form-data, or the content is not a PDF, ODT, "
            + "DOCX, PNG or JPEG (label.attachment.TYPE), or its name says another type "
            + "(label.attachment.MISLABELLED)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Not the applicant's to change now (label.rule.NOT_EDITABLE), "
            + "no part 'file', an empty file, no name or a name with a folder path (label.attachment.EMPTY, NAME, "
            + "PATH)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response upload(
            @Parameter(description = "The application's id", required = true) @PathParam("id") long id) {
        attachments.requireChange(id);
        return FileTransfers.upload(request, uri, ApplicationFiles.RULES + ".NAME",
                (name, content) -> attachments.attach(id, name, content), ApplicationFileJson::of);
    }

    @DELETE
    @Path("{attachmentId}")
    @Operation(summary = "Remove a file from a label application", description = "With the version of the file as "
            + "the caller saw it. Same callers and states as the upload; a message's file stays with its message "
            + "(403). Journaled (label-application.detach).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No credentials", content = @Content(
            mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Not the applicant's people, or a message's file",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such file of an application the caller reads",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The file changed since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No version given, or not the applicant's to change now",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(
            @Parameter(description = "The application's id", required = true) @PathParam("id") long id,
            @Parameter(description = "The file's id", required = true) @PathParam("attachmentId")
            long attachmentId,
            @Parameter(description = "The file's version as the caller saw it", required = true)
            @QueryParam("version") Integer version) {
        attachments.requireChange(id);
        attachments.detach(id, attachmentId, FileTransfers.version(version, "label.field.required"));
        return Response.noContent().build();
    }
}
