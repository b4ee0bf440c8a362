package fr.la27eregion.label.entity;

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
 * (its type read from the content by the projects' controls, the bytes in the database or a folder under a name
 * the server chose). Mapped for the parts to come; no use case writes one yet.
 */
@Entity
@Table(name = "application_attachment")
public class ApplicationAttachment implements Serializable {

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

    @Column(name = "file_name", nullable = false, length = 200)
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

    public Long id() {
        return id;
    }

    public LabelApplication application() {
        return application;
    }

    public Optional<ApplicationMessage> message() {
        return Optional.ofNullable(message);
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Optional<String> storedName() {
        return Optional.ofNullable(storedName);
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
