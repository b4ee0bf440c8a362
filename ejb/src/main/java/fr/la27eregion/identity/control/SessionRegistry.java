package fr.la27eregion.identity.control;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.SignedInSession;
import fr.la27eregion.identity.entity.TokenSecret;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The intranet sessions of the accounts, in PostgreSQL ({@link SignedInSession}) rather than in one server's
 * memory, so that ending a session works whichever instance of a cluster its next request reaches (DESIGN §5).
 * The HTTP session holds a random key of 256 bits; the table its SHA-256 only.
 *
 * <p>Each intranet request of a session reads its row by that hash (a unique index); the time it was last seen is
 * written at most once a minute, without a lock, so a busy session costs one indexed read per page.
 */
@Dependent
public class SessionRegistry {

    /** How old the kept time a session was last seen may be: it is written at most this often. */
    static final Duration SEEN_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private IdentitySettings settings;

    /** Opens a session of the account; returns its key, for the HTTP session only. */
    public String open(Account account, String userAgent, String address, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new SignedInSession(TokenSecret.sha256(key), account, userAgent, address, now));
        return key;
    }

    /** The session of this key while it is active (and of this account), noted as seen now; empty otherwise. */
    public Optional<SignedInSession> stillActive(String key, Account account, Instant now) {
        Optional<SignedInSession> found = find(key).filter(session -> session.accountId().equals(account.id())
                && session.isActive(now, settings.sessionTimeout()));
        found.filter(session -> session.lastSeenAt().isBefore(now.minus(SEEN_PRECISION))).ifPresent(session ->
                em.createNamedQuery(SignedInSession.SEEN).setParameter("now", now).setParameter("id", session.id())
                        .setParameter("since", now.minus(SEEN_PRECISION)).executeUpdate());
        return found;
    }

    /** The session of this key, whatever its state. */
    public Optional<SignedInSession> find(String key) {
        return key == null ? Optional.empty() : em.createNamedQuery(SignedInSession.BY_KEY, SignedInSession.class)
                .setParameter("hash", TokenSecret.sha256(key)).getResultStream().findFirst();
    }

    /** The account's active sessions, the one seen last first. */
    public List<SignedInSession> active(Account account, Instant now) {
        return em.createNamedQuery(SignedInSession.ACTIVE, SignedInSession.class).setParameter("account", account.id())
                .setParameter("since", now.minus(settings.sessionTimeout())).getResultList();
    }

    /** Ends the session of this key, if it is open; whether it was. */
    public boolean end(String key, String by, Instant now) {
        return find(key).map(session -> session.end(by, now)).orElse(false);
    }

    /** Ends every open session of the account but the one of {@code kept} (none: all); how many it ended. */
    public int endOthers(Account account, String kept, String by, Instant now) {
        return em.createNamedQuery(SignedInSession.END_OTHERS).setParameter("now", now).setParameter("by", by)
                .setParameter("account", account.id())
                .setParameter("kept", kept == null ? "" : TokenSecret.sha256(kept)).executeUpdate();
    }
}
