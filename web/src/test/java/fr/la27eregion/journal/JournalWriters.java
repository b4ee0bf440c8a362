package fr.la27eregion.journal;

import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.control.SubjectTimeline;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Test-only use cases around the journal, each its own transaction as a real use case is: append one entry,
 * append then fail, try what the database must refuse, read the head. It verifies the chain and reads a history
 * with the code the {@code JournalAudit} boundary runs, without its roles: a test cannot log in as an auditor
 * until the identity work maps roles. Deployed with {@link JournalIT} only.
 */
@Stateless
@PermitAll
public class JournalWriters {

    public static final String ACTION = "test.append";
    /** Not ASCII, and on two lines: what the canonical form must survive. */
    public static final String REASON = "un test : « réécrit »\nsur deux lignes";

    @Inject
    private Journal journal;

    @Inject
    private SubjectTimeline timelines;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private SessionContext session;

    @PersistenceContext
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public JournalEntry append(String entityId) {
        return journal.append(ACTION, "TestRecord", entityId, "DRAFT", "SUBMITTED", REASON,
                Map.of("writer", entityId, "attempt", 1));
    }

    /** Appends one entry about {@code entityId} that belongs to {@code subject}'s timeline. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public JournalEntry appendAbout(Subject subject, String entityId) {
        return journal.append(subject, ACTION, "TestRecord", entityId, null, null, null, null);
    }

    /** A page of a subject's entries, newest first, as timelines read them. */
    public SubjectTimeline.Page page(Subject subject, Long before, int size) {
        return timelines.page(subject, before, size);
    }

    /**
     * A use case that works through JPA first, then appends: returns whether JPA's connection sees the entry
     * before commit, which it can only if the journal wrote it in the same database transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean appendSeenByJpaBeforeCommit(String entityId) {
        em.createNativeQuery("SELECT txid_current()").getSingleResult();
        long seq = journal.append(ACTION, "TestRecord", entityId, null, "CREATED", null, null).seq();
        Number seen = (Number) em.createNativeQuery("SELECT count(*) FROM journal_entry WHERE seq = ?")
                .setParameter(1, seq).getSingleResult();
        return seen.longValue() == 1;
    }

    /** Appends, then the use case fails after the append: the whole transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void appendThenFail(String entityId) {
        journal.append(ACTION, "TestRecord", entityId, "DRAFT", "SUBMITTED", null, null);
        throw new IllegalStateException("the use case failed after its journal entry");
    }

    /**
     * Runs {@code sql} on the application's own connection; returns the database's refusal as
     * "SQLSTATE message", or null if done.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String refusal(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException refused) {
            return refused.getSQLState() + " " + refused.getMessage();
        } finally {
            session.setRollbackOnly();
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        try (Connection connection = dataSource.getConnection()) {
            return ChainVerification.verify(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<JournalEntry> history(String entityId) {
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", "TestRecord")
                .setParameter("entityId", entityId)
                .getResultList();
    }

    /**
     * On the application's connection: the role it connects as, the owner of {@code table}, and its privileges
     * on it, as "role owner SELECT,INSERT,...".
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String rights(String table) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT current_user, pg_get_userbyid(c.relowner), "
                             + "(SELECT string_agg(p, ',' ORDER BY p) FROM unnest(ARRAY['SELECT', 'INSERT', "
                             + "'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p "
                             + "WHERE has_table_privilege(c.oid, p)) "
                             + "FROM pg_class c WHERE c.oid = to_regclass(?)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long head() {
        return single("SELECT seq FROM journal_head");
    }

    /** How many entries are numbered from {@code first} to {@code last}, and their smallest and largest number. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long[] numbered(long first, long last) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*), min(seq), max(seq), count(DISTINCT seq) FROM journal_entry "
                             + "WHERE seq BETWEEN ? AND ?")) {
            query.setLong(1, first);
            query.setLong(2, last);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new long[]{rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long entriesAbout(String entityId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM journal_entry WHERE entity_type = 'TestRecord' AND entity_id = ?")) {
            query.setString(1, entityId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long single(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
