package fr.la27eregion.project.web;

import fr.la27eregion.platform.web.FileSizes;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.project.boundary.ProjectAttachments;
import fr.la27eregion.platform.files.AttachmentSettings;
import fr.la27eregion.platform.files.ReceivedFile;
import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.project.entity.ProjectAttachment;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the fragment {@code WEB-INF/includes/project/attachments.xhtml}, which a project's page includes with the
 * project's id as its parameter {@code project}: the project's files (name, type, size, date, a download link to
 * the API, which the page's session opens), and, for those who change the project, the upload field (a native file input), whose
 * refusals (empty, too large, a type the catalogue does not take, a name that says another type, a folder path) are
 * shown beside it, and a remove button per file. The boundary decides every right and every refusal.
 */
@Named
@ViewScoped
public class ProjectAttachmentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The client id of the upload field, where its refusals are shown. */
    static final String FIELD = "attachments:file";

    /** A file as the list shows it. */
    public record Row(long id, String fileName, String type, String size, Instant uploadedAt, int version,
                      String href) implements Serializable {
    }

    @EJB
    private ProjectAttachments attachments;

    @Inject
    private AttachmentSettings settings;

    private final Map<Long, List<Row>> rows = new HashMap<>();
    private final Map<Long, Boolean> changes = new HashMap<>();
    private transient Part file;

    /** The files of the project, read once per view (again after a change). */
    public List<Row> rows(Long projectId) {
        return rows.computeIfAbsent(projectId,
                id -> attachments.list(id).stream().map(ProjectAttachmentsView::row).toList());
    }

    /** Whether the caller adds and removes the project's files. */
    public boolean mayChange(Long projectId) {
        return changes.computeIfAbsent(projectId, attachments::mayChange);
    }

    public void upload(Long projectId) {
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isEmpty()) {
            RuleMessages.error(FIELD, "project.attachment.NONE");
            return;
        }
        try (InputStream content = file.getInputStream()) {
            ProjectAttachment added = attachments.attach(projectId, file.getSubmittedFileName(), content);
            rows.remove(projectId);
            RuleMessages.info("project.attachments.added", added.fileName());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> AttachmentRefused.FIELD.equals(field) ? FIELD : null, FIELD);
        } finally {
            file = null;
        }
    }

    public void remove(Long projectId, Row row) {
        try {
            attachments.detach(projectId, row.id(), row.version());
            RuleMessages.info("project.attachments.removed", row.fileName());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
        rows.remove(projectId);
    }

    /** The size limit, in megabytes, for the field's hint. */
    public long getMaxMegabytes() {
        return ReceivedFile.megabytes(settings.maxBytes());
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    /** A file as the list shows it (also the public project page's, which has no view-scoped bean). */
    static Row row(ProjectAttachment attachment) {
        return new Row(attachment.id(), attachment.fileName(), AttachmentType.of(attachment.mediaType())
                .map(Enum::name).orElse(attachment.mediaType()), FileSizes.text(attachment.sizeBytes()),
                attachment.uploadedAt(), attachment.version(),
                "/api/v1/projects/" + attachment.project().id() + "/attachments/" + attachment.id());
    }
}
