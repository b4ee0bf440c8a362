package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.database.UtcTimestamp;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An intranet session of an account (form login or single sign-on), as every application-server instance sees
 * it: the HTTP session keeps a random key, this record its SHA-256 ({@code account_session}, V23). The session is
 * active while it is not ended and was seen within the session timeout; once ended (by its owner from another
 * session, by a password change, by the logout), its next intranet request lands on the login page, whichever
 * instance serves it.
 */
@Entity
@Table(name = "account_session")
@NamedQuery(name = SignedInSession.BY_KEY, query = "SELECT s FROM SignedInSession s WHERE s.keyHash = :hash")
@NamedQuery(name = SignedInSession.ACTIVE, query = "SELECT s FROM SignedInSession s WHERE s.accountId = :account"
        + " AND s.endedAt IS NULL AND s.lastSeenAt > :since ORDER BY s.lastSeenAt DESC, s.id DESC")
// the time a session was last seen, at most once a minute, with no lock: it is only shown
@NamedQuery(name = SignedInSession.SEEN, query = "UPDATE SignedInSession s SET s.lastSeenAt = :now WHERE s.id = :id"
        + " AND s.lastSeenAt < :since")
@NamedQuery(name = SignedInSession.END_OTHERS, query = "UPDATE SignedInSession s SET s.endedAt = :now,"
        + " s.endedBy = :by WHERE s.accountId = :account AND s.endedAt IS NULL AND s.keyHash <> :kept")
public class SignedInSession {

    public static final String BY_KEY = "SignedInSession.byKey";
    public static final String ACTIVE = "SignedInSession.active";
    public static final String SEEN = "SignedInSession.seen";
    public static final String END_OTHERS = "SignedInSession.endOthers";

    /** The longest user agent kept: enough to tell browsers apart, not a place to store anything. */
    static final int USER_AGENT_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "key_hash", nullable = false, updatable = false, length = 64)
    private String keyHash;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "user_agent", length = USER_AGENT_LENGTH, updatable = false)
    private String userAgent;

    @Column(length = 64, updatable = false)
    private String address;

    @Convert(converter = UtcTimestamp.class)
    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = 64)
    private String endedBy;

    protected SignedInSession() {
        // for JPA
    }

    public SignedInSession(String keyHash, Account account, String userAgent, String address, Instant now) {
        this.keyHash = keyHash;
        this.accountId = account.id();
        this.startedAt = now;
        this.lastSeenAt = now;
        this.userAgent = userAgent == null ? null
                : userAgent.substring(0, Math.min(userAgent.length(), USER_AGENT_LENGTH));
        this.address = address == null ? null : address.substring(0, Math.min(address.length(), 64));
    }

    /** Whether the session may go on: not ended, and seen within the session timeout. */
    public boolean isActive(Instant now, Duration timeout) {
        return endedAt == null && lastSeenAt.isAfter(now.minus(timeout));
    }

    /** Ends the session ({@code by}: the username of whoever ended it); an ended session stays as it was. */
    public boolean end(String by, Instant now) {
        if (endedAt != null) {
            return false;
        }
        endedAt = now;
        endedBy = by;
        return true;
    }

    public Long id() {
        return id;
    }

    public String keyHash() {
        return keyHash;
    }

    public Long accountId() {
        return accountId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }
}
