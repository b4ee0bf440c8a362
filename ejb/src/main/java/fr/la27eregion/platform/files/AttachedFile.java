package fr.la27eregion.platform.files;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;

/**
 * What every attached file's row holds, whatever it is attached to (a project, a label application or one of its
 * messages): the name it was sent under (cleaned of any path, agreeing with its type), the type read from its
 * content, its size and SHA-256, who sent it and when, and, when its bytes are in the folder store, the
 * server-chosen name they are kept under. None of it changes once received; each feature's entity adds what the
 * file belongs to and the row that keeps its bytes in PostgreSQL.
 */
@MappedSuperclass
public abstract class AttachedFile implements StoredFile, Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    protected AttachedFile() {
        // for JPA
    }

    /**
     * A file just received: its name already cleaned and checked against its type, read from its content, its size
     * and checksum computed while it was received.
     *
     * @param storedName the server-chosen name of its bytes in the folder store, null when they are in PostgreSQL
     */
    protected AttachedFile(String fileName, AttachmentType type, long sizeBytes, String sha256, String storedName,
                           Instant uploadedAt, String uploadedBy) {
        this.fileName = fileName;
        this.mediaType = type.mediaType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storedName = storedName;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    @Override
    public Long id() {
        return id;
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
