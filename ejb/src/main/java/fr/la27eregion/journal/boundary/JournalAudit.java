package fr.la27eregion.journal.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.Verification;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The journal for auditors and the secretariat: verify the chain, read one record's history. */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class JournalAudit {

    private static final Logger LOG = Logger.getLogger(JournalAudit.class.getName());

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @PersistenceContext
    private EntityManager em;

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

    /** Every entry about one record, oldest first. */
    public List<JournalEntry> history(String entityType, String entityId) {
        return em.createNamedQuery(JournalEntry.HISTORY, JournalEntry.class)
                .setParameter("entityType", entityType)
                .setParameter("entityId", entityId)
                .getResultList();
    }
}
