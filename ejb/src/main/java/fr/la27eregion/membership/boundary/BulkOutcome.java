package fr.la27eregion.membership.boundary;

import java.io.Serializable;

/**
 * What became of one membership in a bulk action: done, or refused with the rule's message key and English text
 * (the others go on: one stale or refused membership does not stop the batch).
 */
public record BulkOutcome(long membershipId, String organisation, boolean done, String key, String message)
        implements Serializable {
}
