package fr.la27eregion.project.entity;

import fr.la27eregion.platform.files.StoredBytes;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of an attachment kept in PostgreSQL, in a table of their own so that listing attachments never reads
 * them (the default storage; a configured folder is the other).
 */
@Entity
@Table(name = "project_attachment_content")
public class AttachmentContent implements StoredBytes {

    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected AttachmentContent() {
        // for JPA
    }

    public AttachmentContent(long attachmentId, byte[] content) {
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
