package fr.la27eregion.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * Hashes and verifies passwords with Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2 with HMAC-SHA256, a
 * random 32-byte salt per password, {@code identity.password.iterations} iterations (210,000 by default, OWASP's
 * figure for this algorithm). The stored form carries algorithm, iterations and salt, so raising the count later
 * keeps older hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

    /** A hash of a random password nobody knows: verified against when no account matches, so that an unknown
     * username takes as long to refuse as a wrong password and timing reveals nothing. */
    private String decoy;

    @Inject
    private Pbkdf2PasswordHash pbkdf2;

    @Inject
    private IdentitySettings settings;

    @PostConstruct
    void initialize() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(settings.iterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return password != null && pbkdf2.verify(password.toCharArray(), hash);
    }

    /** Spends the time of one verification, for a username that matches no account. */
    public void verifyDecoy(String password) {
        pbkdf2.verify(password == null ? new char[0] : password.toCharArray(), decoy);
    }
}
