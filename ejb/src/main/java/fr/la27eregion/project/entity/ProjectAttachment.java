package fr.la27eregion.project.entity;

import fr.la27eregion.platform.files.AttachedFile;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.platform.files.StoredBytes;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A file attached to a project ({@link AttachedFile}: its name, type, size, SHA-256, who sent it and when). Its
 * bytes are elsewhere: in {@link AttachmentContent} (PostgreSQL) or, when {@link #storedName()} is set, in the
 * configured folder under that server-chosen name.
 */
@Entity
@Table(name = "project_attachment")
public class ProjectAttachment extends AttachedFile {

    private static final long serialVersionUID = 1L;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", updatable = false)
    private Project project;

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
        super(fileName, type, sizeBytes, sha256, storedName, uploadedAt, uploadedBy);
        this.project = project;
    }

    @Override
    public StoredBytes bytes(byte[] content) {
        return new AttachmentContent(id(), content);
    }

    @Override
    public Class<AttachmentContent> bytesEntity() {
        return AttachmentContent.class;
    }

    public Project project() {
        return project;
    }
}
