package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.ApplicationAttachment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A file of a label application or of one of its messages, without its bytes (they are at {@code href}). */
@Schema(name = "ApplicationAttachment", description = "A file of a label application (or of a message of its "
        + "conversation): its name, the type read from its content, its size and SHA-256; the bytes are at href")
public record ApplicationFileJson(
        @Schema(readOnly = true) long id,
        @Schema(readOnly = true, example = "Rapport d'évaluation.pdf") String fileName,
        @Schema(readOnly = true, enumeration = {"application/pdf", "application/vnd.oasis.opendocument.text",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png",
                "image/jpeg"}) String mediaType,
        @Schema(readOnly = true) long sizeBytes,
        @Schema(readOnly = true, description = "SHA-256 of the bytes, lowercase hexadecimal") String sha256,
        @Schema(readOnly = true) Instant uploadedAt,
        @Schema(readOnly = true, description = "The message it goes with; none for the application's own files")
        Long messageId,
        @Schema(readOnly = true, description = "Give it back to delete the file") int version,
        @Schema(readOnly = true, description = "Where to download it",
                example = "/api/v1/label-applications/12/attachments/34") String href) {

    static ApplicationFileJson of(ApplicationAttachment attachment) {
        long application = attachment.application().id();
        return new ApplicationFileJson(attachment.id(), attachment.fileName(), attachment.mediaType(),
                attachment.sizeBytes(), attachment.sha256(), attachment.uploadedAt(),
                attachment.message().map(message -> message.id()).orElse(null), attachment.version(),
                "/api/v1/label-applications/" + application + "/attachments/" + attachment.id());
    }
}
