package fr.la27eregion.journal.control;

import java.io.Serializable;
import java.time.Instant;

/**
 * An anchor of the journal: the chain head as it was at a time (number and hash), with what the time-stamping
 * authority did with it ({@link Status}). The token itself stays in the database (table {@code journal_anchor}).
 *
 * @param tsaProblem why there is no token, or why the token does not prove the head; null when all went well
 */
public record JournalAnchor(long id, Instant anchoredAt, String anchoredBy, long seq, String hash, Status status,
                            String tsaUrl, Instant tsaTime, String tsaProblem) implements Serializable {

    /** What became of the time stamp. */
    public enum Status {
        /** No authority configured: the head was recorded only. */
        NONE,
        /** The authority's token was received, and it proves the head hash. */
        VERIFIED,
        /** A token was received but does not prove the head hash (see the problem). */
        INVALID,
        /** No token: the authority could not be reached or refused (see the problem). */
        FAILED
    }

    /** The getters Facelets reads. */
    public long getId() {
        return id;
    }

    public Instant getAnchoredAt() {
        return anchoredAt;
    }

    public String getAnchoredBy() {
        return anchoredBy;
    }

    public long getSeq() {
        return seq;
    }

    public String getHash() {
        return hash;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getTsaTime() {
        return tsaTime;
    }

    public String getTsaProblem() {
        return tsaProblem;
    }
}
