package fr.la27eregion.journal.control;

import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.request.CurrentRequest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
@DeclareRoles({"NETWORK_ADMIN", "MEMBER_COORDINATOR", "CONTRIBUTOR", "REVIEWER", "JURY", "AUDITOR"})
public class Journal {

    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    /** The roles of DESIGN §2, sorted: an actor's roles are recorded in this order. */
    private static final List<String> ROLES = List.of("AUDITOR", "CONTRIBUTOR", "JURY", "MEMBER_COORDINATOR",
            "NETWORK_ADMIN", "REVIEWER");

    /**
     * The JSON-P provider, found once: {@code Json.create*} looks it up through the {@code ServiceLoader} on every
     * call (a scan of the application's jars and an exception each time, on every append).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private final Clock clock = Clock.systemUTC();

    @Resource
    private SessionContext session;

    @Inject
    private SecurityContext security;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentRequest request;

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
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("A journal entry needs an action");
        }
        // the use case's own pending writes go first, so the head is locked only for the append and the commit
        em.flush();
        Optional<String> requestId = CurrentRequest.of(request);
        EntryDraft draft = new EntryDraft(actor(requestId.isPresent()), roles(), action, entityType, entityId,
                stateBefore, stateAfter, reason, json(details), requestId.orElse(null));
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

    private String roles() {
        return ROLES.stream().filter(session::isCallerInRole).collect(Collectors.joining(","));
    }

    private static String json(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        return JSON.createObjectBuilder(new TreeMap<String, Object>(details)).build().toString();
    }
}
