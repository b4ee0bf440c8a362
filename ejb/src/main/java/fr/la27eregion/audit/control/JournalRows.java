package fr.la27eregion.audit.control;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.journal.control.JournalFilter;
import fr.la27eregion.journal.control.JournalQuery;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The journal, filtered ({@link JournalQuery#where}, the same meaning as the journal's page and API), oldest entry
 * first, every column an auditor needs to recompute the chain (ops/audit/journal-recompute.sql) and the subject.
 * Read through a cursor ({@value #FETCH} rows at a time): the rows are never all in memory.
 */
public final class JournalRows implements ExportSource {

    static final int FETCH = 2_000;
    static final List<String> COLUMNS = List.of("seq", "recorded_at", "actor", "actor_roles", "action",
            "entity_type", "entity_id", "state_before", "state_after", "reason", "details", "request_id", "prev_hash",
            "hash", "subject_type", "subject_id");

    private final JournalQuery query;
    private final JournalFilter filter;

    public JournalRows(JournalQuery query, JournalFilter filter) {
        this.query = query;
        this.filter = filter;
    }

    @Override
    public String title() {
        return "journal";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public long count(Connection connection) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = query.where(filter, params);
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM journal_entry e WHERE "
                + where)) {
            JournalQuery.bind(count, params);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Override
    public void rows(Connection connection, RowSink sink) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String where = query.where(filter, params);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + JournalQuery.COLUMNS
                + " FROM journal_entry e WHERE " + where + " ORDER BY e.seq")) {
            select.setFetchSize(FETCH);
            JournalQuery.bind(select, params);
            try (ResultSet rows = select.executeQuery()) {
                Object[] row = new Object[COLUMNS.size()];
                while (rows.next()) {
                    row[0] = rows.getLong(1);
                    row[1] = rows.getObject(2, OffsetDateTime.class).toInstant();
                    for (int column = 2; column < row.length; column++) {
                        row[column] = rows.getString(column + 1);
                    }
                    sink.accept(Arrays.asList(row));
                }
            }
        }
    }

    /** The filter as the export keeps it and its manifest shows it: only the parts given. */
    public static String parameters(JournalFilter filter) {
        JsonObjectBuilder json = Jsons.createObjectBuilder();
        add(json, "from", filter.from());
        add(json, "to", filter.to());
        add(json, "actor", filter.actor());
        add(json, "action", filter.action());
        add(json, "entityType", filter.entityType());
        add(json, "entityId", filter.entityId());
        add(json, "organisation", filter.organisationId());
        add(json, "programme", filter.programmeId());
        return json.build().toString();
    }

    /** The filter kept by {@link #parameters}. */
    public static JournalFilter filter(String parameters) {
        JsonObject json = Jsons.createReader(new StringReader(parameters)).readObject();
        return new JournalFilter(instant(json, "from"), instant(json, "to"), json.getString("actor", null),
                json.getString("action", null), json.getString("entityType", null),
                json.getString("entityId", null), number(json, "organisation"), number(json, "programme"));
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Long number) {
            json.add(name, number);
        } else if (value != null) {
            json.add(name, value.toString());
        }
    }

    private static Instant instant(JsonObject json, String name) {
        return json.containsKey(name) ? Instant.parse(json.getString(name)) : null;
    }

    private static Long number(JsonObject json, String name) {
        return json.containsKey(name) ? json.getJsonNumber(name).longValue() : null;
    }
}
