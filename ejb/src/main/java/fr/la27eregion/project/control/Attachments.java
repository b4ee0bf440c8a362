package fr.la27eregion.project.control;

import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.files.AttachmentStore;
import fr.la27eregion.platform.files.Upload;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAttachment;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.time.Clock;

/**
 * Attaching a file to a project, once the boundary decided who may (or the demo data, as the platform): the name
 * cleaned and checked against the type read from the content, the bytes received with their SHA-256 and kept where
 * the settings say (the platform's {@link AttachmentStore}, shared with label applications), the act journaled last
 * ({@code project.attach}). One path, so a demo file is checked exactly like an upload.
 */
@Dependent
public class Attachments {

    /** The family of the projects' refusals: {@code project.attachment.<REASON>}, in the bundles and the API. */
    public static final String RULES = "project.attachment";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttachmentStore store;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /**
     * Adds a file to the project. Refused with {@link fr.la27eregion.platform.files.AttachmentRefused} (its reason
     * says why: empty, too large, a type not taken, a name that says another type, a path or no name).
     *
     * @param fileName   the name the sender gave (cleaned here); never trusted for the type
     * @param content    the bytes, read once, up to the limit
     * @param uploadedBy the account that sent it, null for the platform
     */
    public ProjectAttachment attach(Project project, String fileName, InputStream content, String uploadedBy) {
        try (Upload upload = store.receive(RULES, fileName, content)) {
            ProjectAttachment attachment = new ProjectAttachment(project, upload.fileName(), upload.type(),
                    upload.size(), upload.sha256(), store.newStoredName().orElse(null), clock.instant(),
                    uploadedBy);
            em.persist(attachment);
            em.flush();
            store.keep(attachment, upload);
            journal.append(project.leadOrganisation().subject(), "project.attach", Project.JOURNAL_TYPE,
                    String.valueOf(project.id()), null, null, null, attachment.describe());
            return attachment;
        }
    }
}
