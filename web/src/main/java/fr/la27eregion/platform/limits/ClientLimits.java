package fr.la27eregion.platform.limits;

import fr.la27eregion.platform.request.ClientNetwork;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Counts what each client address does against its {@link Limit}s, with one Bucket4j token bucket per limit and
 * address, timed by the platform's clock (so tests move time instead of waiting).
 *
 * <p><b>The client address</b> is the connection's ({@code getRemoteAddr()}). Behind a reverse proxy every
 * request would come from the proxy: list it in {@code limits.trusted-proxies}, and the address its
 * {@code X-Forwarded-For} names is used instead (the right-most one that is not itself a trusted proxy).
 * {@code X-Forwarded-For} is never believed from anyone else, since any client can write it. An IPv6 client is
 * counted by its /64 ({@link ClientNetwork}): one subscriber holds a whole /64, and would otherwise be 2^64 clients.
 *
 * <p><b>Where the buckets live:</b> in this instance's memory. Each instance of a cluster counts on its own, so
 * behind a load balancer of n instances a client gets at most n times its allowance. Bucket4j's JCache backend
 * would share them through Payara's Hazelcast, but Payara Micro runs without Hazelcast in the test and the
 * single-instance setups ({@code --nocluster}), where no JCache provider exists; the in-memory buckets work
 * everywhere. A bucket that is full again is the same as none, so buckets are dropped once full when many
 * addresses are counted, and memory stays bounded by the addresses active in the last period.
 */
@ApplicationScoped
public class ClientLimits {

    private static final Logger LOG = Logger.getLogger(ClientLimits.class.getName());
    /** Above this many buckets, the full ones are dropped. */
    private static final int PRUNE_ABOVE = 10_000;
    /** An IPv4 or IPv6 address as written in X-Forwarded-For; anything else there is ignored. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private record Key(String limit, String address) {
    }

    /** A bucket with the limit it was made for. */
    private record Allowance(Limit limit, Bucket bucket) {

        boolean full() {
            return bucket.getAvailableTokens() >= limit.capacity();
        }
    }

    private final ConcurrentMap<Key, Allowance> buckets = new ConcurrentHashMap<>();

    @Inject
    private LimitSettings settings;

    @Inject
    private Clock clock;

    /** The address the request comes from, as the limits count it (see the class comment about proxies). */
    public String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        Set<String> proxies = settings.trustedProxies();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !proxies.contains(remote)) {
            return remote;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return remote;
            }
            if (!proxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** Takes one from the address's allowance. @throws LimitReached when none is left (nothing was taken) */
    public void take(Limit limit, String address) {
        if (exempt(address)) {
            return;
        }
        ConsumptionProbe probe = bucket(limit, address).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            LOG.info(() -> "Limit '" + limit.name() + "' reached by " + address);
            throw new LimitReached(limit, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Does what the limit counts, once the address's allowance allowed it: one is taken first (so concurrent
     * requests cannot all pass), and given back when the action fails, since nothing was done then (an application
     * refused by a rule counts for nothing: a person correcting a form is not held back).
     *
     * @throws LimitReached when none is left: the action is not run
     */
    public <T> T within(Limit limit, String address, Supplier<T> action) {
        take(limit, address);
        try {
            return action.get();
        } catch (RuntimeException failed) {
            giveBack(limit, address);
            throw failed;
        }
    }

    /** Gives back what {@link #take} took, when what it allowed did not happen after all (a refused application). */
    public void giveBack(Limit limit, String address) {
        if (!exempt(address)) {
            bucket(limit, address).addTokens(1);
        }
    }

    /** Refuses when the address has nothing left, without taking. @throws LimitReached then */
    public void requireLeft(Limit limit, String address) {
        if (exempt(address)) {
            return;
        }
        Allowance allowance = buckets.get(key(limit, address));
        if (allowance != null) {
            long wait = allowance.bucket().estimateAbilityToConsume(1).getNanosToWaitForRefill();
            if (wait > 0) {
                throw new LimitReached(limit, Duration.ofNanos(wait));
            }
        }
    }

    /** Counts one against the address's allowance, whether or not any was left (a failed login). */
    public void count(Limit limit, String address) {
        if (!exempt(address)) {
            bucket(limit, address).tryConsume(1);
        }
    }

    /** The bucket of a limit for the client's network: an IPv4 address, or the /64 of an IPv6 one. */
    private static Key key(Limit limit, String address) {
        return new Key(limit.name(), ClientNetwork.of(address));
    }

    private boolean exempt(String address) {
        return settings.exemptAddresses().contains(address);
    }

    private Bucket bucket(Limit limit, String address) {
        Key key = key(limit, address);
        Allowance allowance = buckets.get(key);
        if (allowance != null) {
            return allowance.bucket();
        }
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(Allowance::full);
        }
        return buckets.computeIfAbsent(key, k -> new Allowance(limit, Bucket.builder()
                .addLimit(bandwidth -> limit.gradually()
                        ? bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period())
                        : bandwidth.capacity(limit.capacity()).refillIntervally(limit.refill(), limit.period()))
                .withCustomTimePrecision(new PlatformTime(clock)).build())).bucket();
    }

    /** The buckets' time: the platform's clock, in nanoseconds of wall time. */
    private record PlatformTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
