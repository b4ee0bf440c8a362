package fr.la27eregion.label.entity;

import fr.la27eregion.platform.files.AttachedFile;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.platform.files.StoredBytes;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/**
 * A file attached to an application, or to one message of its conversation, kept as a project's attachments are
 * ({@link AttachedFile}, the platform's file rules: its type read from the content, its name cleaned, its bytes in
 * {@link ApplicationAttachmentContent} or in a folder under a name the server chose). A message's file is kept
 * with the message, as the message is: only the application's own files are removed, while the applicant holds it.
 */
@Entity
@Table(name = "application_attachment")
public class ApplicationAttachment extends AttachedFile {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private LabelApplication application;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id", updatable = false)
    private ApplicationMessage message;

    protected ApplicationAttachment() {
        // for JPA
    }

    /**
     * A file just received for the application (or one of its messages): its name already cleaned and checked
     * against its type, read from its content, its size and checksum computed while it was received.
     *
     * @param message    the message it goes with, null for a file of the application itself
     * @param storedName the server-chosen name of its bytes in the folder store, null when they are in PostgreSQL
     */
    public ApplicationAttachment(LabelApplication application, ApplicationMessage message, String fileName,
                                 AttachmentType type, long sizeBytes, String sha256, String storedName,
                                 Instant uploadedAt, String uploadedBy) {
        super(fileName, type, sizeBytes, sha256, storedName, uploadedAt, uploadedBy);
        this.application = application;
        this.message = message;
    }

    @Override
    public StoredBytes bytes(byte[] content) {
        return new ApplicationAttachmentContent(id(), content);
    }

    @Override
    public Class<ApplicationAttachmentContent> bytesEntity() {
        return ApplicationAttachmentContent.class;
    }

    public LabelApplication application() {
        return application;
    }

    public Optional<ApplicationMessage> message() {
        return Optional.ofNullable(message);
    }
}
