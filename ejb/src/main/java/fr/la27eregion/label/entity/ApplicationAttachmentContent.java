package fr.la27eregion.label.entity;

import fr.la27eregion.platform.files.FileBytes;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The bytes of an application's file kept in PostgreSQL (the default storage; a configured folder is the other). */
@Entity
@Table(name = "application_attachment_content")
public class ApplicationAttachmentContent extends FileBytes {

    protected ApplicationAttachmentContent() {
        // for JPA
    }

    public ApplicationAttachmentContent(long attachmentId, byte[] content) {
        super(attachmentId, content);
    }
}
