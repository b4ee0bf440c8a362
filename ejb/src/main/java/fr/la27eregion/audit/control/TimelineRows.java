package fr.la27eregion.audit.control;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.journal.control.RecordHistory;
import fr.la27eregion.journal.control.RecordKind;
import fr.la27eregion.journal.entity.JournalEntry;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;

/**
 * One record's timeline (its journal entries, oldest first, as {@code app/audit/record.xhtml} lists them), read a page
 * of {@link RecordHistory#MAX_PAGE} at a time, with the journal's columns.
 */
public final class TimelineRows implements ExportSource {

    private final RecordHistory history;
    private final RecordKind kind;
    private final long id;

    public TimelineRows(RecordHistory history, RecordKind kind, long id) {
        this.history = history;
        this.kind = kind;
        this.id = id;
    }

    @Override
    public String title() {
        return "timeline-" + kind.urlName() + "-" + id;
    }

    @Override
    public List<String> columns() {
        return JournalRows.COLUMNS;
    }

    @Override
    public long count(Connection connection) {
        // not counted ahead: a record's history is a few pages at most
        return 0;
    }

    @Override
    public void rows(Connection connection, RowSink sink) throws IOException {
        Long after = null;
        RecordHistory.Page page;
        do {
            page = history.page(kind, String.valueOf(id), after, RecordHistory.MAX_PAGE);
            for (JournalEntry e : page.entries()) {
                sink.accept(Arrays.asList(e.seq(), e.recordedAt(), e.actor(), e.actorRoles(), e.action(),
                        e.entityType().orElse(null), e.entityId().orElse(null), e.stateBefore().orElse(null),
                        e.stateAfter().orElse(null), e.reason().orElse(null), e.details().orElse(null),
                        e.requestId().orElse(null), e.prevHash(), e.hash(),
                        e.subject().map(s -> s.type()).orElse(null), e.subject().map(s -> s.id()).orElse(null)));
            }
            after = page.nextAfter();
        } while (page.more());
    }

    /** The record as the export keeps it. */
    public static String parameters(RecordKind kind, long id) {
        return Jsons.createObjectBuilder().add("type", kind.urlName()).add("id", id).build().toString();
    }

    static TimelineRows of(RecordHistory history, String parameters) {
        JsonObject json = Jsons.createReader(new StringReader(parameters)).readObject();
        return new TimelineRows(history, RecordKind.named(json.getString("type")).orElseThrow(),
                json.getJsonNumber("id").longValue());
    }
}
