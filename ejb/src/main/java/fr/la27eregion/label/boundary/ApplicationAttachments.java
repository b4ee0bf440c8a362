package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.control.ApplicationFiles;
import fr.la27eregion.label.control.ApplicationScope;
import fr.la27eregion.label.control.ApplicationScopes;
import fr.la27eregion.label.control.ApplicationTransitions;
import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.AssessmentState;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.files.FileDownload;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a label application (issue 11: "the applicant attaches documents, the projects' upload rules"):
 * PDF, ODT, DOCX, PNG and JPEG, their type read from their content, at most {@code projects.attachments.max-bytes},
 * kept with their SHA-256 in PostgreSQL or the folder store, exactly as a project's (the platform's file rules,
 * {@link ApplicationFiles}); refusals are {@code label.attachment.<REASON>}.
 *
 * <p><b>Who.</b> The applicant organisation's coordinators and contributors add and remove the application's files
 * while they hold it (a draft, or changes requested: {@link ApplicationState#editableByApplicant()}); the files
 * are then the application's content and stay with it. They are read by those who read the application: the
 * applicant's people, the secretariat and auditors, a reviewer assigned to it (not recused) and the campaign's jury
 * chair once it is reviewed or decided. A blind programme hides the applicant from its reviewers, not the files:
 * they are what is assessed. A message's file goes with its message, read by the conversation's readers only (the
 * applicant's people, the secretariat, auditors), and is never removed. The readers are in every query: a file
 * or an application out of reach is a 404, exactly like an unknown id.
 *
 * <p><b>Consistency.</b> Adding and removing lock the application's row first ({@code SELECT ... FOR UPDATE}), so
 * a file never slips in after a concurrent submission: whichever comes second sees the other's outcome. Both are
 * journaled in their transaction, last ({@code label-application.attach}, {@code .detach}: the file's name, type,
 * size, SHA-256 and storage, never its content), with the application as subject; they leave the application's
 * version alone (a file added while someone edits the answers does not make their edit stale); a removal is
 * checked against the file's own version (409).
 */
@Stateless
public class ApplicationAttachments {

    public static final String ATTACH = ApplicationTransitions.NAME + ".attach";
    public static final String DETACH = ApplicationTransitions.NAME + ".detach";


    /** Identity keys start at 1: no account nor organisation has this id. */
    private static final long NOBODY = -1L;

    /**
     * Who reads an application ({@code a}): its scope (the applicant's people, the secretariat, auditors), a
     * reviewer assigned and not recused, the campaign's chair once reviewed or decided.
     */
    private static final String READERS = "(:all = TRUE OR a.organisation.id = :own"
            + " OR EXISTS (SELECT s.id FROM Assessment s WHERE s.application.id = a.id"
            + " AND s.reviewerAccountId = :reviewer AND s.state <> :recused)"
            + " OR (a.campaign.juryChairAccountId = :chair AND a.state IN :jury))";

    /** Who reads one file ({@code t} of {@code a}): a message's file only by the application's scope. */
    private static final String FILE_READERS = "(:all = TRUE OR a.organisation.id = :own"
            + " OR (t.message IS NULL AND (EXISTS (SELECT s.id FROM Assessment s WHERE s.application.id = a.id"
            + " AND s.reviewerAccountId = :reviewer AND s.state <> :recused)"
            + " OR (a.campaign.juryChairAccountId = :chair AND a.state IN :jury))))";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerScope callers;

    @Inject
    private ApplicationScopes scopes;

    @Inject
    private ApplicationFiles files;

    @Inject
    private Journal journal;

    @EJB
    private LabelApplications applications;

    /**
     * Adds a file to the application, while the applicant holds it.
     *
     * @param fileName the name the sender gave (cleaned here); never trusted for the type
     * @param content  the bytes, read once, up to the limit
     * @throws RecordNotFound    no such application the caller reads
     * @throws AccessRefused     not the applicant organisation's people
     * @throws LabelRefused      not held by the applicant now (submitted, in review, decided...)
     * @throws AttachmentRefused empty, too large, a type not taken, a name that says another type, a path or no name
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME})
    public ApplicationAttachment attach(long applicationId, String fileName, InputStream content) {
        LabelApplication application = editable(applicationId);
        ApplicationAttachment attachment = files.attach(application, null, fileName, content,
                callers.caller().username());
        journal(application, ATTACH, attachment);
        return attachment;
    }

    /**
     * Removes a file of the application, while the applicant holds it, if nobody changed the file since the
     * caller saw its version. A message's file is kept with its message.
     *
     * @throws RecordNotFound no such file of an application the caller reads
     * @throws AccessRefused  not the applicant's people, or a message's file
     * @throws LabelRefused   not held by the applicant now
     * @throws StaleRecord    the file changed since that version
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME})
    public void detach(long applicationId, long attachmentId, int versionSeen) {
        LabelApplication application = editable(applicationId);
        ApplicationAttachment attachment = file(applicationId, attachmentId);
        if (attachment.message().isPresent()) {
            throw new AccessRefused("A message's file is kept with the message, as the message is.");
        }
        if (attachment.version() != versionSeen) {
            throw new StaleRecord("This file was changed by someone else: reload the page and try again.");
        }
        files.remove(attachment);
        journal(application, DETACH, attachment);
    }

    /**
     * Refuses unless the caller may add and remove this application's files now: the API asks it before it reads
     * an upload, so a caller without the right learns nothing from the checks of the body (403, 404 or 422 first).
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME})
    public void requireChange(long applicationId) {
        LabelApplication application = applications.find(applicationId);
        checkChange(application);
    }

    /**
     * The application's own files (not its messages'), oldest first.
     *
     * @throws RecordNotFound no such application the caller reads
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME,
            Role.REVIEWER_NAME, Role.JURY_NAME})
    public List<ApplicationAttachment> list(long applicationId) {
        boolean readable = !bind(em.createQuery("SELECT a.id FROM LabelApplication a WHERE a.id = :application AND "
                + READERS, Long.class)).setParameter("application", applicationId).getResultList().isEmpty();
        if (!readable) {
            throw notFound(applicationId);
        }
        return em.createQuery("SELECT t FROM ApplicationAttachment t WHERE t.application.id = :application"
                        + " AND t.message IS NULL ORDER BY t.id", ApplicationAttachment.class)
                .setParameter("application", applicationId).getResultList();
    }

    /**
     * The files of the application's messages, by message id, for the conversation's readers.
     *
     * @throws RecordNotFound no such application in the caller's scope
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public Map<Long, List<ApplicationAttachment>> ofMessages(long applicationId) {
        applications.find(applicationId);
        Map<Long, List<ApplicationAttachment>> byMessage = new LinkedHashMap<>();
        em.createQuery("SELECT t FROM ApplicationAttachment t JOIN FETCH t.message WHERE t.application.id"
                        + " = :application ORDER BY t.id", ApplicationAttachment.class)
                .setParameter("application", applicationId).getResultStream()
                .forEach(t -> byMessage.computeIfAbsent(t.message().orElseThrow().id(), id -> new ArrayList<>())
                        .add(t));
        return byMessage;
    }

    /**
     * One file, with its bytes opened.
     *
     * @throws RecordNotFound no such file of an application the caller reads (a message's file: the conversation's
     *                        readers only)
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME,
            Role.REVIEWER_NAME, Role.JURY_NAME})
    public FileDownload<ApplicationAttachment> download(long applicationId, long attachmentId) {
        ApplicationAttachment attachment = file(applicationId, attachmentId);
        return new FileDownload<>(attachment, files.open(attachment));
    }

    /** Whether the caller adds and removes the application's files now (for pages: the upload field). */
    @PermitAll
    public boolean mayChange(LabelApplication application) {
        return applications.answers(application);
    }

    private LabelApplication editable(long applicationId) {
        // read in the caller's scope, then read again under the row's lock: the state checked is the last committed
        LabelApplication application = applications.find(applicationId);
        em.refresh(application, LockModeType.PESSIMISTIC_WRITE);
        checkChange(application);
        return application;
    }

    private void checkChange(LabelApplication application) {
        if (!applications.applicant(application)) {
            throw new AccessRefused("Only the applicant organisation's people add and remove its files.");
        }
        if (!application.state().editableByApplicant()) {
            throw new LabelRefused(LabelRefused.Rule.NOT_EDITABLE, AttachmentRefused.FIELD, "A label application "
                    + application.state() + " is no longer the applicant's to change: its files stay as they are.",
                    application.state().name());
        }
    }

    private ApplicationAttachment file(long applicationId, long attachmentId) {
        return bind(em.createQuery("SELECT t FROM ApplicationAttachment t JOIN t.application a WHERE t.id = :id"
                        + " AND a.id = :application AND " + FILE_READERS, ApplicationAttachment.class))
                .setParameter("id", attachmentId).setParameter("application", applicationId)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFound("No file " + attachmentId + " in label application "
                        + applicationId + "."));
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query) {
        Caller caller = callers.caller();
        ApplicationScope scope = scopes.current();
        long me = caller.accountId() == null ? NOBODY : caller.accountId();
        return query.setParameter("all", scope.seesEverything())
                .setParameter("own", scope.ownOrganisation().orElse(NOBODY))
                .setParameter("reviewer", caller.hasRole(Role.REVIEWER) ? me : NOBODY)
                .setParameter("recused", AssessmentState.RECUSED)
                .setParameter("chair", caller.hasRole(Role.JURY) ? me : NOBODY)
                .setParameter("jury", ApplicationScope.FOR_THE_JURY);
    }

    private void journal(LabelApplication application, String act, ApplicationAttachment attachment) {
        Map<String, Object> details = ApplicationTransitions.describe(application);
        details.put("file", attachment.describe());
        journal.append(application.subject(), act, LabelApplication.JOURNAL_TYPE, String.valueOf(application.id()),
                application.state().name(), application.state().name(), null, details);
    }

    private static RecordNotFound notFound(long applicationId) {
        return new RecordNotFound("There is no label application " + applicationId + ".");
    }
}
