package fr.la27eregion.journal.api;

import fr.la27eregion.journal.chain.AnchorVerification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The check of one anchor, as the API publishes it. */
@Schema(name = "JournalAnchorCheck", description = "An anchor checked against the chain and its time stamp")
public record AnchorCheckJson(
        long anchorId,
        @Schema(description = "The anchored sequence number") long seq,
        @Schema(description = "Whether it carries a time stamp") boolean timestamped,
        @Schema(description = "Whether the chain still has the anchored hash and the time stamp proves it")
        boolean holds,
        @Schema(description = "Why not; absent when it holds") String problem) {

    static AnchorCheckJson of(AnchorVerification.Check check) {
        return new AnchorCheckJson(check.anchorId(), check.seq(), check.timestamped(), check.holds(),
                check.problem());
    }
}
