package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.ApplicationAttachments;
import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.files.AttachmentSettings;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.platform.files.ReceivedFile;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backs the fragment {@code WEB-INF/includes/label/attachments.xhtml}, which the application page includes with the
 * application's id as its parameter {@code application}: the application's files (name as a download link, type,
 * size, date) for all who read it, and, while the applicant holds it, the upload field (a native file input,
 * checked in the browser for size and extension before it is sent, then by the boundary from the content) and a
 * remove button per file. The boundary decides every right and every refusal; the page shows them beside the field.
 */
@Named
@ViewScoped
public class ApplicationAttachmentsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The client id of the upload field, where its refusals are shown. */
    static final String FIELD = "applicationFiles:file";

    @EJB
    private ApplicationAttachments attachments;

    @EJB
    private LabelApplications applications;

    @Inject
    private AttachmentSettings settings;

    private final Map<Long, List<ApplicationFile>> rows = new HashMap<>();
    private final Map<Long, Boolean> changes = new HashMap<>();
    private transient Part file;

    /** The application's files, read once per view (again after a change). */
    public List<ApplicationFile> rows(Long applicationId) {
        return rows.computeIfAbsent(applicationId, id -> attachments.list(id).stream().map(ApplicationFile::of)
                .toList());
    }

    /** Whether the caller adds and removes the application's files now. */
    public boolean mayChange(Long applicationId) {
        return changes.computeIfAbsent(applicationId, id -> attachments.mayChange(applications.find(id)));
    }

    public void upload(Long applicationId) {
        if (file == null || file.getSubmittedFileName() == null || file.getSubmittedFileName().isEmpty()) {
            RuleMessages.error(FIELD, "label.attachment.NONE");
            return;
        }
        try (InputStream content = file.getInputStream()) {
            ApplicationAttachment added = attachments.attach(applicationId, file.getSubmittedFileName(), content);
            RuleMessages.info("label.attachments.added", added.fileName());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> AttachmentRefused.FIELD.equals(field) ? FIELD : null, FIELD);
        } finally {
            file = null;
            forget(applicationId);
        }
    }

    public void remove(Long applicationId, ApplicationFile row) {
        try {
            attachments.detach(applicationId, row.id(), row.version());
            RuleMessages.info("label.attachments.removed", row.fileName());
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, null);
        }
        forget(applicationId);
    }

    /** The size limit in bytes, for the browser's check before sending. */
    public long getMaxBytes() {
        return settings.maxBytes();
    }

    /** The size limit, in megabytes, for the field's hint and messages. */
    public long getMaxMegabytes() {
        return ReceivedFile.megabytes(settings.maxBytes());
    }

    /** The extensions the platform takes ({@code pdf,odt,docx,png,jpg,...}), for the browser's check. */
    public String getExtensions() {
        return Arrays.stream(AttachmentType.values()).flatMap(type -> type.extensions().stream())
                .collect(Collectors.joining(","));
    }

    /** The file input's {@code accept}: the extensions and the media types taken. */
    public String getAccept() {
        return Arrays.stream(AttachmentType.values()).flatMap(type -> java.util.stream.Stream.concat(
                        type.extensions().stream().map(extension -> "." + extension), java.util.stream.Stream.of(
                                type.mediaType()))).distinct().collect(Collectors.joining(","));
    }

    /** What the browser says of a file over the limit (the server's own words). */
    public String getTooLargeText() {
        return RuleMessages.text("label.attachment.TOO_LARGE", getMaxMegabytes());
    }

    /** What the browser says of an empty file. */
    public String getEmptyText() {
        return RuleMessages.text("label.attachment.EMPTY");
    }

    /** What the browser says of a name whose extension the platform does not take. */
    public String getWrongTypeText() {
        return RuleMessages.text("label.attachment.EXTENSION");
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    private void forget(Long applicationId) {
        rows.remove(applicationId);
        changes.remove(applicationId);
    }
}
