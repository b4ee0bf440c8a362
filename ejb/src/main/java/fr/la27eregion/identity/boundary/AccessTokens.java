package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.control.SecurityEvents;
import fr.la27eregion.identity.entity.AccessToken;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.entity.TokenScope;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Personal access tokens (issue 9): every signed-in person creates, lists and revokes their own; the secretariat
 * lists and revokes anyone's; the authentication mechanism checks the token of an API request.
 *
 * <p>A token acts with its account's roles and organisation as they are at each request: {@link #authenticate}
 * reads the account every time, so a token stops working at once when its account is disabled or locked, and
 * loses a role with its account. Creation and revocation are journaled with the token's id, name and display
 * prefix, never the secret. Refusals (unknown, expired, revoked token, account that cannot log in, read-only token
 * on a write) can be caused by anyone at will, so they go through {@link SecurityEvents} like refused logins:
 * counted per client address and minute, the first of each cause journaled.
 */
@Stateless
@RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.REVIEWER_NAME,
    Role.JURY_NAME, Role.AUDITOR_NAME})
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    /** How the journal names tokens. */
    static final String TOKEN = "AccessToken";

    /** How old the kept time of a token's last use may be: it is written at most this often. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    /** A token just created, with its secret: shown once to its owner, kept nowhere. */
    public record Created(AccessToken token, String secret) {
    }

    /** Why a token was refused; {@link #READ_ONLY} is a 403 (the caller is known), the others a 401. */
    public enum Refusal {
        UNKNOWN("unknown token"),
        EXPIRED("token expired"),
        REVOKED("token revoked"),
        ACCOUNT_CANNOT_LOG_IN("account disabled or locked"),
        READ_ONLY("read-only token");

        private final String cause;

        Refusal(String cause) {
            this.cause = cause;
        }

        /** The cause as the journal and the log say it. */
        public String cause() {
            return cause;
        }
    }

    /** The answer for a token: the caller it opens, or why it opens nothing. */
    public record Check(Logins.Caller caller, Refusal refusal) {

        static Check allowed(Logins.Caller caller) {
            return new Check(caller, null);
        }

        static Check refused(Refusal refusal) {
            return new Check(null, refusal);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private IdentitySettings settings;

    @Inject
    private Journal journal;

    @Inject
    private SecurityEvents events;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private CallerScope callers;

    /**
     * Creates a token of the caller's account. The expiry day is optional (then {@code identity.tokens.default-days}
     * from today) and at most {@code identity.tokens.max-days} ahead.
     */
    public Created create(String name, TokenScope scope, LocalDate expiresOn) {
        Account account = caller();
        Instant now = clock.instant();
        Instant expires = AccessToken.expiry(expiresOn, now, settings.tokenDefaultDays(), settings.tokenMaxDays());
        TokenSecret secret = TokenSecret.generate();
        AccessToken token = AccessToken.issue(account, name, scope, secret, now, expires);
        em.persist(token);
        em.flush();
        LOG.info(() -> "Access token " + token.id() + " (" + token.prefix() + "…) created for '" + account.username()
                + "', " + token.scope() + ", until " + expires);
        Map<String, Object> details = describe(token);
        details.put("expiresAt", expires.toString());
        journal.append("token.create", TOKEN, token.id().toString(), null, AccessToken.State.ACTIVE.name(), null,
                details);
        return new Created(token, secret.value());
    }

    /** The caller's own tokens, newest first, whatever their state. */
    public List<AccessToken> mine() {
        return ofAccount(caller());
    }

    /** Revokes one of the caller's own tokens, as last seen ({@code version}). */
    public AccessToken revokeMine(long id, int version) {
        AccessToken token = current(id, version);
        if (!token.account().id().equals(caller().id())) {
            throw new AccessRefused("This token belongs to another account.");
        }
        return revoke(token);
    }

    /** Any account's tokens, newest first, for the secretariat. */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public List<AccessToken> ofAccount(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new RecordNotFound("This account no longer exists.");
        }
        return ofAccount(account);
    }

    /** Revokes any account's token, as last seen ({@code version}), for the secretariat. */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public AccessToken revoke(long id, int version) {
        return revoke(current(id, version));
    }

    /**
     * The caller a token opens for a request of this HTTP method: its account's current username and roles, when
     * the token is well-formed, known, neither expired nor revoked, its account can log in now, and its scope
     * allows the method. Open to everyone: the mechanism asks before the container knows a caller. A malformed
     * token is refused without a database read (its checksum); the time of the last use is written at most once
     * a minute, by an update that leaves the version alone.
     *
     * <p>Without a transaction of its own ({@code SUPPORTS}: the mechanism has none): the token and its account
     * are one statement on a connection in autocommit, where a transaction cost a {@code BEGIN} and a
     * {@code COMMIT} in PostgreSQL and the container's transaction work in the server, on every API request
     * (ops/bench/label-transitions). The rare writes, a refusal journaled or the time of the last use, take a
     * transaction of their own ({@link #record}).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Check authenticate(String sent, String httpMethod) {
        Instant now = clock.instant();
        Optional<TokenSecret> secret = TokenSecret.parse(sent);
        Optional<AccessToken> found = secret.flatMap(s -> em.createNamedQuery(AccessToken.BY_HASH, AccessToken.class)
                .setParameter("hash", s.hash()).getResultStream().findFirst());
        if (found.isEmpty()) {
            return self().record(null, Refusal.UNKNOWN, now);
        }
        AccessToken token = found.get();
        Optional<Refusal> refusal = refusal(token, httpMethod, now);
        if (refusal.isPresent()) {
            return self().record(token.id(), refusal.get(), now);
        }
        if (token.lastUsedAt().map(last -> last.isBefore(now.minus(LAST_USE_PRECISION))).orElse(true)) {
            self().record(token.id(), null, now);
        }
        // kept for the request, as a password's login check does: the boundaries need not read the account again
        Account account = token.account();
        callers.loggedIn(account);
        return Check.allowed(new Logins.Caller(account.username(), account.displayName(), account.roles()));
    }

    /**
     * What {@link #authenticate} writes, in a transaction of its own: a refusal (counted, the first of its cause
     * in the minute journaled), or, without one, the time of the token's use. Open to everyone for the same
     * reason; it changes nothing but the token's time of last use, which it only moves forward.
     *
     * @param tokenId the token found (null: none was)
     * @param refusal why it was refused; null: it was allowed, and its use is recorded
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Check record(Long tokenId, Refusal refusal, Instant now) {
        if (refusal != null) {
            return refused(refusal, tokenId == null ? null : em.find(AccessToken.class, tokenId), now);
        }
        if (tokenId != null) {
            em.createNamedQuery(AccessToken.USED).setParameter("now", now).setParameter("id", tokenId)
                    .setParameter("since", now.minus(LAST_USE_PRECISION)).executeUpdate();
        }
        return null;
    }

    /** Why a token found cannot open this request now, if it cannot. */
    private static Optional<Refusal> refusal(AccessToken token, String httpMethod, Instant now) {
        switch (token.state(now)) {
            case REVOKED:
                return Optional.of(Refusal.REVOKED);
            case EXPIRED:
                return Optional.of(Refusal.EXPIRED);
            default:
                break;
        }
        if (!token.account().canLogIn(now)) {
            return Optional.of(Refusal.ACCOUNT_CANNOT_LOG_IN);
        }
        if (!token.scope().allows(httpMethod)) {
            return Optional.of(Refusal.READ_ONLY);
        }
        return Optional.empty();
    }

    /** This bean through the container, so that {@link #record} gets its transaction. */
    private AccessTokens self() {
        return session.getBusinessObject(AccessTokens.class);
    }

    private AccessToken revoke(AccessToken token) {
        String before = token.state(clock.instant()).name();
        token.revoke(session.getCallerPrincipal().getName(), clock.instant());
        try {
            em.flush();
        } catch (OptimisticLockException changed) {
            throw new StaleRecord("This token was changed by someone else meanwhile: reload it and try again.");
        }
        LOG.info(() -> "Access token " + token.id() + " (" + token.prefix() + "…) of '" + token.account().username()
                + "' revoked by '" + session.getCallerPrincipal().getName() + "'");
        journal.append("token.revoke", TOKEN, token.id().toString(), before, AccessToken.State.REVOKED.name(), null,
                describe(token));
        return token;
    }

    /**
     * Records a refused token, which anyone can cause at will: counted per client address and minute, and only
     * the first of its cause from that address in the minute is journaled ({@link SecurityEvents}).
     */
    private Check refused(Refusal refusal, AccessToken token, Instant now) {
        LOG.info(() -> "Access token refused: " + refusal.cause()
                + (token == null ? "" : " (token " + token.id() + " of '" + token.account().username() + "')"));
        if (events.countFirst("token.refused/" + refusal.cause(), now)) {
            Map<String, Object> details = token == null ? new LinkedHashMap<>() : describe(token);
            details.put("cause", refusal.cause());
            details.put("clientAddress", events.address());
            details.put("firstOfMinute", true);
            String state = token == null ? null : token.state(now).name();
            journal.append("token.refused", token == null ? null : TOKEN, token == null ? null : token.id().toString(),
                    state, state, null, details);
        }
        return Check.refused(refusal);
    }

    private List<AccessToken> ofAccount(Account account) {
        return em.createNamedQuery(AccessToken.OF_ACCOUNT, AccessToken.class).setParameter("account", account.id())
                .getResultList();
    }

    private AccessToken current(long id, int version) {
        AccessToken token = em.find(AccessToken.class, id);
        if (token == null) {
            throw new RecordNotFound("This token no longer exists.");
        }
        if (token.version() != version) {
            throw new StaleRecord("This token was changed by someone else: reload it and try again.");
        }
        return token;
    }

    private Account caller() {
        String username = session.getCallerPrincipal().getName();
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst()
                .orElseThrow(() -> new AccessRefused("Only a platform account has access tokens."));
    }

    /** What the journal keeps of a token: whose, its name, scope and display prefix (never the secret or hash). */
    private static Map<String, Object> describe(AccessToken token) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("account", token.account().username());
        described.put("name", token.name());
        described.put("scope", token.scope().name());
        described.put("prefix", token.prefix());
        return described;
    }
}
