package fr.la27eregion.project.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.database.Like;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.workflow.Moved;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.control.Catalogue;
import fr.la27eregion.project.control.ProjectScope;
import fr.la27eregion.project.control.ProjectScopes;
import fr.la27eregion.project.control.ProjectTransitions;
import fr.la27eregion.project.control.ProjectWorkflow;
import fr.la27eregion.project.control.StageTransitions;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectAction;
import fr.la27eregion.project.entity.ProjectDetails;
import fr.la27eregion.project.entity.ProjectInputs;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.project.entity.StageAction;
import fr.la27eregion.project.entity.StageRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The project catalogue's use cases: recording a project, revising it, the steps of its visibility and of its
 * stage, and reading projects as far as the caller's {@link ProjectScope} goes. The scope is in every query's WHERE
 * clause: a project out of scope is not read at all, and answers exactly as an unknown id does
 * ({@link RecordNotFound}, 404), so a draft of organisation A never reaches B, not even by id.
 *
 * <p>Contributors record and revise their own organisation's projects and move their stage; coordinators also
 * decide who sees them (share, publish, withdraw); the secretariat does all of it for any organisation; auditors
 * read everything and change nothing. A project that the caller sees but does not change (another organisation's,
 * shared with the network) is an {@link AccessRefused} (403) for a change. Every change is version-checked
 * ({@link StaleRecord}, 409) and journaled in its transaction, last: the steps by {@link Transitions}, a revision
 * as {@code project.update} with the names of the fields that changed.
 */
@Stateless
public class Projects {

    /** The journal's word for a revision of a project's fields. */
    public static final String UPDATE = "project.update";

    /** At most this many rows in one page of a list. */
    public static final int MAX_PAGE = 200;

    /** The states of a membership whose organisation a project may name as a partner: the network's members. */
    private static final List<MembershipState> MEMBERS = List.of(MembershipState.APPROVED, MembershipState.ACTIVE,
            MembershipState.SUSPENDED, MembershipState.LAPSED);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ProjectScopes scopes;

    @Inject
    private CallerScope callers;

    @Inject
    private Catalogue catalogue;

    @Inject
    private Transitions transitions;

    @Inject
    private ProjectTransitions visibilities;

    @Inject
    private StageTransitions stages;

    @Inject
    private Journal journal;

    /**
     * Records a new project, a draft. Its lead is the caller's own organisation; the secretariat names it
     * ({@link ProjectDetails#getLeadOrganisationId()}).
     *
     * @throws RuleViolation naming the field when a detail is wrong
     * @throws AccessRefused the caller acts for no organisation
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public Project create(ProjectDetails details) {
        Caller caller = callers.caller();
        long lead;
        if (caller.hasRole(Role.NETWORK_ADMIN)) {
            if (details == null || details.getLeadOrganisationId() == null) {
                throw new RuleViolation("leadOrganisationId", "project.field.required",
                        "The secretariat names the lead organisation.");
            }
            lead = details.getLeadOrganisationId();
        } else {
            lead = caller.organisation().orElseThrow(() ->
                    new AccessRefused("Your account acts for no organisation: it records no project."));
        }
        return catalogue.add(details, lead, caller.actors(), caller.username());
    }

    /**
     * Changes a project's fields (not its lead organisation, stage or visibility), as seen at {@code versionSeen};
     * journaled as {@code project.update} with the names of the fields that changed, when one did.
     *
     * @throws RecordNotFound no such project in the caller's scope
     * @throws AccessRefused  a project the caller sees but does not change
     * @throws StaleRecord    the project changed since the caller saw it
     * @throws RuleViolation  naming the field when a detail is wrong
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public Project update(long id, int versionSeen, ProjectDetails details) {
        Project project = editable(id);
        fresh(project, versionSeen);
        String visibility = project.visibility().name();
        SortedSet<String> changed = catalogue.revise(project, details);
        if (!changed.isEmpty()) {
            journal.append(project.leadOrganisation().subject(), UPDATE, Project.JOURNAL_TYPE, String.valueOf(id),
                    visibility, project.visibility().name(), null,
                    Map.of("fields", List.copyOf(changed), "version", project.version(),
                            "organisation", project.leadOrganisation().id()));
        }
        return project;
    }

    /**
     * Takes a step of the visibility workflow (share, publish, withdraw), as seen at {@code versionSeen}.
     *
     * @throws RecordNotFound no such project in the caller's scope
     * @throws AccessRefused  a project the caller does not change, or a step their roles do not allow
     * @throws StaleRecord    the project changed since the caller saw it
     * @throws fr.la27eregion.project.entity.ProjectRefused not from this visibility, or a reason is missing
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public Moved<Project, ProjectVisibility, ProjectAction> step(long id, int versionSeen, ProjectAction action,
                                                                 String reason) {
        if (action == null || action == ProjectAction.CREATE) {
            throw new RuleViolation("action", "project.field.required", "A step is required.");
        }
        Project project = editable(id);
        return transitions.apply(visibilities, project, versionSeen, action, callers.caller().actors(),
                new ProjectInputs(reason));
    }

    /**
     * Takes a step of the stage workflow (start, deploy, evaluate, stop, resume), as seen at {@code versionSeen}.
     *
     * @throws RecordNotFound no such project in the caller's scope
     * @throws AccessRefused  a project the caller does not change
     * @throws StaleRecord    the project changed since the caller saw it
     * @throws fr.la27eregion.project.entity.ProjectRefused not from this stage, or a reason is missing
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public Moved<Project, ProjectStage, StageAction> stage(long id, int versionSeen, StageAction action,
                                                           String reason) {
        if (action == null) {
            throw new RuleViolation("action", "project.field.required", "A step is required.");
        }
        Project project = editable(id);
        Moved<StageRecord, ProjectStage, StageAction> moved = transitions.apply(stages, project.stages(),
                versionSeen, action, callers.caller().actors(), new ProjectInputs(reason));
        return new Moved<>(moved.record().project(), moved.next());
    }

    /**
     * A project as far as the caller's scope goes: public ones for everyone, the network's for the people of its
     * members, drafts for their lead organisation's people, every one for the secretariat and auditors.
     *
     * @throws RecordNotFound no such project, or none this caller may see: the same answer
     */
    @PermitAll
    public Project find(long id) {
        return find(id, scopes.current());
    }

    private Project find(long id, ProjectScope scope) {
        return scope.bind(em.createQuery("SELECT p FROM Project p WHERE p.id = :id" + scope.where("p"),
                        Project.class)).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /** The caller's scope: which projects they see and change. */
    @PermitAll
    public ProjectScope scope() {
        return scopes.current();
    }

    /**
     * The steps of the visibility workflow the caller may take on the project now, each with what it needs; none
     * on a project they do not change.
     */
    @PermitAll
    public List<PossibleAction<ProjectVisibility, ProjectAction>> possible(Project project) {
        if (!scopes.current().edits(project)) {
            return List.of();
        }
        return ProjectWorkflow.TABLE.possible(project.visibility(), callers.caller().actors());
    }

    /** The steps of the stage workflow the caller may take on the project now; none on one they do not change. */
    @PermitAll
    public List<PossibleAction<ProjectStage, StageAction>> possibleStages(Project project) {
        if (!scopes.current().edits(project)) {
            return List.of();
        }
        return ProjectWorkflow.STAGES.possible(project.stage(), callers.caller().actors());
    }

    /** Whether the caller may revise the project's fields. */
    @PermitAll
    public boolean edits(Project project) {
        Caller caller = callers.caller();
        return scopes.current().edits(project) && (caller.hasRole(Role.CONTRIBUTOR)
                || caller.hasRole(Role.MEMBER_COORDINATOR) || caller.hasRole(Role.NETWORK_ADMIN));
    }

    /**
     * One page of the intranet's list: the projects of the caller's organisation in every visibility (all
     * projects for the secretariat and auditors), whose title contains the filter, the last changed first.
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<Project> mine(String filter, int first, int size) {
        TypedQuery<Project> query = em.createQuery("SELECT p FROM Project p JOIN FETCH p.leadOrganisation"
                + MINE + " ORDER BY p.updatedAt DESC, p.id DESC", Project.class);
        return mineParameters(query, filter).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, MAX_PAGE))).getResultList();
    }

    /** How many projects {@link #mine} lists in all. */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public long countMine(String filter) {
        return mineParameters(em.createQuery("SELECT COUNT(p) FROM Project p" + MINE, Long.class), filter)
                .getSingleResult();
    }

    private static final String MINE = " WHERE (:all = TRUE OR p.leadOrganisation.id = :own)"
            + " AND LOWER(p.title) LIKE :filter";

    private <T> TypedQuery<T> mineParameters(TypedQuery<T> query, String filter) {
        ProjectScope scope = scopes.current();
        return query.setParameter("all", scope.seesEverything())
                .setParameter("own", scope.ownOrganisation().orElse(-1L))
                .setParameter("filter", Like.containing(filter));
    }

    /** The network's member organisations whose name contains the text, to choose a project's partners. */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public List<Organisation> organisationsNamed(String text, int max) {
        return em.createQuery("SELECT o FROM Organisation o WHERE LOWER(o.name) LIKE :text AND EXISTS ("
                        + "SELECT m.id FROM Membership m WHERE m.organisation = o AND m.state IN :members)"
                        + " ORDER BY o.name", Organisation.class)
                .setParameter("text", Like.containing(text)).setParameter("members", MEMBERS)
                .setMaxResults(Math.max(1, Math.min(max, 50))).getResultList();
    }

    /**
     * The journal entries of a project, oldest first, for who changes it, the secretariat and auditors (they name
     * the people who acted); none for its other readers.
     *
     * @throws RecordNotFound no such project in the caller's scope
     */
    @PermitAll
    public List<JournalEntry> history(long id) {
        ProjectScope scope = scopes.current();
        Project project = find(id, scope);
        if (!scope.seesEverything() && !scope.edits(project)) {
            return List.of();
        }
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", Project.JOURNAL_TYPE).setParameter("entityId", String.valueOf(id))
                .setMaxResults(200).getResultList();
    }

    /** The project in the caller's scope that they change: 404 out of scope, 403 seen but not theirs. */
    private Project editable(long id) {
        ProjectScope scope = scopes.current();
        Project project = find(id, scope);
        if (!scope.edits(project)) {
            throw new AccessRefused("Only the secretariat and the lead organisation's people change this project.");
        }
        return project;
    }

    private static void fresh(Project project, int versionSeen) {
        if (project.version() != versionSeen) {
            throw new StaleRecord("This project was changed by someone else (version " + project.version()
                    + ", not " + versionSeen + "): reload it and try again.");
        }
    }

    private static RecordNotFound notFound(long id) {
        return new RecordNotFound("There is no project " + id + ".");
    }
}
