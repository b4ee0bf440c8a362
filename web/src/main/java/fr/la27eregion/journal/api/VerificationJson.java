package fr.la27eregion.journal.api;

import fr.la27eregion.journal.chain.Verification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a verification of the journal, as the API publishes it. */
@Schema(name = "JournalVerification", description = "The journal's hash chain recomputed from entry 1")
public record VerificationJson(
        @Schema(description = "Whether every hash and link is right") boolean intact,
        @Schema(description = "Entries checked (up to the first broken one)") long entriesChecked,
        @Schema(description = "Time taken, in milliseconds") long durationMillis,
        @Schema(description = "Speed of the verification") long entriesPerSecond,
        @Schema(description = "The sequence number of the first broken entry; absent when intact") Long firstBrokenSeq,
        @Schema(description = "Why that entry breaks the chain; absent when intact") String problem) {

    static VerificationJson of(Verification verification) {
        return new VerificationJson(verification.intact(), verification.entriesChecked(),
                verification.duration().toMillis(), verification.entriesPerSecond(),
                verification.firstBrokenSeq(), verification.problem());
    }
}
