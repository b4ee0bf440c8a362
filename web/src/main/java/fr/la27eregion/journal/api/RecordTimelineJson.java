package fr.la27eregion.journal.api;

import fr.la27eregion.journal.control.RecordHistory;
import fr.la27eregion.journal.entity.JournalEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A record's timeline as the API publishes it: a page of its journal entries and, when asked, its state at a date. */
@Schema(name = "RecordTimeline", description = "What the journal holds about one record, oldest first")
public record RecordTimelineJson(
        @Schema(description = "membership, organisation, project, application or label") String type,
        @Schema(description = "The record's id") long id,
        @Schema(description = "The entries of this page, oldest first") List<Entry> entries,
        @Schema(description = "Ask the next page with after=this; absent on the last page") Long nextAfter,
        @Schema(description = "The state at the instant asked (at=); absent when none was asked") StateAtJson stateAt) {

    /** One journal entry, every field the hash covers, and the hash. */
    @Schema(name = "TimelineEntry")
    public record Entry(long seq, Instant recordedAt, String actor, String actorRoles, String action,
                        String entityType, String entityId, String stateBefore, String stateAfter, String reason,
                        @Schema(description = "A JSON object, as text") String details, String requestId,
                        String prevHash, String hash) {

        static Entry of(JournalEntry e) {
            return new Entry(e.seq(), e.recordedAt(), e.actor(), e.actorRoles(), e.action(),
                    e.entityType().orElse(null), e.entityId().orElse(null), e.stateBefore().orElse(null),
                    e.stateAfter().orElse(null), e.reason().orElse(null), e.details().orElse(null),
                    e.requestId().orElse(null), e.prevHash(), e.hash());
        }
    }

    /**
     * The record's state at an instant, reconstructed from the journal. No component's name holds "set": Payara's
     * OpenAPI scanner takes an annotated method whose name contains it for a setter and reads its first parameter,
     * which an accessor does not have (the whole /openapi document then fails).
     */
    @Schema(name = "StateAt")
    public record StateAtJson(
            @Schema(description = "The instant asked, UTC") Instant at,
            @Schema(description = "Whether the record existed then (the journal had spoken of it)") boolean existed,
            @Schema(description = "When the journal first speaks of the record; absent: never") Instant firstAt,
            @Schema(description = "The state then; absent before the record existed or had a state") String state,
            @Schema(description = "The entity type the state is of (Membership for an organisation)") String stateOf,
            @Schema(description = "The number of the entry that gave the record that state") Long sinceSeq,
            @Schema(description = "When that entry was recorded: the state holds since then") Instant since) {

        static StateAtJson of(RecordHistory.StateAt state) {
            return new StateAtJson(state.at(), state.existed(), state.firstAt(), state.state(), state.stateOf(),
                    state.setBy(), state.setAt());
        }
    }

    static RecordTimelineJson of(String type, long id, RecordHistory.Page page, RecordHistory.StateAt state) {
        return new RecordTimelineJson(type, id, page.entries().stream().map(Entry::of).toList(), page.nextAfter(),
                state == null ? null : StateAtJson.of(state));
    }
}
