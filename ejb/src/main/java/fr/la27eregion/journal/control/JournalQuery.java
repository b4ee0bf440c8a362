package fr.la27eregion.journal.control;

import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.chain.ChainedEntry;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.entity.JournalEntry;
import jakarta.enterprise.context.Dependent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal read through a {@link JournalFilter}: the one place that says what a filter means in SQL, used by
 * the journal browser, the API and the exports alike, so the three never disagree on which entries a filter names.
 *
 * <p>{@link #where} gives the condition on {@code journal_entry e} and its JDBC parameters (bind them with
 * {@code setObject}, in order); a reader adds its own order and paging: {@code SELECT ... FROM journal_entry e
 * WHERE <where> ORDER BY e.seq} for an export, {@link #page} for the browser (keyset paging on {@code seq}, newest
 * first: never OFFSET, never a count of the whole journal).
 *
 * <p>Each part is written so that an index answers it on ten million entries: the actor, action and entity type
 * by {@code (column, seq)} indexes (V28), the record by {@code (entity_type, entity_id, seq)}, the period by the
 * BRIN index on {@code recorded_at}, an organisation or a programme by the subject index {@code (subject_type,
 * subject_id, seq)}: each list of the organisation's (programme's) records is computed once ({@code ARRAY(SELECT
 * ...)}, an init plan read by its own index) and compared with {@code = ANY}, which the subject index answers.
 * Subject types are those the workflows write ({@code Organisation.JOURNAL_TYPE} and the like): memberships,
 * contacts and projects are filed under their organisation, assessments under their application.
 */
@Dependent
public class JournalQuery {

    /** Most entries one page may hold. */
    public static final int MAX_PAGE = 200;

    /** Entries one page holds when the reader does not say. */
    public static final int DEFAULT_PAGE = 50;

    /** The columns {@link #entry} reads, in its order, of {@code journal_entry e}. */
    public static final String COLUMNS = "e.seq, e.recorded_at, e.actor, e.actor_roles, e.action, e.entity_type,"
            + " e.entity_id, e.state_before, e.state_after, e.reason, e.details, e.request_id, e.prev_hash, e.hash,"
            + " e.subject_type, e.subject_id";

    private static final String ORGANISATION = "(e.subject_type = 'Organisation' AND e.subject_id = ?::text"
            + " OR e.subject_type = 'LabelApplication' AND e.subject_id = ANY(ARRAY("
            + "SELECT a.id::text FROM label_application a WHERE a.organisation_id = ?))"
            + " OR e.subject_type = 'Label' AND e.subject_id = ANY(ARRAY("
            + "SELECT l.id::text FROM label l WHERE l.organisation_id = ?))"
            + " OR e.subject_type = 'Project' AND e.subject_id = ANY(ARRAY("
            + "SELECT p.id::text FROM project p WHERE p.lead_organisation_id = ?)))";

    private static final String PROGRAMME = "(e.subject_type = 'LabelProgramme' AND e.subject_id = ?::text"
            + " OR e.subject_type = 'Campaign' AND e.subject_id = ANY(ARRAY("
            + "SELECT c.id::text FROM campaign c WHERE c.programme_id = ?))"
            + " OR e.subject_type = 'LabelApplication' AND e.subject_id = ANY(ARRAY("
            + "SELECT a.id::text FROM label_application a JOIN campaign c ON c.id = a.campaign_id"
            + " WHERE c.programme_id = ?))"
            + " OR e.subject_type = 'Label' AND e.subject_id = ANY(ARRAY("
            + "SELECT l.id::text FROM label l WHERE l.programme_id = ?)))";

    /**
     * One page of entries, newest first, and whether older ones remain.
     *
     * @param entries newest first
     * @param more    whether entries older than the last of this page match too
     */
    public record Page(List<JournalEntry> entries, boolean more) {

        /** The number to ask the next (older) page before, or null when there is none. */
        public Long nextBefore() {
            return more && !entries.isEmpty() ? entries.get(entries.size() - 1).seq() : null;
        }
    }

    /**
     * The SQL condition on {@code journal_entry e} that the filter means ({@code TRUE} for no filter), its
     * parameters appended to {@code params} in the order of their {@code ?}.
     */
    public String where(JournalFilter filter, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (filter.from() != null) {
            parts.add("e.recorded_at >= ?");
            params.add(time(filter.from()));
        }
        if (filter.to() != null) {
            parts.add("e.recorded_at < ?");
            params.add(time(filter.to()));
        }
        equal(parts, params, "e.actor", filter.actor());
        equal(parts, params, "e.action", filter.action());
        equal(parts, params, "e.entity_type", filter.entityType());
        equal(parts, params, "e.entity_id", filter.entityId());
        subjects(parts, params, ORGANISATION, filter.organisationId());
        subjects(parts, params, PROGRAMME, filter.programmeId());
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    /**
     * The entries the filter names numbered below {@code before} (all when null), newest first, at most
     * {@code size} (between 1 and {@value #MAX_PAGE}): one query, one more entry than the page read to know
     * whether older ones remain. An entry appended meanwhile never shifts the next page.
     */
    public Page page(Connection connection, JournalFilter filter, Long before, int size) throws SQLException {
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        if (before != null) {
            where = where + " AND e.seq < ?";
            params.add(before);
        }
        params.add(limit + 1);
        List<JournalEntry> read = new ArrayList<>(limit + 1);
        String select = periodFirst(filter, Instant.now())
                // the period's entries found first (BRIN on recorded_at), then the newest of them: OFFSET 0 keeps
                // PostgreSQL from merging the two and walking the numbers down from the head instead
                ? "SELECT * FROM (SELECT " + COLUMNS + " FROM journal_entry e WHERE " + where + " OFFSET 0) e"
                        + " ORDER BY e.seq DESC LIMIT ?"
                : "SELECT " + COLUMNS + " FROM journal_entry e WHERE " + where + " ORDER BY e.seq DESC LIMIT ?";
        try (Statement serial = connection.createStatement()) {
            // a page is at most 201 entries found by walking an index: parallel workers cost more to start than
            // they save (a programme's page took 139 ms with two workers, most of it their start, on ten million
            // entries); for this transaction only (SET LOCAL is a no-op outside one)
            serial.execute("SET LOCAL max_parallel_workers_per_gather = 0");
        }
        try (PreparedStatement query = connection.prepareStatement(select)) {
            bind(query, params);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read.add(entry(rows));
                }
            }
        }
        boolean more = read.size() > limit;
        return new Page(more ? List.copyOf(read.subList(0, limit)) : List.copyOf(read), more);
    }

    /**
     * Whether a page is read by finding the period's entries first: for a closed period shorter than the time
     * since it ended (a day a month ago). Both forms give the same entries; they differ in cost. Walking the numbers
     * down from the head (the default, right for a recent or long period and for the indexed filters) reads every
     * entry newer than the period first: 850,000 for a day a month ago in a journal of 10 million (467 ms); the
     * period's own entries, found by the BRIN index on {@code recorded_at} and sorted, are some 30,000. The choice
     * assumes nothing about the order of times and numbers, so it stays exact when a clock went back.
     */
    static boolean periodFirst(JournalFilter filter, Instant now) {
        if (filter.from() == null || filter.to() == null) {
            return false;
        }
        java.time.Duration length = java.time.Duration.between(filter.from(), filter.to());
        return length.compareTo(java.time.Duration.between(filter.to(), now)) < 0;
    }

    /** Binds {@code params} (as {@link #where} gave them) from the first {@code ?} on. */
    public static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }

    /** The entry at the cursor of a result that selected {@link #COLUMNS} first. */
    public static JournalEntry entry(ResultSet rows) throws SQLException {
        CanonicalEntry content = new CanonicalEntry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class)
                .toInstant(), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10), rows.getString(11),
                rows.getString(12));
        String subjectType = rows.getString(15);
        String subjectId = rows.getString(16);
        Subject subject = subjectType == null || subjectId == null ? null : new Subject(subjectType, subjectId);
        return new JournalEntry(new ChainedEntry(content, rows.getString(13), rows.getString(14), subject));
    }

    private static void equal(List<String> parts, List<Object> params, String column, String value) {
        if (value != null) {
            parts.add(column + " = ?");
            params.add(value);
        }
    }

    /** A subject condition whose four {@code ?} all take the id. */
    private static void subjects(List<String> parts, List<Object> params, String condition, Long id) {
        if (id != null) {
            parts.add(condition);
            for (int i = 0; i < 4; i++) {
                params.add(id);
            }
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
