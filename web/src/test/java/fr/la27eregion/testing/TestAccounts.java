package fr.la27eregion.testing;

import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.database.SchemaMigrated;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Accounts of the security tests, added to their deployment only: one per role (username = the role in lower
 * case, dashes for underscores), one to lock out per test class that needs it, and a disabled one. Created when
 * the schema is ready, each only if absent, so test classes sharing the test database add nothing twice. They are
 * made with the entity's own rules and Jakarta Security's hashing, like any account.
 */
@Singleton
public class TestAccounts {

    public static final String PASSWORD = "essai securite 2026";
    public static final String DISABLED = "disabled-account";
    public static final Set<String> TO_LOCK = Set.of("lock-api", "lock-browser");
    /** An account a test disables while its owner is logged in. */
    public static final String TO_DISABLE = "disable-me";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    /** The username of the test account that has exactly this role. */
    public static String of(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public void create(@Observes SchemaMigrated schema) {
        for (Role role : Role.values()) {
            add(of(role), Set.of(role));
        }
        for (String username : TO_LOCK) {
            add(username, Set.of(Role.REVIEWER));
        }
        add(DISABLED, Set.of(Role.AUDITOR)).ifPresent(Account::disable);
        add(TO_DISABLE, Set.of(Role.JURY));
    }

    private java.util.Optional<Account> add(String username, Set<Role> roles) {
        if (!em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultList().isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean organisation = roles.stream().anyMatch(Role::needsOrganisation);
        Account account = Account.create(username, "Test " + username, username + "@test.invalid", PASSWORD, roles,
                organisation ? 1L : null, passwords::hash, Instant.now());
        em.persist(account);
        return java.util.Optional.of(account);
    }
}
