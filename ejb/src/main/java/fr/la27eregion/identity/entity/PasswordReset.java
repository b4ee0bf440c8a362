package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.database.UtcTimestamp;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A one-time password reset link. Only the SHA-256 of its random token is stored, so reading the database gives
 * no working link; the link works once and until it expires.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {
        // for JPA
    }

    public PasswordReset(String tokenHash, Account account, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.account = account;
        this.expiresAt = expiresAt;
    }

    /** Whether the link may still be used at {@code now}. */
    public boolean usable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt) && account.enabled();
    }

    /** Uses the link: it will not work again. */
    public Account use(Instant now) {
        if (!usable(now)) {
            throw new RuleViolation(null, "identity.rule.resetLinkInvalid",
                    "This link has expired or was already used. Ask an administrator for a new one.");
        }
        usedAt = now;
        return account;
    }
}
