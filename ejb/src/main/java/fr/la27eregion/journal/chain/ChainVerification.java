package fr.la27eregion.journal.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Recomputes the whole chain from entry 1 and names the first entry that breaks it: a number out of sequence
 * (an entry removed), a {@code prev_hash} that is not the previous entry's hash (an entry removed or inserted),
 * a hash that is not the hash of the entry's canonical form (an entry changed), or a head that does not point at
 * the last entry (entries removed at the end, or added around the head).
 *
 * <p>It streams: PostgreSQL sends the rows through a cursor, {@value #FETCH_SIZE} at a time, so memory stays flat
 * at 10 million entries. It reads one consistent snapshot (a read-only, repeatable-read transaction), so appends
 * made while it runs neither disturb it nor wait for it. The connection's settings are restored afterwards.
 */
public final class ChainVerification {

    static final int FETCH_SIZE = 10_000;

    private static final String HEAD = "SELECT seq, hash FROM journal_head";
    private static final String ENTRIES = "SELECT seq, recorded_at, actor, actor_roles, action, entity_type, "
            + "entity_id, state_before, state_after, reason, details, request_id, prev_hash, hash "
            + "FROM journal_entry ORDER BY seq";

    private ChainVerification() {
    }

    /** Told of the verification's progress, every {@value #FETCH_SIZE} entries and at the end. */
    @FunctionalInterface
    public interface Progress {
        /** {@code checked} entries checked so far, of the {@code headSeq} the head numbers. */
        void checked(long checked, long headSeq);
    }

    /** Verifies the journal of the database behind {@code connection}, which must not be in a transaction. */
    public static Verification verify(Connection connection) throws SQLException {
        return verify(connection, (checked, headSeq) -> { });
    }

    /** The same, telling {@code progress} how far it got as it goes (for a page's progress bar). */
    public static Verification verify(Connection connection, Progress progress) throws SQLException {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            return walk(connection, started, progress);
        } finally {
            connection.rollback();
            connection.setReadOnly(readOnly);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Verification walk(Connection connection, long started, Progress progress) throws SQLException {
        long headSeq;
        String headHash;
        try (PreparedStatement query = connection.prepareStatement(HEAD); ResultSet head = query.executeQuery()) {
            if (!head.next()) {
                return new Verification(0, since(started), 1L, ChainProblem.Kind.HEAD_MISSING.of());
            }
            headSeq = head.getLong(1);
            headHash = head.getString(2);
        }
        progress.checked(0, headSeq);
        long expected = 1;
        String prevHash = CanonicalEntry.GENESIS;
        try (PreparedStatement query = connection.prepareStatement(ENTRIES)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    ChainProblem problem = check(rows, seq, expected, prevHash, headSeq);
                    if (problem != null) {
                        return new Verification(expected - 1, since(started), Math.min(seq, expected), problem);
                    }
                    prevHash = rows.getString(14);
                    if (expected % FETCH_SIZE == 0) {
                        progress.checked(expected, headSeq);
                    }
                    expected++;
                }
            }
        }
        long checked = expected - 1;
        progress.checked(checked, headSeq);
        if (checked < headSeq) {
            return new Verification(checked, since(started), expected,
                    ChainProblem.Kind.TAIL_MISSING.of(headSeq, expected));
        }
        if (!prevHash.equals(headHash)) {
            return new Verification(checked, since(started), checked, ChainProblem.Kind.HEAD_HASH.of());
        }
        return new Verification(checked, since(started), null, (ChainProblem) null);
    }

    /** Why the entry at the cursor breaks the chain, or null when it is in order. */
    private static ChainProblem check(ResultSet rows, long seq, long expected, String prevHash, long headSeq)
            throws SQLException {
        if (seq != expected) {
            return ChainProblem.Kind.ENTRY_MISSING.of(expected, seq);
        }
        if (seq > headSeq) {
            return ChainProblem.Kind.BEYOND_HEAD.of(seq, headSeq);
        }
        if (!prevHash.equals(rows.getString(13))) {
            return ChainProblem.Kind.PREVIOUS_HASH.of(seq - 1);
        }
        CanonicalEntry content = new CanonicalEntry(seq, rows.getObject(2, OffsetDateTime.class).toInstant(),
                rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12));
        if (!content.hash(prevHash).equals(rows.getString(14))) {
            return ChainProblem.Kind.CONTENT_CHANGED.of();
        }
        return null;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
