package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.database.UtcTimestamp;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.time.Clocks;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import org.eclipse.persistence.config.QueryHints;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A personal access token: a secret an account hands a machine instead of its password (DESIGN §4, "machines use
 * tokens"). It acts with its account's roles and organisation as they are at each request, never more, and a
 * {@link TokenScope#READ} token only reads. Only the secret's SHA-256 is kept ({@link TokenSecret}).
 *
 * <p>A token lives until it expires (a day chosen at creation, by default {@code tokens.default-days} ahead, at
 * most {@code tokens.max-days}, decided by {@link #expiry}) or is revoked by its owner or the secretariat. It is
 * kept afterwards, for the record; nothing brings it back.
 */
@Entity
@Table(name = "access_token")
// the account's roles in the same statement: every request with a token runs this query
@NamedQuery(name = AccessToken.BY_HASH, query = "SELECT t FROM AccessToken t JOIN FETCH t.account"
        + " WHERE t.tokenHash = :hash", hints = @QueryHint(name = QueryHints.LEFT_FETCH, value = "t.account.roles"))
@NamedQuery(name = AccessToken.OF_ACCOUNT, query = "SELECT t FROM AccessToken t WHERE t.account.id = :account"
        + " ORDER BY t.createdAt DESC, t.id DESC")
// the time of a use, without the version: no revocation is refused as stale because the token was used meanwhile
@NamedQuery(name = AccessToken.USED, query = "UPDATE AccessToken t SET t.lastUsedAt = :now WHERE t.id = :id"
        + " AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :since)")
public class AccessToken implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BY_HASH = "AccessToken.byHash";
    public static final String OF_ACCOUNT = "AccessToken.ofAccount";
    public static final String USED = "AccessToken.used";

    /** The longest name, as the column holds it. */
    static final int NAME_LENGTH = 100;

    /** Where a token stands, as the pages and the journal name it. */
    public enum State {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", updatable = false)
    private Account account;

    @Column(nullable = false, length = NAME_LENGTH, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, updatable = false)
    private TokenScope scope;

    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;

    @Column(nullable = false, length = 16, updatable = false)
    private String prefix;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Version
    private int version;

    protected AccessToken() {
        // for JPA
    }

    /**
     * A new token of the account for this secret, named (required, at most 100 characters, so the owner tells
     * their tokens apart) and scoped (required), expiring at {@code expiresAt} (see {@link #expiry}).
     */
    public static AccessToken issue(Account account, String name, TokenScope scope, TokenSecret secret,
                                    Instant now, Instant expiresAt) {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("name", "identity.rule.tokenNameRequired", "The token needs a name.");
        }
        if (name.strip().length() > NAME_LENGTH) {
            throw new RuleViolation("name", "identity.rule.tokenNameLength",
                    "The name of a token is at most " + NAME_LENGTH + " characters.", NAME_LENGTH);
        }
        if (scope == null) {
            throw new RuleViolation("scope", "identity.rule.tokenScopeRequired", "Choose what the token may do.");
        }
        AccessToken token = new AccessToken();
        token.account = account;
        token.name = name.strip();
        token.scope = scope;
        token.tokenHash = secret.hash();
        token.prefix = secret.prefix();
        token.createdAt = now;
        token.expiresAt = expiresAt;
        return token;
    }

    /**
     * When a token chosen to expire on {@code day} stops working: at the end of that day in France. No day chosen:
     * {@code defaultDays} from today. The day is after today and at most {@code maxDays} from today, so a token
     * never works for ever and a forgotten one dies on its own.
     */
    public static Instant expiry(LocalDate day, Instant now, int defaultDays, int maxDays) {
        LocalDate today = now.atZone(Clocks.FRANCE).toLocalDate();
        LocalDate chosen = day == null ? today.plusDays(Math.min(defaultDays, maxDays)) : day;
        if (!chosen.isAfter(today)) {
            throw new RuleViolation("expiresOn", "identity.rule.tokenExpiryPast",
                    "The token must expire after today.");
        }
        if (chosen.isAfter(today.plusDays(maxDays))) {
            throw new RuleViolation("expiresOn", "identity.rule.tokenExpiryTooFar",
                    "A token expires at most " + maxDays + " days from today.", maxDays);
        }
        return chosen.plusDays(1).atStartOfDay(Clocks.FRANCE).toInstant();
    }

    /** Revokes the token: it stops working at once, and for good. A token revoked already stays as it was. */
    public void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    public Long id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public String name() {
        return name;
    }

    public TokenScope scope() {
        return scope;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The last day the token works, in France (it expires at the end of it). */
    public LocalDate lastDay() {
        return expiresAt.atZone(Clocks.FRANCE).toLocalDate().minusDays(1);
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    public int version() {
        return version;
    }
}
