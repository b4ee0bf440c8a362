package fr.la27eregion.platform.limits;

import java.time.Duration;

/**
 * An allowance per client address: at most {@code capacity} in a {@code period}.
 *
 * @param name      what is limited, in the log and as the key of its buckets ({@code applications})
 * @param capacity  how many in a period; at least one
 * @param period    the period
 * @param gradually true: given back gradually (a client that waits a fraction of the period gets that fraction
 *                  back), false: given back whole when the period since the first one has passed (a fixed window,
 *                  the usual way to count failed logins)
 * @param refill    how many are given back in a period: the steady rate, when {@code capacity} is a burst above it
 *                  (the public API: so many per minute, with a burst); the capacity itself by default
 */
public record Limit(String name, long capacity, Duration period, boolean gradually, long refill) {

    public Limit {
        capacity = Math.max(1, capacity);
        refill = Math.max(1, refill);
    }

    /** At most {@code capacity} in a {@code period}, given back as the period passes. */
    public Limit(String name, long capacity, Duration period, boolean gradually) {
        this(name, capacity, period, gradually, capacity);
    }
}
