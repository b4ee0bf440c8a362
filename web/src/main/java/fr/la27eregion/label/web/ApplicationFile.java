package fr.la27eregion.label.web;

import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.platform.web.FileSizes;

import java.io.Serializable;
import java.time.Instant;

/**
 * A file of a label application or of one of its messages, as pages list it: its name as a link to the API's
 * download address (which the page's session opens), its type, size and date, and the version a removal gives back.
 */
public record ApplicationFile(long id, String fileName, String type, String size, Instant uploadedAt, int version,
                              String href) implements Serializable {

    static ApplicationFile of(ApplicationAttachment attachment) {
        return new ApplicationFile(attachment.id(), attachment.fileName(), AttachmentType.of(attachment.mediaType())
                .map(Enum::name).orElse(attachment.mediaType()), FileSizes.text(attachment.sizeBytes()),
                attachment.uploadedAt(), attachment.version(), href(attachment.application().id(), attachment.id()));
    }

    /** The API's address of a file's bytes. */
    public static String href(long applicationId, long attachmentId) {
        return "/api/v1/label-applications/" + applicationId + "/attachments/" + attachmentId;
    }
}
