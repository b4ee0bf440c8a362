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
 */
public record Limit(String name, long capacity, Duration period, boolean gradually) {

    public Limit {
        capacity = Math.max(1, capacity);
    }
}
