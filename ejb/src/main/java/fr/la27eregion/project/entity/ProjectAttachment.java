package fr.la27eregion.project.entity;

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

/**
 * A file attached to a project: the name it was sent under (cleaned of any path), the type read from its content,
 * its size and SHA-256, who sent it and when. Its bytes are elsewhere: in {@link AttachmentContent} (PostgreSQL) or,
 * when {@link #storedName()} is set, in the configured folder under that server-chosen name.
 */
@Entity
@Table(name = "project_attachment")
public class ProjectAttachment implements StoredFile, Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_FILE_NAME = AttachmentName.MAX;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", updatable = false)
    private Project project;

    @Column(name = "file_name", nullable = false, length = MAX_FILE_NAME)
    private String fileName;

    @Column(name = "media_type", nullable = false, length = 100)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "stored_name", length = 100)
    private String storedName;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", length = 64)
    private String uploadedBy;

    @Version
    private int version;

    protected ProjectAttachment() {
        // for JPA
    }

    /**
     * An attachment just received: its name already cleaned and checked against its type, its type read from its
     * content, its size and checksum computed while it was received.
     *
     * @param storedName the server-chosen name of its bytes in the folder store, null when they are in PostgreSQL
     */
    public ProjectAttachment(Project project, String fileName, AttachmentType type, long sizeBytes, String sha256,
                             String storedName, Instant uploadedAt, String uploadedBy) {
        this.project = project;
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
        return new AttachmentContent(id, content);
    }

    @Override
    public Class<AttachmentContent> bytesEntity() {
        return AttachmentContent.class;
    }

    @Override
    public Long id() {
        return id;
    }

    public Project project() {
        return project;
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
