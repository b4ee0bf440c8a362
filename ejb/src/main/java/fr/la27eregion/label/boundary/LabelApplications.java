package fr.la27eregion.label.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.label.control.ApplicationFiles;
import fr.la27eregion.label.control.ApplicationScope;
import fr.la27eregion.label.control.ApplicationScopes;
import fr.la27eregion.label.control.ApplicationTransitions;
import fr.la27eregion.label.control.ApplicationWorkflow;
import fr.la27eregion.label.control.Drafts;
import fr.la27eregion.label.control.LabelNotices;
import fr.la27eregion.label.entity.ApplicationAction;
import fr.la27eregion.label.entity.ApplicationAttachment;
import fr.la27eregion.label.entity.ApplicationInputs;
import fr.la27eregion.label.entity.ApplicationMessage;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelRefused;
import fr.la27eregion.label.entity.MessageSide;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.workflow.Moved;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.entity.Project;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Label applications: an organisation's people start a draft for one project of their catalogue and answer each
 * criterion of the campaign's grid; the coordinator submits (while the campaign is open by the server's clock,
 * every criterion answered), resubmits after changes, or withdraws; the secretariat requests changes or declares
 * an application ineligible, with a reason; the secretariat and the applicant write to each other in the
 * application's conversation once changes were requested.
 *
 * <p>Scope is in every query ({@link ApplicationScope}): an organisation reads its own applications, the
 * secretariat and auditors all of them; one out of scope is a 404, as an unknown one. Roles are checked here and
 * by the workflow's table; every change is version-checked (409 when stale) and journaled last in its
 * transaction, with the application as subject: the steps by {@link Transitions}, answers as
 * {@code label-application.answer}, messages as {@code label-application.message}. Notifications and their mails
 * are written in the transaction and leave after commit.
 */
@Stateless
public class LabelApplications {

    public static final String ANSWER = ApplicationTransitions.NAME + ".answer";
    public static final String MESSAGE = LabelNotices.MESSAGE;

    /**
     * The campaign, project and applicant an application is shown and moved with, read in the application's own
     * query rather than one query each (and for a list, one each per row).
     */
    private static final String WITH_PARENTS = " JOIN FETCH a.campaign JOIN FETCH a.project JOIN FETCH a.organisation";

    /** At most this many rows in one page of a list. */
    public static final int MAX_PAGE = 200;

    /** The steps a person takes through {@link #step}: the others are the platform's (review) or the jury's. */
    private static final Set<ApplicationAction> STEPS = Set.of(ApplicationAction.SUBMIT,
            ApplicationAction.REQUEST_CHANGES, ApplicationAction.RESUBMIT, ApplicationAction.DECLARE_INELIGIBLE,
            ApplicationAction.WITHDRAW);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ApplicationScopes scopes;

    @Inject
    private CallerScope callers;

    @Inject
    private Transitions transitions;

    @Inject
    private ApplicationTransitions applications;

    @Inject
    private LabelNotices notices;

    @Inject
    private Drafts drafts;

    @Inject
    private ApplicationFiles files;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /**
     * Starts a draft for a project of the caller's organisation (it leads it) in a campaign not yet closed.
     *
     * @throws RecordNotFound no such campaign, or no such project led by the caller's organisation
     * @throws RuleViolation  the campaign closed, or the project already has a live application in it
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME})
    public LabelApplication create(long campaignId, long projectId) {
        Caller caller = callers.caller();
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null) {
            throw new RecordNotFound("There is no campaign " + campaignId + ".");
        }
        // the scope in the query: a project of another organisation is not read, and answers as an unknown one
        Project project = em.createQuery("SELECT p FROM Project p WHERE p.id = :id AND p.leadOrganisation.id = :own",
                        Project.class).setParameter("id", projectId).setParameter("own", caller.organisation()
                        .orElse(-1L)).getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFound("There is no project " + projectId + " of your organisation."));
        return drafts.start(campaign, project, caller.username(), caller.actors());
    }

    /**
     * Writes answers per criterion id (a blank answer removes one) as the application was seen at
     * {@code versionSeen}; journaled with the criteria whose answer changed, when one did.
     *
     * @throws RecordNotFound no such application in the caller's scope
     * @throws AccessRefused  the caller is not of the applicant organisation
     * @throws StaleRecord    it changed since the caller saw it
     * @throws LabelRefused   not the applicant's to change now, a criterion not of the grid, an answer too long
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME})
    public LabelApplication answer(long id, int versionSeen, Map<Long, String> answers) {
        LabelApplication application = find(id, scopes.current());
        if (!applicant(application)) {
            throw new AccessRefused("Only the applicant organisation's people answer its application.");
        }
        fresh(application, versionSeen);
        List<Long> changed = application.answer(answers == null ? Map.of() : answers, clock.instant());
        if (!changed.isEmpty()) {
            application.touch(clock.instant());
            em.flush();
            Map<String, Object> details = ApplicationTransitions.describe(application);
            details.put("criteria", changed.stream().sorted().toList());
            journal.append(application.subject(), ANSWER, LabelApplication.JOURNAL_TYPE, String.valueOf(id),
                    application.state().name(), application.state().name(), null, details);
        }
        return application;
    }

    /**
     * Takes a step (submit, request changes, resubmit, declare ineligible, withdraw) as seen at
     * {@code versionSeen}.
     *
     * @throws RecordNotFound no such application in the caller's scope
     * @throws AccessRefused  a step the caller's roles do not allow, or not on their organisation's application
     * @throws StaleRecord    it changed since the caller saw it
     * @throws LabelRefused   not from this state, a reason missing, the campaign not open, answers missing
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public Moved<LabelApplication, ApplicationState, ApplicationAction> step(long id, int versionSeen,
                                                                             ApplicationAction action, String reason) {
        if (action == null) {
            throw new RuleViolation("action", "label.field.required", "A step is required.");
        }
        if (!STEPS.contains(action)) {
            throw new AccessRefused("'" + action + "' is not taken here: the review and the jury take it.");
        }
        LabelApplication application = find(id, scopes.current());
        if (!callers.caller().hasRole(Role.NETWORK_ADMIN) && !applicant(application)) {
            throw new AccessRefused("Only the secretariat and the applicant organisation act on this application.");
        }
        return transitions.apply(applications, application, versionSeen, action, callers.caller().actors(),
                ApplicationInputs.of(reason, clock.instant()));
    }

    /**
     * Writes a message in the application's conversation, as the secretariat or as the applicant's people, once
     * changes were requested; the other side is told (after commit).
     *
     * @throws RecordNotFound no such application in the caller's scope
     * @throws AccessRefused  an auditor, or not the applicant's people
     * @throws LabelRefused   the conversation is not open (no change was ever requested)
     * @throws RuleViolation  an empty or too long message
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public ApplicationMessage write(long id, String body) {
        return write(id, body, null, null);
    }

    /**
     * Writes a message with a file (the platform's file rules, {@code label.attachment.<REASON>}), kept with the
     * message and read by the conversation's readers; message and file are one act, one journal entry (the file's
     * name, type, size and SHA-256 in its details). Without a file ({@code fileName} and {@code content} null), as
     * {@link #write(long, String)}.
     *
     * @throws fr.la27eregion.platform.files.AttachmentRefused the file refused (and the message not written)
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME})
    public ApplicationMessage write(long id, String body, String fileName, InputStream content) {
        Caller caller = callers.caller();
        LabelApplication application = find(id, scopes.current());
        MessageSide side;
        if (caller.hasRole(Role.NETWORK_ADMIN)) {
            side = MessageSide.SECRETARIAT;
        } else if (applicant(application)) {
            side = MessageSide.APPLICANT;
        } else {
            throw new AccessRefused("Only the secretariat and the applicant write on this application.");
        }
        if (!conversationOpen(application)) {
            throw new LabelRefused(LabelRefused.Rule.CONVERSATION_CLOSED, "body", "The conversation opens when "
                    + "the secretariat requests changes.");
        }
        ApplicationMessage message = ApplicationMessage.write(application, caller.accountId(), side, body,
                clock.instant());
        em.persist(message);
        em.flush();
        ApplicationAttachment file = content == null ? null
                : files.attach(application, message, fileName, content, caller.username());
        notices.tellOfMessage(message);
        Map<String, Object> details = ApplicationTransitions.describe(application);
        details.put("message", message.id());
        details.put("side", side.name());
        if (file != null) {
            details.put("file", file.describe());
        }
        journal.append(application.subject(), MESSAGE, LabelApplication.JOURNAL_TYPE, String.valueOf(id),
                application.state().name(), application.state().name(), null, details);
        return message;
    }

    /**
     * The conversation of an application, oldest first.
     *
     * @throws RecordNotFound no such application in the caller's scope
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<ApplicationMessage> messages(long id) {
        find(id, scopes.current());
        return em.createNamedQuery(ApplicationMessage.OF_APPLICATION, ApplicationMessage.class)
                .setParameter("application", id).getResultList();
    }

    /** Whether messages may be written: changes are requested, or were once (a message exists). */
    @PermitAll
    public boolean conversationOpen(LabelApplication application) {
        return application.state() == ApplicationState.CHANGES_REQUESTED || !em.createQuery(
                        "SELECT m.id FROM ApplicationMessage m WHERE m.application.id = :application", Long.class)
                .setParameter("application", application.id()).setMaxResults(1).getResultList().isEmpty()
                || !em.createQuery("SELECT e.seq FROM JournalEntry e WHERE e.entityType = :type"
                                + " AND e.entityId = :id AND e.action = :act", Long.class)
                .setParameter("type", LabelApplication.JOURNAL_TYPE).setParameter("id", String.valueOf(application.id()))
                .setParameter("act", ApplicationTransitions.NAME + ".request_changes").setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * An application in the caller's scope.
     *
     * @throws RecordNotFound no such application, or none this caller may read: the same answer
     */
    @PermitAll
    public LabelApplication find(long id) {
        return find(id, scopes.current());
    }

    private LabelApplication find(long id, ApplicationScope scope) {
        // one statement for all that a step, a page or the JSON reads of it: the answers and the applicant's
        // territory joined too, not read one by one afterwards (the grid comes from the shared cache). Fetched by
        // the JPQL itself, not by query hints: a hint makes EclipseLink prepare the query again (its SQL generated
        // anew) at every call, 40 % of this method in a flight recording of ops/bench/label-transitions, where
        // the JPQL alone is prepared once and kept in EclipseLink's cache of parsed queries
        return scope.bind(em.createQuery("SELECT a FROM LabelApplication a" + WITH_PARENTS
                                + " LEFT JOIN FETCH a.organisation.territory LEFT JOIN FETCH a.answers"
                                + " WHERE a.id = :id" + scope.where("a"),
                        LabelApplication.class)).setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFound("There is no label application " + id + "."));
    }

    /**
     * One page of the applications in the caller's scope (their organisation's; all for the secretariat and
     * auditors), optionally of one campaign, the last changed first.
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<LabelApplication> list(Long campaignId, int first, int size) {
        ApplicationScope scope = scopes.current();
        // the campaign's condition only when one is asked for: PostgreSQL cannot type a null parameter
        TypedQuery<LabelApplication> query = scope.bind(em.createQuery("SELECT a FROM LabelApplication a"
                + WITH_PARENTS + " WHERE"
                + (campaignId == null ? " 1 = 1" : " a.campaign.id = :campaign") + scope.where("a")
                + " ORDER BY a.updatedAt DESC, a.id DESC", LabelApplication.class));
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        return query.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, MAX_PAGE)))
                .getResultList();
    }

    /** How many applications {@link #list} pages through (same scope, same campaign condition). */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public long count(Long campaignId) {
        ApplicationScope scope = scopes.current();
        TypedQuery<Long> query = scope.bind(em.createQuery("SELECT COUNT(a) FROM LabelApplication a WHERE"
                + (campaignId == null ? " 1 = 1" : " a.campaign.id = :campaign") + scope.where("a"), Long.class));
        if (campaignId != null) {
            query.setParameter("campaign", campaignId);
        }
        return query.getSingleResult();
    }

    /** The steps the caller may take on the application now, each with what it needs; none on another's. */
    @PermitAll
    public List<PossibleAction<ApplicationState, ApplicationAction>> possible(LabelApplication application) {
        Caller caller = callers.caller();
        if (!caller.hasRole(Role.NETWORK_ADMIN) && !applicant(application)) {
            return List.of();
        }
        return steps(ApplicationWorkflow.TABLE.possible(application.state(), caller.actors()));
    }

    /**
     * Of the actions possible next, the steps taken through {@link #step}: what {@link #possible} answers, for a
     * caller who just took a step (so the secretariat or the applicant), from what the step returned
     * ({@link Moved#next}), without another call of this bean.
     */
    public static List<PossibleAction<ApplicationState, ApplicationAction>> steps(
            List<PossibleAction<ApplicationState, ApplicationAction>> possible) {
        return possible.stream().filter(next -> STEPS.contains(next.action())).toList();
    }

    /** Whether the caller may change the application's answers now. */
    @PermitAll
    public boolean answers(LabelApplication application) {
        Caller caller = callers.caller();
        return application.state().editableByApplicant() && applicant(application)
                && (caller.hasRole(Role.CONTRIBUTOR) || caller.hasRole(Role.MEMBER_COORDINATOR));
    }

    /**
     * The journal entries of an application, oldest first.
     *
     * @throws RecordNotFound no such application in the caller's scope
     */
    @RolesAllowed({Role.CONTRIBUTOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<JournalEntry> history(long id) {
        find(id, scopes.current());
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", LabelApplication.JOURNAL_TYPE).setParameter("entityId", String.valueOf(id))
                .setMaxResults(500).getResultList();
    }

    /**
     * Whether the caller reads the application's conversation ({@link #messages}): the applicant's people, the
     * secretariat and auditors. The campaign's jury chair reads the application, not what was said about it.
     */
    @PermitAll
    public boolean readsConversation(LabelApplication application) {
        Caller caller = callers.caller();
        return caller.hasRole(Role.NETWORK_ADMIN) || caller.hasRole(Role.AUDITOR) || applicant(application);
    }

    /** Whether the caller is of the applicant organisation (a coordinator or a contributor of it). */
    @PermitAll
    public boolean applicant(LabelApplication application) {
        Caller caller = callers.caller();
        return (caller.hasRole(Role.CONTRIBUTOR) || caller.hasRole(Role.MEMBER_COORDINATOR))
                && caller.organisation().map(own -> own.equals(application.organisation().id())).orElse(false);
    }

    private static void fresh(LabelApplication application, int versionSeen) {
        if (application.version() != versionSeen) {
            throw new StaleRecord("This application was changed by someone else (version " + application.version()
                    + ", not " + versionSeen + "): reload it and try again.");
        }
    }
}
