package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.control.SessionRegistry;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.entity.SignedInSession;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * "My account" (issue 12): what every signed-in person does with their own account, whatever their role: read
 * it, change their password, choose the language of their pages and mails, see the sessions signed in and end
 * the others. Named after the page rather than in the plural like the other boundaries: every method acts on the
 * caller's own account only, which the caller's principal names, so no method takes an account's id.
 *
 * <p>Each change is one transaction, checked against the version the person saw, journaled last (never a
 * password or a hash). A wrong current password counts as a failed login of the account (the same lockout, so a
 * borrowed session cannot guess the password faster than the login page allows); the web module also counts it
 * against the client's address like a failed login. The account has no workflow of its own (no state table): its
 * changes are edits, as the secretariat's in {@link Accounts}.
 */
@Stateless
@RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.REVIEWER_NAME,
    Role.JURY_NAME, Role.AUDITOR_NAME})
public class MyAccount {

    private static final Logger LOG = Logger.getLogger(MyAccount.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** The mail telling the account's address its password was changed. */
    static final String PASSWORD_CHANGED = "account.password-changed";

    /** The caller's account as "My account" shows it. */
    public record Profile(long id, String username, String displayName, String email, List<String> roles,
                          String organisation, String language, int version) implements Serializable {
    }

    /** An active session of the caller's account; {@code current}: the one this request belongs to. */
    public record SessionLine(long id, Instant startedAt, Instant lastSeenAt, String userAgent, String address,
                              boolean current) implements Serializable {
    }

    /** What came of a password change. */
    public enum Outcome {
        /** Changed; the other sessions ended, a mail to the account's address. */
        CHANGED,
        /** The current password given is wrong: counted as a failed login. */
        WRONG_CURRENT,
        /** Too many wrong passwords: the account is locked for a while (its sessions then end). */
        LOCKED
    }

    /**
     * A password change's outcome, the account's version now (a refusal counts on the account, so it changes it
     * too) and, when changed, how many other sessions it ended.
     */
    public record PasswordChange(Outcome outcome, int version, int otherSessionsEnded) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private IdentitySettings settings;

    @Inject
    private SessionRegistry sessions;

    @Inject
    private Journal journal;

    @Inject
    private Notifications notifications;

    @Resource
    private SessionContext context;

    @Inject
    private Clock clock;

    /** The caller's account: who, which roles, which organisation, which language. */
    public Profile me() {
        Account account = caller();
        List<?> names = account.organisationId().isEmpty() ? List.of() : em.createNativeQuery(
                "SELECT name FROM organisation WHERE id = ?1").setParameter(1, account.organisationId().get())
                .getResultList();
        String organisation = names.isEmpty() ? null : String.valueOf(names.get(0));
        return new Profile(account.id(), account.username(), account.displayName(), account.email(),
                account.roles().stream().map(Role::name).sorted().toList(), organisation, account.language(),
                account.version());
    }

    /**
     * Changes the caller's password, as last seen ({@code version}): the current one must be right, the new one
     * typed twice the same and follow the policy ({@code PasswordPolicy}, and differ from the current one).
     * Then every other session of the account ends ({@code thisSession}: the key of the session that asks, kept;
     * none, from the API: all end), the account's address is told by mail, and the change is journaled.
     * A wrong current password is not an exception but an outcome, so that its count is kept (committed).
     */
    public PasswordChange changePassword(int version, String current, String newPassword, String confirmation,
                                         String thisSession) {
        if (current == null || current.isEmpty()) {
            throw new RuleViolation("current", "identity.rule.currentPasswordRequired",
                    "Type your current password.");
        }
        if (newPassword == null || !newPassword.equals(confirmation)) {
            throw new RuleViolation("confirmation", "identity.rule.passwordConfirmation",
                    "The confirmation differs from the new password.");
        }
        Account account = current(version);
        Instant now = clock.instant();
        if (account.isLocked(now)) {
            return new PasswordChange(Outcome.LOCKED, account.version(), 0);
        }
        if (!passwords.verify(current, account.passwordHash())) {
            return wrongCurrent(account, now);
        }
        account.replacePassword(current, newPassword, passwords::hash);
        Accounts.written(em, account);
        int ended = sessions.endOthers(account, thisSession, account.username(), now);
        notifications.mailOnly(new Notifications.Recipient(account.email(), account.language()), PASSWORD_CHANGED,
                List.of(account.username(), WHEN.format(now.atZone(Clocks.FRANCE)), settings.baseUrl()), now);
        LOG.info(() -> "Password of '" + account.username() + "' changed by its owner; " + ended
                + " other session(s) ended");
        journal.append("account.password-change", Logins.ACCOUNT, account.username(), null, null, null,
                Map.of("otherSessionsEnded", ended));
        return new PasswordChange(Outcome.CHANGED, account.version(), ended);
    }

    /** Keeps the language of the caller's pages and mails ({@code fr}, {@code en}), as last seen. */
    public Profile changeLanguage(int version, String language) {
        Account account = current(version);
        String before = account.language();
        account.chooseLanguage(language);
        if (!before.equals(account.language())) {
            Accounts.written(em, account);
            LOG.info(() -> "Account '" + account.username() + "' now reads " + language);
            journal.append("account.language", Logins.ACCOUNT, account.username(), null, null, null,
                    Map.of("before", before, "after", account.language()));
        }
        return me();
    }

    /** The caller's active sessions, the one seen last first; {@code thisSession} marks the asking one. */
    public List<SessionLine> sessions(String thisSession) {
        String mine = thisSession == null ? null : TokenSecret.sha256(thisSession);
        return sessions.active(caller(), clock.instant()).stream().map(session -> new SessionLine(session.id(),
                session.startedAt(), session.lastSeenAt(), session.userAgent().orElse(null),
                session.address().orElse(null), session.keyHash().equals(mine))).toList();
    }

    /**
     * Ends another session of the caller's account: its next intranet request lands on the login page, on any
     * server instance. The asking session ends by logging out, not here. Ending an ended session changes nothing.
     */
    public boolean endSession(long id, String thisSession) {
        Account account = caller();
        SignedInSession session = em.find(SignedInSession.class, id);
        if (session == null) {
            throw new RecordNotFound("This session no longer exists.");
        }
        if (!session.accountId().equals(account.id())) {
            throw new AccessRefused("This session belongs to another account.");
        }
        if (thisSession != null && session.keyHash().equals(TokenSecret.sha256(thisSession))) {
            throw new RuleViolation(null, "identity.rule.endThisSession",
                    "This is the session you are using: log out to end it.");
        }
        Instant now = clock.instant();
        if (!session.end(account.username(), now)) {
            return false;
        }
        em.flush();
        LOG.info(() -> "Session " + id + " of '" + account.username() + "' ended by its owner");
        journal.append("session.end", Logins.ACCOUNT, account.username(), null, null, null,
                describe(session));
        return true;
    }

    /**
     * Ends every other session of the caller's account, from one of its sessions ({@code thisSession}, kept); how
     * many it ended. A password change ends them all without being asked.
     */
    public int endOtherSessions(String thisSession) {
        if (thisSession == null) {
            throw new RuleViolation(null, "identity.rule.sessionRequired",
                    "Only a signed-in session ends the others: it is the one kept.");
        }
        Account account = caller();
        int ended = sessions.endOthers(account, thisSession, account.username(), clock.instant());
        if (ended > 0) {
            LOG.info(() -> ended + " other session(s) of '" + account.username() + "' ended by its owner");
            journal.append("session.end-others", Logins.ACCOUNT, account.username(), null, null, null,
                    Map.of("ended", ended));
        }
        return ended;
    }

    /**
     * Counts a wrong current password as a failed login of the account, under the account's lock as the login
     * does: the count and the lockout are the login's, and journaled as such.
     */
    private PasswordChange wrongCurrent(Account account, Instant now) {
        em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
        boolean locked = account.recordFailedLogin(now, settings.maxFailures(), settings.lock());
        em.flush();
        LOG.info(() -> "Password change refused: wrong current password for '" + account.username() + "' ("
                + account.failedLogins() + " in a row)" + (locked ? "; account locked" : ""));
        journal.append("account.password-change-refused", Logins.ACCOUNT, account.username(), Logins.ENABLED,
                locked ? Logins.LOCKED : Logins.ENABLED, null, Map.of("failuresInARow", account.failedLogins()));
        if (locked) {
            journal.append("account.lock", Logins.ACCOUNT, account.username(), Logins.ENABLED, Logins.LOCKED, null,
                    Map.of("lockedUntil", account.lockedUntil().orElseThrow().toString()));
        }
        return new PasswordChange(locked ? Outcome.LOCKED : Outcome.WRONG_CURRENT, account.version(), 0);
    }

    private Account caller() {
        String username = context.getCallerPrincipal().getName();
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst()
                .orElseThrow(() -> new AccessRefused("Only a platform account has an account page."));
    }

    private Account current(int version) {
        return Accounts.seenAt(caller(), version);
    }

    /** What the journal keeps of a session: its id, start, address (never its key or hash). */
    private static Map<String, Object> describe(SignedInSession session) {
        Map<String, Object> described = new HashMap<>();
        described.put("session", session.id());
        described.put("startedAt", session.startedAt().toString());
        session.address().ifPresent(address -> described.put("address", address));
        return described;
    }
}
