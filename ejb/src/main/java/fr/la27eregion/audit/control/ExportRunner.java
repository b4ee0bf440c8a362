package fr.la27eregion.audit.control;

import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.export.ExportFormat;
import fr.la27eregion.platform.export.TableWriter;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import fr.la27eregion.identity.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import javax.sql.DataSource;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes an export in the background, outside any container transaction (an export of millions of rows takes
 * longer than a transaction may): in one connection of its own, in a REPEATABLE READ snapshot, it reads the
 * journal's head, counts the rows, streams them through the format's writer into a new large object while
 * computing the file's SHA-256, and commits; the head, the count and the rows are those of the same instant. The
 * progress goes to the export's row every {@value #PROGRESS_EVERY} rows from a second connection (committed at once,
 * so the page sees it). If anything fails the snapshot's transaction rolls back, the large object with it.
 */
@Stateless
// called as the auditor who asked (the caller propagates to the asynchronous call): nobody else starts an export
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class ExportRunner {

    private static final Logger LOG = Logger.getLogger(ExportRunner.class.getName());
    static final int PROGRESS_EVERY = 5_000;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private ExportSources sources;

    @EJB
    private ExportCompletion completion;

    /**
     * Writes the export {@code id}, then marks it done (or failed) and tells its requester. Called in the background
     * ({@link ExportStart}), as the auditor who asked.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long id) {
        try (Connection progress = dataSource.getConnection()) {
            progress.setAutoCommit(true);
            ExportJob.Kind kind;
            String parameters;
            ExportFormat format;
            try (PreparedStatement read = progress.prepareStatement("UPDATE export_job SET state = 'RUNNING',"
                    + " progress_at = ? WHERE id = ? AND state = 'QUEUED' RETURNING kind, parameters, format")) {
                read.setTimestamp(1, Timestamp.from(clock.instant()));
                read.setLong(2, id);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        LOG.warning(() -> "Export " + id + " is not waiting to be written: left as it is");
                        return;
                    }
                    kind = ExportJob.Kind.valueOf(row.getString(1));
                    parameters = row.getString(2);
                    format = ExportFormat.valueOf(row.getString(3));
                }
            }
            ExportSource source = sources.of(kind, parameters);
            Written written = write(source, format, id, progress);
            completion.done(id, written);
            LOG.info(() -> "Export " + id + " written: " + written.rows() + " rows, " + written.bytes() + " bytes");
        } catch (Exception failed) {
            LOG.log(Level.WARNING, "Export " + id + " failed", failed);
            completion.failed(id, failed);
        }
    }

    /** What was written: the file and the proof of it. */
    public record Written(long oid, long bytes, String sha256, long rows, long headSeq, String headHash) {
    }

    private Written write(ExportSource source, ExportFormat format, long id, Connection progress)
            throws SQLException, IOException {
        try (Connection snapshot = dataSource.getConnection()) {
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Written written = write(snapshot, source, format, id, progress);
                snapshot.commit();
                return written;
            } catch (SQLException | IOException | RuntimeException failed) {
                snapshot.rollback();
                throw failed;
            } finally {
                snapshot.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                snapshot.setAutoCommit(true);
            }
        }
    }

    private Written write(Connection snapshot, ExportSource source, ExportFormat format, long id, Connection progress)
            throws SQLException, IOException {
        long headSeq;
        String headHash;
        try (PreparedStatement head = snapshot.prepareStatement("SELECT seq, hash FROM journal_head");
             ResultSet row = head.executeQuery()) {
            row.next();
            headSeq = row.getLong(1);
            headHash = row.getString(2);
        }
        long expected = source.count(snapshot);
        progress(progress, id, expected, 0);
        LargeObjectManager objects = snapshot.unwrap(PGConnection.class).getLargeObjectAPI();
        long oid = objects.createLO(LargeObjectManager.READWRITE);
        MessageDigest sha256 = sha256();
        long[] rows = {0};
        Counting counted;
        LargeObject file = objects.open(oid, LargeObjectManager.WRITE);
        try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(
                counted = new Counting(file.getOutputStream()), sha256), 64 * 1024)) {
            try (TableWriter writer = format.open(out, source.title(), source.columns())) {
                source.rows(snapshot, row -> {
                    writer.row(row);
                    if (++rows[0] % PROGRESS_EVERY == 0) {
                        progress(progress, id, expected, rows[0]);
                    }
                });
            }
        }
        progress(progress, id, expected, rows[0]);
        return new Written(oid, counted.count, HexFormat.of().formatHex(sha256.digest()), rows[0], headSeq, headHash);
    }

    private void progress(Connection progress, long id, long expected, long written) throws IOException {
        try (PreparedStatement update = progress.prepareStatement("UPDATE export_job SET rows_expected = ?,"
                + " rows_written = ?, progress_at = ? WHERE id = ?")) {
            update.setLong(1, expected);
            update.setLong(2, written);
            update.setTimestamp(3, Timestamp.from(clock.instant()));
            update.setLong(4, id);
            update.executeUpdate();
        } catch (SQLException failed) {
            throw new IOException("The export's progress could not be written", failed);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }

    /** Counts the bytes that go through (the file's size, known without asking the database). */
    private static final class Counting extends FilterOutputStream {
        private long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
