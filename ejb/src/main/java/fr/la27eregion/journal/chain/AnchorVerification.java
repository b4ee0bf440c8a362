package fr.la27eregion.journal.chain;

import java.io.Serializable;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every anchor against the chain: the journal's entry at the anchor's number has the anchor's hash (the
 * journal up to it was not rewritten since), and the anchor's time-stamp token, if any, proves that hash
 * ({@link TimeStamps#check}). Reads the anchors with their entries in one statement, through the entries' primary
 * key. Run with {@link ChainVerification} (which proves the chain itself), in the platform and offline.
 */
public final class AnchorVerification {

    private static final String ANCHORS = "SELECT a.id, a.anchored_at, a.head_seq, a.head_hash, a.tsa_token,"
            + " e.hash FROM journal_anchor a LEFT JOIN journal_entry e ON e.seq = a.head_seq ORDER BY a.id";

    private AnchorVerification() {
    }

    /** One anchor's check: no reason when the chain still has its hash and its token, if any, proves it. */
    public record Check(long anchorId, Instant anchoredAt, long seq, boolean timestamped, ChainProblem reason)
            implements Serializable {

        public boolean holds() {
            return reason == null;
        }

        /** Why the anchor does not hold, in English (null when it holds). */
        public String problem() {
            return reason == null ? null : reason.english();
        }
    }

    /** The anchors' checks, oldest first. {@code trusted}: the authority's certificate, or null. */
    public static List<Check> verify(Connection connection, X509Certificate trusted) throws SQLException {
        List<Check> checks = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(ANCHORS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long seq = rows.getLong(3);
                String hash = rows.getString(4);
                byte[] token = rows.getBytes(5);
                String entryHash = seq == 0 ? CanonicalEntry.GENESIS : rows.getString(6);
                ChainProblem problem;
                if (entryHash == null) {
                    problem = ChainProblem.Kind.ANCHORED_ENTRY_GONE.of(seq);
                } else if (!entryHash.equals(hash)) {
                    problem = ChainProblem.Kind.ANCHORED_HASH_CHANGED.of(seq);
                } else {
                    problem = token == null ? null : TimeStamps.check(token, hash, trusted);
                }
                checks.add(new Check(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(), seq,
                        token != null, problem));
            }
        }
        return checks;
    }
}
