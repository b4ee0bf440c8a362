package fr.la27eregion.journal.api;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.entity.JournalEntry;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One journal entry as the API publishes it: every field the hash covers, the chain's hashes, the subject. */
@Schema(name = "JournalEntry", description = "One entry of the journal")
public record JournalEntryJson(
        @Schema(description = "Its number: 1, 2, 3... without holes") long seq,
        @Schema(description = "When it was recorded (UTC, microseconds)") Instant recordedAt,
        @Schema(description = "The account that acted, anonymous, or system for a scheduled job") String actor,
        @Schema(description = "The actor's roles then") List<String> actorRoles,
        @Schema(description = "What happened (label-application.submit)") String action,
        @Schema(description = "The kind of record changed; absent for an act on no record") String entityType,
        @Schema(description = "Its id") String entityId,
        @Schema(description = "Its state before") String stateBefore,
        @Schema(description = "Its state after") String stateAfter,
        @Schema(description = "The reason the actor gave") String reason,
        @Schema(description = "Anything else the entry keeps, as recorded") JsonObject details,
        @Schema(description = "The request that wrote it") String requestId,
        @Schema(description = "The hash of the entry before it (64 hexadecimal digits)") String prevHash,
        @Schema(description = "SHA-256 over prevHash and the entry's canonical form") String hash,
        @Schema(description = "The kind of record whose timeline it belongs to (not hashed)") String subjectType,
        @Schema(description = "That record's id") String subjectId) {

    static JournalEntryJson of(JournalEntry entry) {
        Subject subject = entry.subject().orElse(null);
        return new JournalEntryJson(entry.seq(), entry.recordedAt(), entry.actor(),
                entry.actorRoles().isEmpty() ? List.of() : Arrays.asList(entry.actorRoles().split(",")),
                entry.action(), entry.entityType().orElse(null), entry.entityId().orElse(null),
                entry.stateBefore().orElse(null), entry.stateAfter().orElse(null), entry.reason().orElse(null),
                entry.details().map(JournalEntryJson::object).orElse(null), entry.requestId().orElse(null),
                entry.prevHash(), entry.hash(), subject == null ? null : subject.type(),
                subject == null ? null : subject.id());
    }

    private static JsonObject object(String text) {
        try (JsonReader reader = Jsons.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
