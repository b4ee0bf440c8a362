package fr.la27eregion.label.entity;

import fr.la27eregion.platform.files.AttachmentName;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.platform.files.StoredBytes;
import fr.la27eregion.platform.files.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * A file attached to an application, or to one message of its conversation, kept as a project's attachments are
 * (the platform's file rules: its type read from the content, its name cleaned, its bytes in
 * {@link ApplicationAttachmentContent} or in a folder under a name the server chose). A message's file is kept
 * with the message, as the message is: only the application's own files are removed, while the applicant holds it.
 */
@Entity
@Table(name = "application_attachment")
public class ApplicationAttachment implements StoredFile, Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", updatable = false)
    private LabelApplication application;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id", updatable = false)
    private ApplicationMessage message;

    @Column(name = "file_name", nullable = false, length = AttachmentName.MAX, updatable = false)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 100, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "stored_name", length = 100, updatable = false)
    private String storedName;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", length = 64, updatable = false)
    private String uploadedBy;

    @Version
    private int version;

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
        this.application = application;
        this.message = message;
        this.fileName = fileName;
        this.mediaType = type.mediaType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storedName = storedName;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    @Override
    public StoredBytes bytes(byte[] content) {
        return new ApplicationAttachmentContent(id, content);
    }

    @Override
    public Class<ApplicationAttachmentContent> bytesEntity() {
        return ApplicationAttachmentContent.class;
    }

    @Override
    public Long id() {
        return id;
    }

    public LabelApplication application() {
        return application;
    }

    public Optional<ApplicationMessage> message() {
        return Optional.ofNullable(message);
    }

    @Override
    public String fileName() {
        return fileName;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public long sizeBytes() {
        return sizeBytes;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String storedName() {
        return storedName;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public int version() {
        return version;
    }
}
