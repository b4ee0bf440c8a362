package fr.la27eregion.journal.control;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.request.CurrentRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import org.eclipse.microprofile.metrics.annotation.Timed;

import javax.sql.DataSource;
import java.security.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one service that writes the journal. Workflows call {@link #append} from the place that applies a
 * transition, last, just before their transaction commits: the entry is written in the caller's transaction
 * (a rolled-back use case leaves no entry, a committed one always has its entry) and the chain head stays locked
 * from the append to the commit, so the shorter that is, the more transitions per second the platform runs.
 *
 * <p>A call without a transaction is a defect of the caller, refused by the container
 * ({@code TransactionAttribute MANDATORY}): an entry committed on its own could outlive the change it records.
 *
 * <p>Who acted is taken from the container, not from the caller: the caller principal's name and those of the
 * platform's roles it holds. A caller that is not logged in is {@value #ANONYMOUS}, except outside any HTTP
 * request (a timer, a background job), where it is {@value #SYSTEM}. The request id comes from
 * {@link CurrentRequest}, set by the web module for each request; there is none outside a request.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
@DeclareRoles({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.REVIEWER_NAME,
        Role.JURY_NAME, Role.AUDITOR_NAME})
public class Journal {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    /**
     * The JSON-P provider, found once: {@code Json.create*} looks it up through the {@code ServiceLoader} on every
     * call (a scan of the application's jars and an exception each time, on every append).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** The platform's clock ({@code platform.time.Clocks}), so the tests that move time see entries of that time. */
    @Inject
    private Clock clock;

    @Inject
    private SecurityContext security;

    @Inject
    private CallerScope scope;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentRequest request;

    @Inject
    private JournalCommits commits;

    /**
     * Records one act in the caller's transaction and returns the entry, numbered and chained.
     *
     * @param action      what happened, as a verb of the domain: {@code membership.suspend}, {@code login.failed}
     * @param entityType  the kind of record changed ({@code Membership}), null for an act on no record
     * @param entityId    its id, null likewise
     * @param stateBefore its state before, null when it had none (creation) or has no states
     * @param stateAfter  its state after, null likewise
     * @param reason      the motivation given by the actor, null when none is required
     * @param details     anything else worth keeping, written as a JSON object with its keys sorted; null or
     *                    empty for none. Values: text, numbers, booleans, null, lists and maps of those.
     */
    @Timed(name = "journal.append", absolute = true,
            description = "Journal appends: how many, and how long each held the caller (the chain head included)")
    public JournalEntry append(String action, String entityType, String entityId, String stateBefore,
                               String stateAfter, String reason, Map<String, ?> details) {
        return append(null, action, entityType, entityId, stateBefore, stateAfter, reason, details);
    }

    /**
     * The same, for an act that belongs to a record's timeline: the entry is stored with its {@code subject} (the
     * organisation, and later the application or label), which timelines read by index. The subject is not hashed.
     *
     * @param subject the record the act belongs to, or null for none (security events, accounts)
     */
    @Timed(name = "journal.append", absolute = true,
            description = "Journal appends: how many, and how long each held the caller (the chain head included)")
    public JournalEntry append(Subject subject, String action, String entityType, String entityId,
                               String stateBefore, String stateAfter, String reason, Map<String, ?> details) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("A journal entry needs an action");
        }
        // the use case's own pending writes go first, so the head is locked only for the append and the commit
        em.flush();
        Optional<String> requestId = CurrentRequest.of(request);
        EntryDraft draft = new EntryDraft(actor(requestId.isPresent()), roles(), action, entityType, entityId,
                stateBefore, stateAfter, reason, json(details), requestId.orElse(null), subject);
        commits.appending();
        try (Connection connection = dataSource.getConnection()) {
            return new JournalEntry(ChainAppend.append(connection, clock, draft));
        } catch (SQLException failed) {
            throw new IllegalStateException("The journal entry '" + action + "' could not be appended", failed);
        }
    }

    /**
     * Jakarta Security's caller principal, because it is null for a caller who is not logged in, where the EJB
     * session context returns a server-made placeholder whose name differs between servers (and could be an
     * account's name).
     */
    private String actor(boolean inRequest) {
        Principal caller = security.getCallerPrincipal();
        if (caller == null) {
            return inRequest ? ANONYMOUS : SYSTEM;
        }
        return caller.getName();
    }

    /**
     * The platform's roles the caller holds, sorted by name and comma-separated: those of the caller resolved once
     * for the request ({@link CallerScope}), rather than six role checks on every append.
     */
    private String roles() {
        return scope.caller().roleNames();
    }

    private static String json(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        return JSON.createObjectBuilder(new TreeMap<String, Object>(details)).build().toString();
    }
}
