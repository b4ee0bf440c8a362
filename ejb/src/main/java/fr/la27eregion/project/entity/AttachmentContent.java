package fr.la27eregion.project.entity;

import fr.la27eregion.platform.files.FileBytes;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The bytes of a project's attachment kept in PostgreSQL, in a table of their own so that listing attachments never
 * reads them (the default storage; a configured folder is the other).
 */
@Entity
@Table(name = "project_attachment_content")
public class AttachmentContent extends FileBytes {

    protected AttachmentContent() {
        // for JPA
    }

    public AttachmentContent(long attachmentId, byte[] content) {
        super(attachmentId, content);
    }
}
