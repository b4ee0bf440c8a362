package fr.la27eregion.journal.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.journal.control.JournalQuery;
import fr.la27eregion.journal.control.Anchoring;
import fr.la27eregion.journal.control.VerificationRuns;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.database.SqlValues;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The journal for auditors and the secretariat: verify the chain, read one record's history, browse the journal
 * through a filter (newest first, a page at a time by key) with the choices its filters offer.
 */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class JournalAudit {

    private static final Logger LOG = Logger.getLogger(JournalAudit.class.getName());

    @Inject
    private MetricRegistry metrics;

    /**
     * A distinct value of an indexed column, the next after the last (a loose index scan: one index probe per
     * value, so listing the thirty actions of ten million entries costs thirty probes, not a scan). {@code %s} is
     * the column, which has a {@code (column, seq)} index (V28).
     */
    private static final String DISTINCT = "WITH RECURSIVE v(value) AS ("
            + "(SELECT %1$s FROM journal_entry WHERE %1$s IS NOT NULL ORDER BY %1$s LIMIT 1) UNION ALL "
            + "SELECT (SELECT e.%1$s FROM journal_entry e WHERE e.%1$s > v.value ORDER BY e.%1$s LIMIT 1) "
            + "FROM v WHERE v.value IS NOT NULL) SELECT value FROM v WHERE value IS NOT NULL";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private JournalQuery query;

    @Inject
    private VerificationRuns runs;

    @Inject
    private Anchoring anchoring;

    @Resource
    private ManagedExecutorService executor;

    /**
     * Recomputes every hash and link from entry 1 and names the first broken entry. Streams the journal (10
     * million entries take about a minute and little memory) in a read-only snapshot of its own, outside any
     * container transaction, so no transaction timeout cuts a long verification short.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        try (Connection connection = dataSource.getConnection()) {
            Verification verification = ChainVerification.verify(connection);
            LOG.info(() -> "Journal verification: " + verification.summary());
            record(verification, callerName());
            return verification;
        } catch (SQLException failed) {
            throw new IllegalStateException("The journal could not be read for verification", failed);
        }
    }

    /**
     * Starts verifying the chain and the anchors in the background (the container's managed executor) and returns
     * the run's id, whose {@link #progress} the integrity page polls: millions of entries take seconds, which no
     * request should wait for. While a verification runs, asking again joins it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String startVerification() {
        VerificationRuns.Start start = runs.start();
        if (start.fresh()) {
            String caller = callerName();
            VerificationRuns.Run run = start.run();
            executor.execute(() -> verifyInBackground(run, caller));
        }
        return start.run().id();
    }

    private void verifyInBackground(VerificationRuns.Run run, String caller) {
        try (Connection connection = dataSource.getConnection()) {
            Verification verification = ChainVerification.verify(connection, run::checked);
            List<AnchorVerification.Check> anchors;
            connection.setAutoCommit(true);
            anchors = AnchorVerification.verify(connection, anchoring.trusted());
            LOG.info(() -> "Journal verification: " + verification.summary() + " Anchors checked: " + anchors.size()
                    + ", not holding: " + anchors.stream().filter(check -> !check.holds()).count() + ".");
            record(verification, caller);
            run.finish(verification, anchors);
        } catch (SQLException | java.io.IOException | RuntimeException failed) {
            LOG.log(java.util.logging.Level.WARNING, "The journal verification failed", failed);
            run.fail(String.valueOf(failed.getMessage()));
        }
    }

    /** Where the background verification {@code id} is; empty when it is unknown on this instance. */
    public Optional<VerificationRuns.Progress> progress(String id) {
        return runs.progress(id);
    }

    /** The verifications kept, newest first, at most {@code limit}. */
    public List<VerificationRecord> verifications(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT verified_at, verified_by, entries_checked, duration_ms,"
                + " first_broken_seq, problem FROM journal_verification ORDER BY verified_at DESC, id DESC LIMIT ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> new VerificationRecord(SqlValues.instant(row[0]), (String) row[1],
                new Verification(((Number) row[2]).longValue(), Duration.ofMillis(((Number) row[3]).longValue()),
                        row[4] == null ? null : ((Number) row[4]).longValue(), (String) row[5]))).toList();
    }

    private String callerName() {
        return session.getCallerPrincipal() == null ? null : session.getCallerPrincipal().getName();
    }

    /**
     * Keeps the result for the auditors' home (in a connection of its own, committed at once: the verification
     * read the journal in a read-only snapshot). A failure to keep it is logged, never hides the result.
     */
    private void record(Verification verification, String caller) {
        // journal_verifications_total{result="broken"} on /metrics: what ops/monitoring/rules.yml alerts on
        metrics.counter("journal.verifications", new Tag("result", verification.intact() ? "intact" : "broken")).inc();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO journal_verification (verified_at,"
                     + " verified_by, entries_checked, duration_ms, first_broken_seq, problem)"
                     + " VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, caller);
            insert.setLong(3, verification.entriesChecked());
            insert.setLong(4, verification.duration().toMillis());
            insert.setObject(5, verification.firstBrokenSeq());
            insert.setString(6, verification.problem() == null ? null
                    : verification.problem().substring(0, Math.min(2000, verification.problem().length())));
            insert.executeUpdate();
        } catch (SQLException failed) {
            LOG.warning(() -> "The journal verification's result could not be kept: " + failed);
        }
    }

    /** The last verification kept (when, by whom, its result), if the journal was ever verified. */
    public Optional<VerificationRecord> lastVerification() {
        return verifications(1).stream().findFirst();
    }

    /** A verification kept: when, by whom, what it found. */
    public record VerificationRecord(Instant verifiedAt, String verifiedBy, Verification result)
            implements java.io.Serializable {

        public Instant getVerifiedAt() {
            return verifiedAt;
        }

        public String getVerifiedBy() {
            return verifiedBy;
        }

        public Verification getResult() {
            return result;
        }
    }

    /**
     * The entries the filter names numbered below {@code before} (all when null), newest first, at most
     * {@code size} (1 to {@value JournalQuery#MAX_PAGE}): one indexed query (JournalQuery).
     */
    public JournalQuery.Page browse(JournalFilter filter, Long before, int size) {
        try (Connection connection = dataSource.getConnection()) {
            return query.page(connection, filter == null ? JournalFilter.NONE : filter, before, size);
        } catch (SQLException failed) {
            throw new IllegalStateException("The journal could not be read", failed);
        }
    }

    /** The actions the journal holds, in alphabetical order (for the browser's choice of action). */
    public List<String> actions() {
        return distinct("action");
    }

    /** The entity types the journal holds, in alphabetical order (for the browser's choice of type). */
    public List<String> entityTypes() {
        return distinct("entity_type");
    }

    /** The organisations, by name, to filter by. */
    public List<Choice> organisations() {
        return choices("SELECT id, name, name FROM organisation ORDER BY lower(name), id");
    }

    /** The label programmes, by French name, to filter by. */
    public List<Choice> programmes() {
        return choices("SELECT id, name_fr, name_en FROM label_programme ORDER BY lower(name_fr), id");
    }

    /** A record to filter by: its id, its name in French and in English (the same for an organisation). */
    public record Choice(long id, String nameFr, String nameEn) {

        /** Its name in {@code language} ({@code en} or else French). */
        public String name(String language) {
            return "en".equals(language) ? nameEn : nameFr;
        }
    }

    private List<String> distinct(String column) {
        @SuppressWarnings("unchecked")
        List<String> values = em.createNativeQuery(String.format(DISTINCT, column)).getResultList();
        return values;
    }

    private List<Choice> choices(String sql) {
        List<Choice> choices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                choices.add(new Choice(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("The journal's filter choices could not be read", failed);
        }
        return choices;
    }

    /** Every entry about one record, oldest first. */
    public List<JournalEntry> history(String entityType, String entityId) {
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", entityType)
                .setParameter("entityId", entityId)
                .getResultList();
    }
}
