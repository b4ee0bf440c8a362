package fr.la27eregion.journal.api;

import fr.la27eregion.journal.control.JournalAnchor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An anchor of the journal, as the API publishes it. */
@Schema(name = "JournalAnchor", description = "The chain head at a time, and its time stamp")
public record AnchorJson(
        long id,
        @Schema(description = "When the head was anchored") Instant anchoredAt,
        @Schema(description = "Who anchored it: an account, or system for the daily job") String anchoredBy,
        @Schema(description = "The head's sequence number") long seq,
        @Schema(description = "The head's hash, and the time stamp's message imprint") String hash,
        @Schema(description = "NONE (no authority configured), VERIFIED, INVALID (a token that does not prove the "
                + "hash) or FAILED (no token)") String timestamp,
        @Schema(description = "The time the authority signed; absent without a token") Instant timestampedAt,
        @Schema(description = "Why the time stamp failed or is invalid; absent otherwise") String problem) {

    static AnchorJson of(JournalAnchor anchor) {
        return new AnchorJson(anchor.id(), anchor.anchoredAt(), anchor.anchoredBy(), anchor.seq(), anchor.hash(),
                anchor.status().name(), anchor.tsaTime(), anchor.tsaProblem());
    }
}
