package fr.la27eregion.platform.files;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The bytes of a file kept in PostgreSQL, keyed by the file's id, in a table of their own so that listing files
 * never reads them. Each feature maps its own table ({@code project_attachment_content},
 * {@code application_attachment_content}) as an entity extending this one.
 */
@MappedSuperclass
public abstract class FileBytes implements StoredBytes {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected FileBytes() {
        // for JPA
    }

    protected FileBytes(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public Long attachmentId() {
        return attachmentId;
    }

    @Override
    public byte[] content() {
        return content;
    }
}
