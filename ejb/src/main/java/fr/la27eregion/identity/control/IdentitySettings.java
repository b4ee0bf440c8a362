package fr.la27eregion.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The settings of authentication, from MicroProfile Config (environment variables such as
 * {@code IDENTITY_LOCKOUT_MAX_FAILURES} in production). Defaults are in {@code microprofile-config.properties}.
 */
@ApplicationScoped
public class IdentitySettings {

    @Inject
    @ConfigProperty(name = "identity.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "identity.lockout.minutes", defaultValue = "15")
    int lockMinutes;

    @Inject
    @ConfigProperty(name = "identity.password.iterations", defaultValue = "210000")
    int iterations;

    @Inject
    @ConfigProperty(name = "identity.reset-link.hours", defaultValue = "24")
    int resetLinkHours;

    @Inject
    @ConfigProperty(name = "platform.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "identity.tokens.default-days", defaultValue = "90")
    int tokenDefaultDays;

    @Inject
    @ConfigProperty(name = "identity.tokens.max-days", defaultValue = "365")
    int tokenMaxDays;

    @Inject
    @ConfigProperty(name = "identity.session.timeout-minutes", defaultValue = "30")
    int sessionTimeoutMinutes;

    /** How long an intranet session lives without a request (the web module gives every new session this). */
    public Duration sessionTimeout() {
        return Duration.ofMinutes(Math.max(1, sessionTimeoutMinutes));
    }

    /** Days a personal access token works when its owner chooses no expiry (never more than the maximum). */
    public int tokenDefaultDays() {
        return Math.max(1, Math.min(tokenDefaultDays, tokenMaxDays()));
    }

    /** The most days ahead a personal access token may expire: none works for ever. */
    public int tokenMaxDays() {
        return Math.max(1, tokenMaxDays);
    }

    /** Failed logins in a row that lock an account. */
    public int maxFailures() {
        return Math.max(1, maxFailures);
    }

    /** How long a locked account stays locked. */
    public Duration lock() {
        return Duration.ofMinutes(Math.max(1, lockMinutes));
    }

    /** PBKDF2 iterations for new hashes; existing hashes carry their own count. */
    public int iterations() {
        return iterations;
    }

    public Duration resetLinkValidity() {
        return Duration.ofHours(Math.max(1, resetLinkHours));
    }

    /** The address people use to reach the platform, for links given outside a request (reset links). */
    public String baseUrl() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
