package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.database.SchemaMigrated;
import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The first account of a new installation: only the secretariat ({@code NETWORK_ADMIN}) creates accounts, so a
 * platform installed without the demo data would have nobody to log in. When {@code identity.first-admin.username}
 * and {@code identity.first-admin.email} are set and no account holds {@code NETWORK_ADMIN} yet, that account is
 * created once the schema is ready, with a password nobody knows, and a one-time link to choose one is mailed to
 * the address (or, without a mail server, written to the server log): the installer follows it and logs in. Both
 * acts are journaled by {@code system}. Once the network has an administrator, the settings do nothing; an
 * existing account of that name is never given the role.
 */
@Stateless
@PermitAll // called by the container when the schema is ready, before anyone can log in (SecurityIT: EVERYONE)
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "identity.first-admin.username")
    private Optional<String> username;

    @Inject
    @ConfigProperty(name = "identity.first-admin.email")
    private Optional<String> email;

    @Inject
    @ConfigProperty(name = "identity.first-admin.name", defaultValue = "Secrétariat du réseau")
    private String name;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private Journal journal;

    @Inject
    private ResetLinks resetLinks;

    @Inject
    private Clock clock;

    /** Creates the first administrator when the settings ask for one and the network has none. */
    public void createIfNone(@Observes SchemaMigrated schema) {
        Optional<String> wanted = username.map(String::strip).filter(given -> !given.isEmpty());
        if (wanted.isEmpty()) {
            return;
        }
        long administrators = em.createQuery("SELECT COUNT(a) FROM Account a WHERE :role MEMBER OF a.roles",
                Long.class).setParameter("role", Role.NETWORK_ADMIN).getSingleResult();
        if (administrators > 0) {
            LOG.fine("The network has an administrator: identity.first-admin.username does nothing");
            return;
        }
        List<Account> same = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", wanted.get()).getResultList();
        if (!same.isEmpty()) {
            LOG.warning(() -> "identity.first-admin.username names the existing account '" + wanted.get()
                    + "', which is not an administrator: it is left as it is. Name a new account.");
            return;
        }
        byte[] unknown = new byte[24];
        RANDOM.nextBytes(unknown);
        Account account;
        try {
            account = Account.create(wanted.get(), name, email.map(String::strip).orElse(null),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(unknown), Set.of(Role.NETWORK_ADMIN), null,
                    passwords::hash, clock.instant());
        } catch (RuleViolation refused) {
            LOG.severe(() -> "The first administrator cannot be created: " + refused.getMessage()
                    + " Check identity.first-admin.username, identity.first-admin.email and identity.first-admin.name"
                    + " (IDENTITY_FIRST_ADMIN_USERNAME, ..._EMAIL, ..._NAME) and restart.");
            return;
        }
        em.persist(account);
        journal.append("account.create", Logins.ACCOUNT, account.username(), null, Logins.ENABLED, null,
                Map.of("roles", List.of(Role.NETWORK_ADMIN.name()), "firstAdministrator", true));
        LOG.info(() -> "First administrator '" + account.username() + "' created (identity.first-admin.username):"
                + " follow the link below to choose its password (the same link is in a mail to " + account.email()
                + ", sent once mail.smtp.host names a mail server)");
        resetLinks.issue(account);
    }
}
