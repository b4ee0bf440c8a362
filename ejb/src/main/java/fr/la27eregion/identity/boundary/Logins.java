package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Checks a login for the identity store: the password against its PBKDF2 hash, and the account's state. Open to
 * everyone, since nobody is authenticated yet when it runs. One transaction, so a failure counts exactly once.
 *
 * <p>The answer is only "who, with which roles" or nothing: an unknown username, a wrong password, a disabled
 * or a locked account look the same from outside (and take the same time), so the answer never reveals whether
 * an account exists. The log says which it was, for the administrators.
 */
@Stateless
@PermitAll
public class Logins {

    private static final Logger LOG = Logger.getLogger(Logins.class.getName());

    /** Who logged in and what they may do. */
    public record Caller(String username, String displayName, Set<Role> roles) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private IdentitySettings settings;

    private final Clock clock = Clock.systemUTC();

    /** The caller for these credentials, or empty when they do not open an account now. */
    public Optional<Caller> check(String username, String password) {
        Instant now = clock.instant();
        Optional<Account> found = username == null ? Optional.empty()
                : em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty()) {
            passwords.verifyDecoy(password);
            LOG.info(() -> "Login refused: no account '" + printable(username) + "'");
            return Optional.empty();
        }
        Account account = found.get();
        boolean correct = passwords.verify(password, account.passwordHash());
        if (!account.enabled()) {
            LOG.info(() -> "Login refused: account '" + account.username() + "' is disabled");
            return Optional.empty();
        }
        if (account.isLocked(now)) {
            LOG.info(() -> "Login refused: account '" + account.username() + "' is locked until "
                    + account.lockedUntil().orElseThrow());
            return Optional.empty();
        }
        if (!correct) {
            boolean locked = account.recordFailedLogin(now, settings.maxFailures(), settings.lock());
            LOG.info(() -> "Login refused: wrong password for '" + account.username() + "' (" + account.failedLogins()
                    + " in a row)" + (locked ? "; account locked until " + account.lockedUntil().orElseThrow() : ""));
            return Optional.empty();
        }
        account.recordSuccessfulLogin(now);
        LOG.fine(() -> "Login of '" + account.username() + "'");
        return Optional.of(new Caller(account.username(), account.displayName(), account.roles()));
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
                .map(account -> new Caller(account.username(), account.displayName(), account.roles()));
    }

    private static String printable(String username) {
        return username == null ? "" : username.replaceAll("[^\\p{Graph} ]", "?")
                .substring(0, Math.min(username.length(), 64));
    }
}
