package fr.la27eregion.journal.chain;

import java.io.Serializable;
import java.time.Duration;

/**
 * The outcome of verifying the journal: how many entries were checked, in how long, and the first entry that
 * breaks the chain, if any, with the reason.
 *
 * @param firstBrokenSeq the sequence number of the first entry found wrong (or missing), null when intact
 * @param problem        why it is wrong, in English; null when intact
 * @param reason         why it is wrong, for a page to say in its reader's language; null when intact or unknown
 *                       (a verification read back from its record)
 */
public record Verification(long entriesChecked, Duration duration, Long firstBrokenSeq, String problem,
                           ChainProblem reason) implements Serializable {

    /** A verification just run: its problem in English is its reason's. */
    public Verification(long entriesChecked, Duration duration, Long firstBrokenSeq, ChainProblem reason) {
        this(entriesChecked, duration, firstBrokenSeq, reason == null ? null : reason.english(), reason);
    }

    /** A verification read back from its record, which keeps the problem in English only (no reason). */
    public Verification(long entriesChecked, Duration duration, Long firstBrokenSeq, String problem) {
        this(entriesChecked, duration, firstBrokenSeq, problem, null);
    }

    public boolean intact() {
        return firstBrokenSeq == null;
    }

    public long entriesPerSecond() {
        long micros = Math.max(1, duration.toNanos() / 1_000);
        return entriesChecked * 1_000_000 / micros;
    }

    /** One line for a log or a terminal. */
    public String summary() {
        String speed = entriesChecked + " entries checked in " + duration.toMillis() + " ms ("
                + entriesPerSecond() + " entries/s)";
        return intact() ? speed + ": the chain is intact."
                : speed + ": the chain is BROKEN at entry " + firstBrokenSeq + ": " + problem;
    }
}
