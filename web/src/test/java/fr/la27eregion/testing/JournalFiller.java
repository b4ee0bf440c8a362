package fr.la27eregion.testing;

import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.ops.JournalBenchmark;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends many entries to the test server's journal at once, chained like the platform chains them (the canonical
 * form and hash of {@link CanonicalEntry}, from the current head), so that every verification still passes: the head
 * is locked as the platform locks it, the entries are loaded with COPY, and the head moved to the last one (as the
 * superuser, with the head's one-step trigger off for this transaction only).
 */
public final class JournalFiller {

    private static final int BATCH = 10_000;

    private JournalFiller() {
    }

    /** The numbers of the entries appended, first and last. */
    public record Appended(long first, long last) {
    }

    /**
     * Appends {@code count} entries by {@code actor}, action {@code test.filler}, entity {@code Filler} with ids
     * {@code 0 .. modulo-1} in turn.
     */
    public static Appended append(String actor, int count, int modulo) {
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            long seq;
            String prev;
            try (Statement sql = db.createStatement();
                 ResultSet head = sql.executeQuery("SELECT seq, hash FROM journal_head FOR UPDATE")) {
                head.next();
                seq = head.getLong(1);
                prev = head.getString(2);
            }
            long first = seq + 1;
            Instant time = Instant.now().truncatedTo(ChronoUnit.MICROS);
            PGConnection copy = db.unwrap(PGConnection.class);
            for (int done = 0; done < count; ) {
                StringBuilder rows = new StringBuilder(BATCH * 400);
                for (int n = 0; n < BATCH && done < count; n++, done++) {
                    seq++;
                    CanonicalEntry entry = new EntryDraft(actor, "AUDITOR", "test.filler", "Filler",
                            Integer.toString(done % modulo), null, null, "rempli pour l'essai n° " + done,
                            "{\"n\":" + done + ",\"note\":\"une entrée parmi beaucoup\"}", null)
                            .numbered(seq, time.plus(done, ChronoUnit.MICROS));
                    String hash = entry.hash(prev);
                    JournalBenchmark.row(rows, entry, prev, hash);
                    prev = hash;
                }
                copy.getCopyAPI().copyIn("COPY journal_entry (seq, recorded_at, actor, actor_roles, action, "
                        + "entity_type, entity_id, state_before, state_after, reason, details, request_id, prev_hash, "
                        + "hash) FROM STDIN", new StringReader(rows.toString()));
            }
            try (Statement sql = db.createStatement()) {
                sql.execute("SET LOCAL session_replication_role = replica");
            }
            try (PreparedStatement move = db.prepareStatement("UPDATE journal_head SET seq = ?, hash = ?")) {
                move.setLong(1, seq);
                move.setString(2, prev);
                move.executeUpdate();
            }
            db.commit();
            return new Appended(first, seq);
        } catch (SQLException | java.io.IOException failed) {
            throw new IllegalStateException("The journal could not be filled", failed);
        }
    }
}
