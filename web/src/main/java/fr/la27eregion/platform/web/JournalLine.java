package fr.la27eregion.platform.web;

import fr.la27eregion.journal.entity.JournalEntry;

import java.io.Serializable;
import java.time.Instant;

/**
 * A journal entry as a record's timeline shows it on its page (a project's, a label's): when, who ({@code system}
 * for the daily jobs), what (in the reader's words: {@link JournalWords}), the states before and after, the reason
 * given.
 */
public record JournalLine(Instant at, String action, String actor, String before, String after, String reason)
        implements Serializable {

    public static JournalLine of(JournalEntry entry) {
        return new JournalLine(entry.recordedAt(), entry.action(), entry.actor(), entry.stateBefore().orElse(null),
                entry.stateAfter().orElse(null), entry.reason().orElse(null));
    }
}
