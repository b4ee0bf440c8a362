package fr.la27eregion.journal.control;

import fr.la27eregion.journal.entity.JournalEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import fr.la27eregion.platform.time.Clocks;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One record's history read from the journal, oldest first, and its state at any instant reconstructed from it.
 * Paged by key ({@code seq > after}) through the entity index {@code (entity_type, entity_id, seq)} or the subject
 * index {@code (subject_type, subject_id, seq DESC)}, read backwards: a page costs the same wherever it starts.
 * The state at an instant is the {@code state_after} of the last transition of the record's machine recorded at
 * or before it (an entry that leaves the state as it was, a message or a reminder, sets nothing); the order is the chain's ({@code seq}), the instant the entry's own time. Scoping is the caller's.
 */
@Dependent
public class RecordHistory {

    /** Most entries one page may hold. */
    public static final int MAX_PAGE = 500;

    /**
     * Some of a record's entries, oldest first, and whether newer ones remain.
     *
     * @param entries oldest first
     * @param more    whether entries newer than the last of this page exist
     */
    public record Page(List<JournalEntry> entries, boolean more) {

        /** The number to ask the next (newer) page after, or null when there is none. */
        public Long nextAfter() {
            return more && !entries.isEmpty() ? entries.get(entries.size() - 1).seq() : null;
        }
    }

    /**
     * A record's state at an instant, as the journal tells it.
     *
     * @param at       the instant asked
     * @param firstAt  when the journal first speaks of the record (null: never)
     * @param state    the state then (null: the record did not exist yet, or had no state of its machine yet)
     * @param stateOf  the entity type the state is of ({@code Membership} for an organisation)
     * @param setBy    the number of the entry that set that state
     * @param setAt    when that entry was recorded
     */
    public record StateAt(Instant at, Instant firstAt, String state, String stateOf, Long setBy, Instant setAt)
            implements Serializable {

        /** Whether the record existed at that instant (the journal had spoken of it by then). */
        public boolean existed() {
            return firstAt != null && !firstAt.isAfter(at);
        }
    }

    @PersistenceContext
    private EntityManager em;

    /** The record's entries numbered above {@code after} (all when null), oldest first, at most {@code size}. */
    public Page page(RecordKind kind, String id, Long after, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        List<JournalEntry> read = query(kind, id, "e.seq > :after ORDER BY e.seq")
                .setParameter("after", after == null ? 0L : after).setMaxResults(limit + 1).getResultList();
        boolean more = read.size() > limit;
        return new Page(more ? List.copyOf(read.subList(0, limit)) : List.copyOf(read), more);
    }

    /** The record's state at {@code at}: the last entry of its machine recorded at or before it. */
    public StateAt stateAt(RecordKind kind, String id, Instant at) {
        Instant first = query(kind, id, "e.seq > 0 ORDER BY e.seq").setMaxResults(1).getResultStream()
                .findFirst().map(JournalEntry::recordedAt).orElse(null);
        String states = kind.states().isEmpty() ? "" : " AND e.stateAfter IN :states";
        TypedQuery<JournalEntry> last = query(kind, id, "e.entityType = :stateEntity AND e.stateAfter IS NOT NULL"
                + " AND (e.stateBefore IS NULL OR e.stateBefore <> e.stateAfter)" + states
                + " AND e.recordedAt <= :at ORDER BY e.seq DESC")
                .setParameter("stateEntity", kind.stateEntity()).setParameter("at", Timestamp.from(at));
        if (!kind.states().isEmpty()) {
            last.setParameter("states", List.copyOf(kind.states()));
        }
        Optional<JournalEntry> setting = last.setMaxResults(1).getResultStream().findFirst();
        return new StateAt(at, first, setting.flatMap(JournalEntry::stateAfter).orElse(null), kind.stateEntity(),
                setting.map(JournalEntry::seq).orElse(null), setting.map(JournalEntry::recordedAt).orElse(null));
    }

    /** Whether the record exists in its own table (a record with no entry yet exists; an unknown id does not). */
    public boolean exists(RecordKind kind, long id) {
        // the table's name is the kind's constant, never the caller's word
        return !em.createNativeQuery("SELECT 1 FROM " + kind.table() + " WHERE id = ?1").setParameter(1, id)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The instant a reader means: with its offset ({@code 2026-03-01T00:00:00Z}), a date and time in France
     * ({@code 2026-03-01T09:30}, as a browser's date-time field sends it), or a day ({@code 2026-03-01}: its start
     * in France).
     *
     * @throws IllegalArgumentException none of these
     */
    public static Instant instant(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).atZone(Clocks.FRANCE).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay(Clocks.FRANCE).toInstant();
                } catch (DateTimeParseException notADay) {
                    throw new IllegalArgumentException("'" + value + "' is not an instant (2026-03-01T00:00:00Z) "
                            + "nor a day (2026-03-01).", notADay);
                }
            }
        }
    }

    private TypedQuery<JournalEntry> query(RecordKind kind, String id, String rest) {
        String where = kind.bySubject() ? "e.subjectType = :type AND e.subjectId = :id"
                : "e.entityType = :type AND e.entityId = :id";
        return em.createQuery("SELECT e FROM JournalEntry e WHERE " + where + " AND " + rest, JournalEntry.class)
                .setParameter("type", kind.journalType()).setParameter("id", id);
    }
}
