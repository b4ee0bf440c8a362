package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.label.entity.ApplicationMessage;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.files.AttachmentStore;
import fr.la27eregion.platform.files.Upload;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.time.Clock;

/**
 * Receiving a file for a label application or one of its messages, once the boundary decided who may: the
 * platform's file rules ({@link AttachmentStore}: type from the content, cleaned name, size limit, SHA-256, the
 * bytes in PostgreSQL or the folder), refusals in the family {@value #RULES}. The boundary journals the act.
 */
@Dependent
public class ApplicationFiles {

    /** The family of the refusals: {@code label.attachment.<REASON>}, in the bundles and the API. */
    public static final String RULES = "label.attachment";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private AttachmentStore store;

    @Inject
    private Clock clock;

    /**
     * Receives, checks and keeps a file.
     *
     * @param message    the message it goes with, null for the application's own files
     * @param fileName   the name the sender gave (cleaned here); never trusted for the type
     * @param uploadedBy the account's username
     * @throws fr.la27eregion.platform.files.AttachmentRefused empty, too large, a type not taken, a name that says
     *                                                         another type, a path or no name
     */
    public ApplicationAttachment attach(LabelApplication application, ApplicationMessage message, String fileName,
                                        InputStream content, String uploadedBy) {
        try (Upload upload = store.receive(RULES, fileName, content)) {
            ApplicationAttachment attachment = new ApplicationAttachment(application, message, upload.fileName(),
                    upload.type(), upload.size(), upload.sha256(), store.newStoredName().orElse(null),
                    clock.instant(), uploadedBy);
            em.persist(attachment);
            em.flush();
            store.keep(attachment, upload);
            return attachment;
        }
    }

    /** The bytes of a file, to be closed by the reader. */
    public InputStream open(ApplicationAttachment attachment) {
        return store.open(attachment);
    }

    /** Removes a file: its row now, its bytes with it (database) or once the removal committed (folder). */
    public void remove(ApplicationAttachment attachment) {
        em.remove(attachment);
        store.discard(attachment);
    }
}
