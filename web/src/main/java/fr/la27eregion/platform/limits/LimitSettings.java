package fr.la27eregion.platform.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The limits per client address, from MicroProfile Config ({@code LIMITS_APPLICATIONS_PER_HOUR}... in production);
 * defaults in {@code microprofile-config.properties}.
 */
@ApplicationScoped
public class LimitSettings {

    @Inject
    @ConfigProperty(name = "limits.applications.per-hour", defaultValue = "5")
    long applicationsPerHour;

    @Inject
    @ConfigProperty(name = "limits.failed-logins.per-minute", defaultValue = "10")
    long failedLoginsPerMinute;

    @Inject
    @ConfigProperty(name = "limits.failed-verifications.per-minute", defaultValue = "10")
    long failedVerificationsPerMinute;

    @Inject
    @ConfigProperty(name = "limits.public-api.per-minute", defaultValue = "600")
    long publicApiPerMinute;

    @Inject
    @ConfigProperty(name = "limits.public-api.burst", defaultValue = "100")
    long publicApiBurst;

    @Inject
    @ConfigProperty(name = "limits.trusted-proxies")
    Optional<String> trustedProxies;

    @Inject
    @ConfigProperty(name = "limits.exempt-addresses")
    Optional<String> exemptAddresses;

    /** Applications to join (each mails its coordinator) per client address and hour. */
    public Limit applications() {
        return new Limit("applications", applicationsPerHour, Duration.ofHours(1), true);
    }

    /** Failed authentications (form or HTTP Basic) per client address and minute. */
    public Limit failedLogins() {
        return new Limit("failed-logins", failedLoginsPerMinute, Duration.ofMinutes(1), false);
    }

    /**
     * Verifications of a label's code that found no label (page or API) per client address and minute: counted as
     * failed logins are, so that trying codes is as slow as trying passwords.
     */
    public Limit failedVerifications() {
        return new Limit("failed-verifications", failedVerificationsPerMinute, Duration.ofMinutes(1), false);
    }

    /**
     * Anonymous requests to the public API per client address: {@code limits.public-api.per-minute} on average,
     * given back gradually, with up to {@code limits.public-api.burst} at once.
     */
    public Limit publicApi() {
        return new Limit("public-api", publicApiBurst, Duration.ofMinutes(1), true, publicApiPerMinute);
    }

    /** The addresses of the reverse proxies whose {@code X-Forwarded-For} is believed; none by default. */
    public Set<String> trustedProxies() {
        return addresses(trustedProxies);
    }

    /** Client addresses never limited (a monitoring probe, the tests' own loopback); none by default. */
    public Set<String> exemptAddresses() {
        return addresses(exemptAddresses);
    }

    private static Set<String> addresses(Optional<String> list) {
        return list.map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }
}
