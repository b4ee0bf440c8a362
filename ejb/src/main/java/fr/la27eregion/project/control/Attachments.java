package fr.la27eregion.project.control;

import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.project.entity.AttachmentName;
import fr.la27eregion.project.entity.AttachmentType;
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
 * cleaned and checked against the type read from the content ({@link AttachmentTypes}), the bytes received with
 * their SHA-256 and kept where the settings say ({@link AttachmentStore}), the act journaled last
 * ({@code project.attach}). One path, so a demo file is checked exactly like an upload.
 */
@Dependent
public class Attachments {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttachmentStore store;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /**
     * Adds a file to the project. Refused with {@link fr.la27eregion.project.entity.AttachmentRefused} (its reason
     * says why: empty, too large, a type not taken, a name that says another type, a path or no name).
     *
     * @param fileName   the name the sender gave (cleaned here); never trusted for the type
     * @param content    the bytes, read once, up to the limit
     * @param uploadedBy the account that sent it, null for the platform
     */
    public ProjectAttachment attach(Project project, String fileName, InputStream content, String uploadedBy) {
        AttachmentName name = AttachmentName.of(fileName);
        try (ReceivedFile received = store.receive(content)) {
            AttachmentType type = AttachmentTypes.of(received.path());
            ProjectAttachment attachment = new ProjectAttachment(project, name.checkedFor(type), type,
                    received.size(), received.sha256(), store.newStoredName().orElse(null), clock.instant(),
                    uploadedBy);
            em.persist(attachment);
            em.flush();
            store.keep(attachment, received);
            journal.append(project.leadOrganisation().subject(), "project.attach", Project.JOURNAL_TYPE,
                    String.valueOf(project.id()), null, null, null, attachment.describe());
            return attachment;
        }
    }
}
