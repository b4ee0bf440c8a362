package fr.la27eregion.testing;

import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.membership.entity.Siret;
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
 * Accounts of the security tests, in the test deployments only ({@link TestServer}): one per role (username = the role in lower
 * case, dashes for underscores), one to lock out per test class that needs it, and a disabled one. Created when
 * the schema is ready, each only if absent, so servers sharing the test database add nothing twice. They are
 * made with the entity's own rules and Jakarta Security's hashing, like any account.
 *
 * <p>The accounts whose role acts for an organisation (coordinator, contributor) belong to {@link #ORGANISATION_A};
 * {@link #COORDINATOR_B} coordinates {@link #ORGANISATION_B}, for the organisation scoping tests.
 */
@Singleton
public class TestAccounts {

    public static final String PASSWORD = "essai securite 2026";
    public static final String DISABLED = "disabled-account";
    public static final Set<String> TO_LOCK = Set.of("lock-api", "lock-browser");
    /** An account a test disables while its owner is logged in. */
    public static final String TO_DISABLE = "disable-me";
    /** The organisation of the test coordinator and contributor, and another one. */
    public static final String ORGANISATION_A = "Organisation de test A";
    public static final String ORGANISATION_B = "Organisation de test B";
    /** The coordinator of {@link #ORGANISATION_B}. */
    public static final String COORDINATOR_B = "coordinator-b";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    /** The username of the test account that has exactly this role. */
    public static String of(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public void create(@Observes SchemaMigrated schema) {
        long a = organisation(ORGANISATION_A, "1000000000001");
        long b = organisation(ORGANISATION_B, "1000000000002");
        for (Role role : Role.values()) {
            add(of(role), Set.of(role), a);
        }
        add(COORDINATOR_B, Set.of(Role.MEMBER_COORDINATOR), b);
        for (String username : TO_LOCK) {
            add(username, Set.of(Role.REVIEWER), a);
        }
        add(DISABLED, Set.of(Role.AUDITOR), a).ifPresent(Account::disable);
        add(TO_DISABLE, Set.of(Role.JURY), a);
    }

    /** The id of the test organisation of this name, created (an associate, with a valid SIRET) when absent. */
    private long organisation(String name, String thirteenDigits) {
        return em.createNamedQuery(Organisation.BY_NAME, Organisation.class).setParameter("name", name)
                .getResultStream().findFirst().orElseGet(() -> {
                    OrganisationDetails details = new OrganisationDetails();
                    details.setName(name);
                    details.setKind(OrganisationKind.ASSOCIATE);
                    details.setSiret(Siret.withKey(thirteenDigits).value());
                    Organisation organisation = Organisation.create(details, null, Instant.now());
                    em.persist(organisation);
                    em.flush();
                    return organisation;
                }).id();
    }

    private java.util.Optional<Account> add(String username, Set<Role> roles, long organisationId) {
        if (!em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultList().isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean organisation = roles.stream().anyMatch(Role::needsOrganisation);
        Account account = Account.create(username, "Test " + username, username + "@test.invalid", PASSWORD, roles,
                organisation ? organisationId : null, passwords::hash, Instant.now());
        em.persist(account);
        return java.util.Optional.of(account);
    }
}
