package fr.la27eregion.audit.web;

import fr.la27eregion.journal.boundary.RecordTimelines;
import fr.la27eregion.journal.control.RecordHistory;
import fr.la27eregion.journal.control.RecordKind;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.JournalWords;
import fr.la27eregion.platform.time.Clocks;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import fr.la27eregion.audit.boundary.Exports;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A record's timeline ({@code app/audit/record.xhtml?type=organisation&id=N&at=2026-03-01T00:00}): every journal
 * entry about it, oldest first, a page of {@value #PAGE} at a time ({@code after=}), each with its number, time,
 * actor, act, states, reason, details and hash; with {@code at=}, its state at that instant as the journal tells
 * it, the entry that set it, and the entries after the instant greyed. The field sends {@code at} by GET, so a
 * reconstruction is an address an auditor can keep. Auditors and the secretariat only; the boundary decides.
 */
@Named
@ViewScoped
public class RecordTimelineView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Entries per page. */
    static final int PAGE = 200;

    /** An entry as the page shows it; {@code later}: recorded after the instant asked. */
    public record Line(long seq, Instant at, String actor, String action, String entityType, String entityId,
                       String before, String after, String reason, String details, String hash, boolean later)
            implements Serializable {

        static Line of(JournalEntry e, Instant asked) {
            return new Line(e.seq(), e.recordedAt(), e.actor(), e.action(), e.entityType().orElse(null),
                    e.entityId().orElse(null), e.stateBefore().orElse(null), e.stateAfter().orElse(null),
                    e.reason().orElse(null), e.details().orElse(null), e.hash(),
                    asked != null && e.recordedAt().isAfter(asked));
        }

        /** The hash's first characters, enough to tell entries apart at a glance. */
        public String shortHash() {
            return hash == null ? "" : hash.substring(0, Math.min(12, hash.length()));
        }

        /** Whether the entry changed a state (a transition, or a creation). */
        public boolean moved() {
            return after != null && !after.equals(before);
        }
    }

    @Inject
    private RecordTimelines timelines;

    @Inject
    private JournalWords words;

    private String type;
    private String id;
    private String at;
    private String after;

    private boolean allowed;
    private boolean notFound;
    private RecordKind kind;
    private long recordId;
    private List<Line> lines = List.of();
    private Long nextAfter;
    private RecordHistory.StateAt state;
    private boolean badAt;

    @Inject
    private Exports exports;

    /**
     * Asks for the record's whole timeline (every page) as a file; {@code list} is the page's one list
     * ({@code TIMELINE}), as the export buttons of every page of the workspace name theirs.
     */
    public String export(String list, String format) {
        return ExportAsking.ask(format, asked -> exports.exportTimeline(kind, recordId, asked));
    }

    /** Reads the record's page of entries and, when asked, its state at the instant. */
    public void load() {
        allowed = AuditorsOnly.check();
        if (!allowed || kind != null || notFound) {
            return;
        }
        try {
            kind = RecordKind.named(type).orElseThrow(() -> new RecordNotFound("No record type " + type));
            recordId = Long.parseLong(String.valueOf(id).strip());
            Instant asked = null;
            if (at != null && !at.isBlank()) {
                try {
                    asked = RecordHistory.instant(at);
                } catch (IllegalArgumentException bad) {
                    badAt = true;
                }
            }
            Long from = after == null || after.isBlank() ? null : Long.valueOf(after.strip());
            RecordHistory.Page page = timelines.entries(kind, recordId, from, PAGE);
            Instant instant = asked;
            lines = page.entries().stream().map(entry -> Line.of(entry, instant)).toList();
            nextAfter = page.nextAfter();
            state = asked == null ? null : timelines.stateAt(kind, recordId, asked);
        } catch (NumberFormatException | RecordNotFound unknown) {
            kind = null;
            notFound = true;
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The value of the date-time field: the instant asked, in France, as the field reads it. */
    public String getAtField() {
        if (state == null) {
            return at;
        }
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(state.at().atZone(Clocks.FRANCE));
    }

    /** The page of the record itself, for the kinds that have one (a membership is read on its organisation's). */
    public String getRecordPage() {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case ORGANISATION -> "/app/membership/organisation.xhtml?id=" + recordId;
            case PROJECT -> "/app/projects/project.xhtml?id=" + recordId;
            case APPLICATION -> "/app/labels/application.xhtml?id=" + recordId;
            case LABEL -> "/app/labels/label.xhtml?id=" + recordId;
            case MEMBERSHIP -> null;
        };
    }

    /** The page's heading: the record's kind and number ("Timeline of organisation 12"). */
    public String getHeading() {
        return kind == null ? words.word("audit.record.heading", "")
                : MessageFormat.format(words.word("audit.record.title." + kind.urlName(), ""), Long.toString(recordId));
    }

    public boolean isFound() {
        return kind != null;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public String getKindName() {
        return kind == null ? "" : kind.urlName();
    }

    public long getRecordId() {
        return recordId;
    }

    public List<Line> getLines() {
        return lines;
    }

    public Long getNextAfter() {
        return nextAfter;
    }

    public RecordHistory.StateAt getState() {
        return state;
    }

    public boolean isBadAt() {
        return badAt;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public String getAfter() {
        return after;
    }

    public void setAfter(String after) {
        this.after = after;
    }
}
