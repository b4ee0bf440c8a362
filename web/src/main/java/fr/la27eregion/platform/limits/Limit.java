package fr.la27eregion.platform.limits;

import java.time.Duration;

/**
 * An allowance per client address: at most {@code capacity} in any {@code period}, given back gradually (a token
 * bucket refilled greedily), so a client that waits a fraction of the period gets that fraction back.
 *
 * @param name     what is limited, in the log and as the key of its buckets ({@code applications})
 * @param capacity how many in a period; at least one
 * @param period   the period
 */
public record Limit(String name, long capacity, Duration period) {

    public Limit {
        capacity = Math.max(1, capacity);
    }
}
