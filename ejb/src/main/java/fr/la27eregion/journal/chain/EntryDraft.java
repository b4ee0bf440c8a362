package fr.la27eregion.journal.chain;

import java.time.Instant;

/**
 * An entry as its writer describes it, before the chain gives it a number, a time and a hash.
 *
 * @param actorRoles sorted, comma-separated, empty when none (see {@link CanonicalEntry})
 * @param details    a JSON object as text, or null
 * @param subject    the record the entry belongs to, stored beside it and not hashed; null when none
 */
public record EntryDraft(String actor, String actorRoles, String action, String entityType, String entityId,
                         String stateBefore, String stateAfter, String reason, String details, String requestId,
                         Subject subject) {

    /** A draft about no subject (security events, accounts), as entries were before subjects existed. */
    public EntryDraft(String actor, String actorRoles, String action, String entityType, String entityId,
                      String stateBefore, String stateAfter, String reason, String details, String requestId) {
        this(actor, actorRoles, action, entityType, entityId, stateBefore, stateAfter, reason, details, requestId,
                null);
    }

    /** This draft as entry number {@code seq}, appended at {@code recordedAt}: what its hash covers. */
    public CanonicalEntry numbered(long seq, Instant recordedAt) {
        return new CanonicalEntry(seq, recordedAt, actor, actorRoles, action, entityType, entityId, stateBefore,
                stateAfter, reason, details, requestId);
    }
}
