package fr.la27eregion.project.api;

import fr.la27eregion.project.entity.ProjectAttachment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A file of a project, without its bytes (they are at {@code href}). */
@Schema(name = "ProjectAttachment", description = "A file of a project: its name, the type read from its content, "
        + "its size and SHA-256; the bytes are downloaded at href")
public record AttachmentJson(
        @Schema(readOnly = true) long id,
        @Schema(readOnly = true, example = "Bilan de l'expérimentation.pdf") String fileName,
        @Schema(readOnly = true, enumeration = {"application/pdf", "application/vnd.oasis.opendocument.text",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png",
                "image/jpeg"}) String mediaType,
        @Schema(readOnly = true) long sizeBytes,
        @Schema(readOnly = true, description = "SHA-256 of the bytes, lowercase hexadecimal") String sha256,
        @Schema(readOnly = true) Instant uploadedAt,
        @Schema(readOnly = true, description = "Give it back to delete the file") int version,
        @Schema(readOnly = true, description = "Where to download it",
                example = "/api/v1/projects/12/attachments/34") String href) {

    static AttachmentJson of(ProjectAttachment attachment) {
        return new AttachmentJson(attachment.id(), attachment.fileName(), attachment.mediaType(),
                attachment.sizeBytes(), attachment.sha256(), attachment.uploadedAt(), attachment.version(),
                "/api/v1/projects/" + attachment.project().id() + "/attachments/" + attachment.id());
    }
}
