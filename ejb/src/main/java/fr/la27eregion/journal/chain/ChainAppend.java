package fr.la27eregion.journal.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Appends one entry to the journal on a connection whose transaction the caller owns, in two statements:
 * <ol>
 *   <li>lock the chain head ({@value #LOCK_HEAD}): every other appender now waits, which is what makes the
 *       numbering gapless and the chain linear;</li>
 *   <li>take the time (after the lock, so times never go back along the chain), number the entry head + 1, hash
 *       it after the head's hash, then insert it and move the head in one statement ({@value #INSERT_AND_MOVE_HEAD}).</li>
 * </ol>
 * The lock is held until the caller's transaction ends: commit publishes the entry and the new head together;
 * rollback releases the head unchanged, so the next appender takes the same number and no hole is left. Call it
 * last in a use case, just before commit, to hold the head as briefly as possible (DESIGN §3).
 *
 * <p>The statements are public so that the benchmark's baseline measures exactly the same SQL without the Java
 * work (canonical form and SHA-256).
 */
public final class ChainAppend {

    public static final String LOCK_HEAD = "SELECT seq, hash FROM journal_head FOR UPDATE";

    public static final String INSERT_AND_MOVE_HEAD = "WITH entry AS ("
            + "INSERT INTO journal_entry (seq, recorded_at, actor, actor_roles, action, entity_type, entity_id, "
            + "state_before, state_after, reason, details, request_id, prev_hash, hash, subject_type, subject_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq, hash) "
            + "UPDATE journal_head SET seq = entry.seq, hash = entry.hash FROM entry";

    private ChainAppend() {
    }

    /**
     * Appends {@code draft} in the connection's current transaction (auto-commit must be off: the head lock
     * would otherwise be released before the entry is written).
     */
    public static ChainedEntry append(Connection connection, Clock clock, EntryDraft draft) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("The journal appends inside the caller's transaction; "
                    + "this connection is in auto-commit mode");
        }
        long headSeq;
        String headHash;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD); ResultSet head = lock.executeQuery()) {
            if (!head.next()) {
                throw new IllegalStateException("The journal head is missing: the schema is not migrated");
            }
            headSeq = head.getLong(1);
            headHash = head.getString(2);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CanonicalEntry content = draft.numbered(headSeq + 1, now);
        ChainedEntry entry = new ChainedEntry(content, headHash, content.hash(headHash), draft.subject());
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AND_MOVE_HEAD)) {
            bind(insert, entry);
            insert.executeUpdate();
        }
        return entry;
    }

    /**
     * Binds the sixteen columns of {@link #INSERT_AND_MOVE_HEAD}, in its order: the twelve of the canonical form,
     * the two hashes, then the subject (not hashed; NULL for none).
     */
    public static void bind(PreparedStatement insert, ChainedEntry entry) throws SQLException {
        CanonicalEntry content = entry.content();
        insert.setLong(1, content.seq());
        insert.setObject(2, OffsetDateTime.ofInstant(content.recordedAt(), ZoneOffset.UTC));
        insert.setString(3, content.actor());
        insert.setString(4, content.actorRoles());
        insert.setString(5, content.action());
        text(insert, 6, content.entityType());
        text(insert, 7, content.entityId());
        text(insert, 8, content.stateBefore());
        text(insert, 9, content.stateAfter());
        text(insert, 10, content.reason());
        text(insert, 11, content.details());
        text(insert, 12, content.requestId());
        insert.setString(13, entry.prevHash());
        insert.setString(14, entry.hash());
        text(insert, 15, Subject.typeOf(entry.subject()));
        text(insert, 16, Subject.idOf(entry.subject()));
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }
}
