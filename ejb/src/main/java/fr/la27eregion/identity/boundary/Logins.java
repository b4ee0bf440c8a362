package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.control.SecurityEvents;
import fr.la27eregion.identity.control.SessionRegistry;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.request.Printable;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Checks a login for the identity store: the password against its PBKDF2 hash, and the account's state. Open to
 * everyone, since nobody is authenticated yet when it runs. One transaction, so a failure counts exactly once.
 *
 * <p>The answer is only "who, with which roles" or nothing: an unknown username, a wrong password, a disabled
 * or a locked account look the same from outside (and take the same time), so the answer never reveals whether
 * an account exists. The log and the journal say which it was, for the administrators and auditors; the journal
 * never records what was typed for an unknown account (people sometimes type their password there).
 *
 * <p>Anyone can cause refusals at will, so they are counted per client address and minute, and the journal keeps
 * the first of each cause from an address in a minute with that address ({@link SecurityEvents}); wrong
 * passwords for an account are journaled each, since the lockout bounds them. A successful login of an account
 * with nothing to reset (the usual request of a machine client) neither locks nor writes the account, except for
 * the time of the last login, kept to the minute.
 */
@Stateless
@PermitAll
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class.getName());

    /** How the journal names accounts and their states (ENABLED, LOCKED, DISABLED). */
    static final String ACCOUNT = "Account";
    static final String ENABLED = "ENABLED";
    static final String LOCKED = "LOCKED";
    static final String DISABLED = "DISABLED";

    /** How old the kept time of an account's last login may be: it is written at most this often. */
    static final Duration LAST_LOGIN_PRECISION = Duration.ofMinutes(1);

    /** Who logged in and what they may do. */
    public record Caller(String username, String displayName, Set<Role> roles) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private IdentitySettings settings;

    @Inject
    private Journal journal;

    @Resource
    private SessionContext session;

    @Inject
    private SecurityEvents events;

    @Inject
    private Clock clock;

    @Inject
    private CallerScope scope;

    @Inject
    private SessionRegistry sessions;

    /** The caller for these credentials, or empty when they do not open an account now. */
    public Optional<Caller> check(String username, String password) {
        Instant now = clock.instant();
        Optional<Account> found = username == null ? Optional.empty()
                : em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                        .getResultStream().findFirst();
        if (found.isEmpty()) {
            passwords.verifyDecoy(password);
            LOG.info(() -> "Login refused: no account '" + Printable.of(username) + "'");
            refused("unknown account", null, null, Map.of("cause", "unknown account"), now);
            return Optional.empty();
        }
        Account account = found.get();
        // the hash is checked before the account's row is locked: PBKDF2 is the costly part (tens of ms), and a
        // machine client sends its credentials with every request, so holding the lock through it would make one
        // account's requests wait for each other. The lock then guards only the count of failures and the lockout.
        String hashChecked = account.passwordHash();
        boolean correct = passwords.verify(password, hashChecked);
        if (correct && account.enabled() && account.hasNothingToReset()) {
            // the usual case of a machine client: nothing to reset, so no lock and no write (but the time of the
            // last login, at most once a minute); a failure or a lockout meanwhile is serialized after this success
            loggedIn(account, now);
            return Optional.of(loggedIn(account));
        }
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        if (!hashChecked.equals(account.passwordHash())) {
            // the password changed meanwhile: check against the new one
            correct = passwords.verify(password, account.passwordHash());
        }
        if (!account.enabled()) {
            LOG.info(() -> "Login refused: account '" + account.username() + "' is disabled");
            refused("account disabled", account.username(), DISABLED, Map.of("cause", "account disabled"), now);
            return Optional.empty();
        }
        if (account.isLocked(now)) {
            LOG.info(() -> "Login refused: account '" + account.username() + "' is locked until "
                    + account.lockedUntil().orElseThrow());
            refused("account locked", account.username(), LOCKED, Map.of("cause", "account locked",
                    "lockedUntil", account.lockedUntil().orElseThrow().toString()), now);
            return Optional.empty();
        }
        if (!correct) {
            boolean locked = account.recordFailedLogin(now, settings.maxFailures(), settings.lock());
            LOG.info(() -> "Login refused: wrong password for '" + account.username() + "' (" + account.failedLogins()
                    + " in a row)" + (locked ? "; account locked until " + account.lockedUntil().orElseThrow() : ""));
            journal.append("login.failed", ACCOUNT, account.username(), ENABLED, locked ? LOCKED : ENABLED, null,
                    Map.of("failuresInARow", account.failedLogins()));
            if (locked) {
                journal.append("account.lock", ACCOUNT, account.username(), ENABLED, LOCKED, null,
                        Map.of("lockedUntil", account.lockedUntil().orElseThrow().toString()));
            }
            return Optional.empty();
        }
        account.recordSuccessfulLogin(now);
        LOG.fine(() -> "Login of '" + account.username() + "'");

        return Optional.of(loggedIn(account));
    }

    /** The caller of this account, also kept as the request's caller for the boundaries it calls next. */
    private Caller loggedIn(Account account) {
        scope.loggedIn(account);
        return new Caller(account.username(), account.displayName(), account.roles());
    }

    /**
     * Keeps the time of the last login, to the minute: written only when the one kept is older than a minute, by
     * an update that leaves the version alone, so a machine client's requests neither lock nor write the account.
     */
    private void loggedIn(Account account, Instant now) {
        Instant since = now.minus(LAST_LOGIN_PRECISION);
        if (account.lastLoginAt().map(last -> last.isBefore(since)).orElse(true)) {
            em.createNamedQuery(Account.LOGGED_IN).setParameter("now", now).setParameter("id", account.id())
                    .setParameter("since", since).executeUpdate();
        }
        LOG.fine(() -> "Login of '" + account.username() + "'");
    }

    /**
     * Records a refused login (unknown account, disabled, locked), which anyone can cause at will: every one is
     * counted per client address and minute, and only the first of its cause from that address in the minute is
     * journaled, so the journal keeps the event without growing with each attempt ({@link SecurityEvents}).
     * Wrong passwords for an account are journaled each ({@code login.failed}): the lockout bounds them.
     */
    private void refused(String cause, String account, String state, Map<String, Object> details, Instant now) {
        if (events.countFirst("login.refused/" + cause, now)) {
            Map<String, Object> journaled = new HashMap<>(details);
            journaled.put("clientAddress", events.address());
            journaled.put("firstOfMinute", true);
            journal.append("login.refused", account == null ? null : ACCOUNT, account, state, state, null, journaled);
        }
    }

    /**
     * Records a refused credential that is not a password (the API's bearer token that is not valid or names no
     * account that can log in now, HTTP Basic while it is switched off): counted and journaled like the other
     * refusals anyone can cause at will, the first of its cause from an address in a minute. The credential itself
     * is never recorded. Open to everyone like {@link #check}.
     */
    public void refusedCredential(String cause) {
        refused(cause, null, null, Map.of("cause", cause), clock.instant());
    }

    /**
     * The caller of an open session, as the account is now: empty when it was disabled or locked since the login,
     * otherwise with its current roles, so a change by an administrator takes effect on the next intranet page
     * rather than when the session ends.
     */
    public Optional<Caller> stillAllowed(String username) {
        Instant now = clock.instant();
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst().filter(account -> account.canLogIn(now))
                // kept for the request, as a password's or a personal token's check keeps it
                .map(this::loggedIn);
    }

    /**
     * A session opened by an interactive login: the key its HTTP session keeps (never shown, never logged) and the
     * language the account reads, for the pages that follow.
     */
    public record OpenedSession(String key, String language) implements java.io.Serializable {
    }

    /**
     * Records an interactive login (the login page, a single sign-on) and opens its session in the registry shared
     * by every server instance ({@link SessionRegistry}), with the browser's user agent and the client's address.
     * Machine clients of the API send their credentials with every request: their successes are neither journaled
     * nor sessions, their failures are journaled (by {@link #check}). Open to everyone like {@link #check}: the
     * container does not know the caller yet. Empty when there is no such account.
     */
    public Optional<OpenedSession> recordLogin(String username, String userAgent) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst().map(account -> {
                    String key = sessions.open(account, userAgent, events.address(), clock.instant());
                    journal.append("login", ACCOUNT, account.username(), null, null, null,
                            Map.of("roles", account.roles().stream().map(Role::name).sorted().toList()));
                    return new OpenedSession(key, account.language());
                });
    }

    /**
     * The caller of an open intranet session, as the account is now (see {@link #stillAllowed}); empty when the
     * session was ended since (by its owner from another session, by a password change) or timed out, or when the
     * account was disabled or locked since the login: then the session is ended and that is journaled. Open to
     * everyone like {@link #stillAllowed}: the mechanism asks before the container knows the caller.
     */
    public Optional<Caller> stillSignedIn(String username, String sessionKey) {
        Instant now = clock.instant();
        Optional<Account> found = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username).getResultStream().findFirst();
        if (found.isPresent() && !found.get().canLogIn(now)) {
            sessions.end(sessionKey, username, now);
            journal.append("session.ended", ACCOUNT, username, null, null, null,
                    Map.of("cause", "account disabled or locked since the login"));
            return Optional.empty();
        }
        return found.filter(account -> sessions.stillActive(sessionKey, account, now).isPresent())
                .map(this::loggedIn);
    }

    /** Records the logout of the caller (an account of any role) and ends its session, before the HTTP one ends. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.REVIEWER_NAME,
        Role.JURY_NAME, Role.AUDITOR_NAME})
    public void logout(String sessionKey) {
        String username = session.getCallerPrincipal().getName();
        sessions.end(sessionKey, username, clock.instant());
        journal.append("logout", ACCOUNT, username, null, null, null, null);
    }

}
