package fr.la27eregion.project.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.files.AttachmentStore;
import fr.la27eregion.platform.files.FileDownload;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.project.control.Attachments;
import fr.la27eregion.project.control.ProjectScope;
import fr.la27eregion.project.control.ProjectScopes;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAttachment;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.util.List;

/**
 * The files of a project (issue 10): PDF, ODT, DOCX, PNG and JPEG, their type read from their content, at most
 * {@code projects.attachments.max-bytes}, kept with their SHA-256 in PostgreSQL or a folder ({@link AttachmentStore}).
 *
 * <p>Whoever sees a project lists and downloads its files; whoever changes it ({@link ProjectScope#edits}: the
 * secretariat, the lead organisation's coordinators and contributors) adds and removes them. The project is read
 * through the caller's scope in the query: out of scope it is a 404, like an unknown id, so a draft's files never
 * reach another organisation. Adding and removing are journaled ({@code project.attach}, {@code project.detach}:
 * the file's name, type, size and checksum, never its content) in the same transaction, last. They leave the
 * project's own version alone: a file added while someone edits the project's text does not make their edit stale.
 */
@Stateless
public class ProjectAttachments {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ProjectScopes scopes;

    @EJB
    private Projects projects;

    @Inject
    private CallerScope callers;

    @Inject
    private AttachmentStore store;

    @Inject
    private Journal journal;

    @Inject
    private Attachments attachments;

    /**
     * Adds a file to a project. Refused with {@link fr.la27eregion.platform.files.AttachmentRefused} (its reason
     * says why: empty, too large, a type not taken, a name that says another type, a path or no name).
     *
     * @param fileName the name the sender gave (cleaned here); never trusted for the type
     * @param content  the bytes, read once, up to the limit
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public ProjectAttachment attach(long projectId, String fileName, InputStream content) {
        return attachments.attach(editable(projectId), fileName, content, callers.caller().username());
    }

    /** The files of a project the caller sees, oldest first; a 404 for a project out of scope. */
    @PermitAll
    public List<ProjectAttachment> list(long projectId) {
        projects.find(projectId);
        return em.createQuery("SELECT a FROM ProjectAttachment a WHERE a.project.id = :project ORDER BY a.id",
                ProjectAttachment.class).setParameter("project", projectId).getResultList();
    }

    /** One file of a project the caller sees, with its bytes opened; a 404 otherwise. */
    @PermitAll
    public FileDownload<ProjectAttachment> download(long projectId, long attachmentId) {
        ProjectAttachment attachment = attachment(projectId, attachmentId);
        return new FileDownload<>(attachment, store.open(attachment));
    }

    /** One file's description (no bytes), for a project the caller sees. */
    @PermitAll
    public ProjectAttachment find(long projectId, long attachmentId) {
        return attachment(projectId, attachmentId);
    }

    /** Removes a file of a project the caller changes, if nobody changed it since the caller saw its version. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public void detach(long projectId, long attachmentId, int versionSeen) {
        Project project = editable(projectId);
        ProjectAttachment attachment = attachment(projectId, attachmentId);
        if (attachment.version() != versionSeen) {
            throw new StaleRecord("This file was changed by someone else: reload the page and try again.");
        }
        em.remove(attachment);
        store.discard(attachment);
        journal.append(project.leadOrganisation().subject(), "project.detach", Project.JOURNAL_TYPE,
                String.valueOf(projectId), null, null, null, attachment.describe());
    }

    /** Whether the caller may add and remove this project's files (for pages: the upload field). */
    @PermitAll
    public boolean mayChange(long projectId) {
        return projects.edits(projects.find(projectId));
    }

    /**
     * Refuses unless the caller may add and remove this project's files: the API asks it before it reads an upload,
     * so a caller without the right learns nothing from the checks of the body (401, 403 or 404 first).
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public void requireChange(long projectId) {
        editable(projectId);
    }

    private Project editable(long projectId) {
        Project project = projects.find(projectId);
        if (!projects.edits(project)) {
            throw new AccessRefused("Only the lead organisation's people and the secretariat change the files of"
                    + " project " + projectId + ".");
        }
        return project;
    }

    private ProjectAttachment attachment(long projectId, long attachmentId) {
        ProjectScope scope = scopes.current();
        return scope.bind(em.createQuery("SELECT a FROM ProjectAttachment a JOIN a.project p"
                        + " WHERE a.id = :id AND p.id = :project" + scope.where("p"), ProjectAttachment.class)
                        .setParameter("id", attachmentId).setParameter("project", projectId))
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFound("No file " + attachmentId + " in project " + projectId + "."));
    }
}
