package fr.la27eregion.platform.limits;

import java.time.Duration;

/**
 * A client used up its allowance of a {@link Limit}: nothing was done. The API answers 429 with
 * {@code Retry-After}; a page says when to try again.
 */
public class LimitReached extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Limit limit;
    private final Duration retryAfter;

    public LimitReached(Limit limit, Duration retryAfter) {
        super("Too many requests of this kind from your address (" + limit.capacity() + " per "
                + limit.period().toMinutes() + " minutes): try again in " + seconds(retryAfter) + " seconds.");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    /** Whole seconds until the client may try again, at least one (the value of {@code Retry-After}). */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** Whole minutes until the client may try again, at least one (for people). */
    public long retryAfterMinutes() {
        return (seconds(retryAfter) + 59) / 60;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
