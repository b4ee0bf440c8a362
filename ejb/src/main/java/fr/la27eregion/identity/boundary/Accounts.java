package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.PasswordReset;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.database.Like;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Administration of accounts by the network's secretariat: list, create, disable and enable, change roles,
 * reset a password. Each method is one transaction, with its journal entry (never a password, hash or token);
 * a stale change (someone else changed the account since it was read) is refused rather than lost.
 *
 * <p>Setting a new password from a reset link is open to everyone: the one-time link is the proof.
 */
@Stateless
@RolesAllowed(Role.NETWORK_ADMIN_NAME)
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private IdentitySettings settings;

    @Inject
    private Journal journal;

    @Inject
    private ResetLinks resetLinks;

    @Inject
    private Clock clock;

    /** Accounts whose username, name or e-mail contains {@code filter}, by username, one page at a time. */
    public List<Account> page(String filter, int first, int size) {
        return em.createNamedQuery(Account.MATCHING, Account.class).setParameter("filter", Like.containing(filter))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 200)))
                .getResultList();
    }

    public long count(String filter) {
        return em.createNamedQuery(Account.COUNT_MATCHING, Long.class).setParameter("filter", Like.containing(filter))
                .getSingleResult();
    }

    /** Creates an enabled account; the username must be free. */
    public Account create(String username, String displayName, String email, String password, Set<Role> roles,
                          Long organisationId) {
        if (username != null && !em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username).getResultList().isEmpty()) {
            throw new RuleViolation("username", "identity.rule.usernameTaken",
                    "The username '" + username + "' is already taken.", username);
        }
        requireOrganisation(organisationId);
        Account account = Account.create(username, displayName, email, password, roles, organisationId,
                passwords::hash, clock.instant());
        em.persist(account);
        LOG.info(() -> "Account '" + username + "' created with roles " + roles);
        journal.append("account.create", Logins.ACCOUNT, account.username(), null, Logins.ENABLED, null,
                describe(account));
        return account;
    }

    /** Disables the account: it no longer logs in, its records stay. */
    public Account disable(long id, int version) {
        Account account = current(id, version);
        String before = state(account);
        account.disable();
        written(account);
        LOG.info(() -> "Account '" + account.username() + "' disabled");
        journal.append("account.disable", Logins.ACCOUNT, account.username(), before, state(account), null, null);
        return account;
    }

    public Account enable(long id, int version) {
        Account account = current(id, version);
        String before = state(account);
        account.enable();
        written(account);
        LOG.info(() -> "Account '" + account.username() + "' enabled");
        journal.append("account.enable", Logins.ACCOUNT, account.username(), before, state(account), null, null);
        return account;
    }

    public Account changeRoles(long id, int version, Set<Role> roles, Long organisationId) {
        Account account = current(id, version);
        Map<String, Object> before = describe(account);
        requireOrganisation(organisationId);
        account.changeRoles(roles, organisationId);
        written(account);
        LOG.info(() -> "Account '" + account.username() + "' now has roles " + roles);
        journal.append("account.roles", Logins.ACCOUNT, account.username(), null, null, null,
                Map.of("before", before, "after", describe(account)));
        return account;
    }

    /**
     * Issues a one-time reset link for the account, valid {@code identity.reset-link.hours}. When a mail server is
     * configured, the link is mailed to the account's address after commit (in the account's language), and it
     * never goes to the log; otherwise the link is written to the
     * server log for the administrator to pass on.
     */
    public PasswordResetIssued requestPasswordReset(long id) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new RecordNotFound("This account no longer exists.");
        }
        return resetLinks.issue(account);
    }

    /** A reset link issued: until when it works, and the address it was mailed to (null: written to the log). */
    public record PasswordResetIssued(Instant validUntil, String mailedTo) implements java.io.Serializable {
    }

    /** Sets a new password with a reset link's token; the link then no longer works. */
    @PermitAll
    public void resetPassword(String token, String newPassword) {
        PasswordReset reset = token == null ? null : em.find(PasswordReset.class, TokenSecret.sha256(token));
        if (reset == null) {
            throw new RuleViolation(null, "identity.rule.resetLinkInvalid",
                    "This link has expired or was already used. Ask an administrator for a new one.");
        }
        Account account = reset.use(clock.instant());
        account.changePassword(newPassword, passwords::hash);
        LOG.info(() -> "Password of '" + account.username() + "' changed with a reset link");
        journal.append("account.password-reset", Logins.ACCOUNT, account.username(), null, null, null, null);
    }

    private Account current(long id, int version) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new RecordNotFound("This account no longer exists.");
        }
        return seenAt(account, version);
    }

    /** The account, when it is still at the version its changer saw; a stale change is refused. */
    static Account seenAt(Account account, int version) {
        if (account.version() != version) {
            throw new StaleRecord("This account was changed by someone else: reload it and try again.");
        }
        return account;
    }

    private void written(Account account) {
        written(em, account);
    }

    /**
     * Writes the change now: an account changed by someone else between {@link #current} and here is refused as
     * stale, with the same answer as a stale version, rather than failing at commit as a server error.
     */
    static void written(EntityManager em, Account account) {
        try {
            em.flush();
        } catch (OptimisticLockException changed) {
            throw new StaleRecord("The account '" + account.username() + "' was changed by someone else meanwhile:"
                    + " reload it and try again.");
        }
    }

    /** An account's organisation must exist (the membership feature's table; read here by id only). */
    private void requireOrganisation(Long organisationId) {
        if (organisationId != null && em.createNativeQuery("SELECT 1 FROM organisation WHERE id = ?1")
                .setParameter(1, organisationId).getResultList().isEmpty()) {
            throw new RuleViolation("organisation", "identity.rule.unknownOrganisation",
                    "There is no organisation " + organisationId + ".", organisationId);
        }
    }

    private String state(Account account) {
        if (!account.enabled()) {
            return Logins.DISABLED;
        }
        return account.isLocked(clock.instant()) ? Logins.LOCKED : Logins.ENABLED;
    }

    /** What the journal keeps of an account: its roles and organisation (never a password or hash). */
    private static Map<String, Object> describe(Account account) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("roles", account.roles().stream().map(Role::name).sorted().toList());
        account.organisationId().ifPresent(organisation -> described.put("organisation", organisation));
        return described;
    }
}
