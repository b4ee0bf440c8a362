package fr.la27eregion.journal.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.entity.JournalEntry;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * A record's timeline read from the journal by its subject, newest first, one page at a time. Paged by key, not by
 * offset: a page is the entries numbered below the last one shown ({@code seq < before}), so it costs the same on
 * the first page as on the thousandth, through the index {@code (subject_type, subject_id, seq DESC)}, and an
 * entry appended meanwhile never shifts the next page. One more entry than the page is read, to say whether there
 * are older ones. Scoping is the caller's (a boundary) to decide before it asks.
 */
@Dependent
public class SubjectTimeline {

    /** Most entries one page may hold. */
    public static final int MAX_PAGE = 200;

    /**
     * Some of a subject's entries, newest first, and whether older ones remain.
     *
     * @param entries newest first
     * @param more    whether entries older than the last of this page exist
     */
    public record Page(List<JournalEntry> entries, boolean more) {

        /** The number to ask the next (older) page before, or null when there is none. */
        public Long nextBefore() {
            return more && !entries.isEmpty() ? entries.get(entries.size() - 1).seq() : null;
        }
    }

    @PersistenceContext
    private EntityManager em;

    /**
     * The subject's entries numbered below {@code before} (all when null), newest first, at most {@code size}
     * (between 1 and {@value #MAX_PAGE}).
     */
    public Page page(Subject subject, Long before, int size) {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        List<JournalEntry> read = em.createNamedQuery(JournalEntry.OF_SUBJECT, JournalEntry.class)
                .setParameter("subjectType", subject.type()).setParameter("subjectId", subject.id())
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setMaxResults(limit + 1).getResultList();
        boolean more = read.size() > limit;
        return new Page(more ? List.copyOf(read.subList(0, limit)) : List.copyOf(read), more);
    }
}
