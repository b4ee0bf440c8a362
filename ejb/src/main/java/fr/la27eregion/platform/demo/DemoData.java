package fr.la27eregion.platform.demo;

import fr.la27eregion.identity.control.PasswordHashing;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.database.SchemaMigrated;
import fr.la27eregion.referential.entity.Territory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Loads the demo records once the schema is ready, when the installation asks for them. Each record is added
 * only if absent (by its natural key), in one transaction, so a restart or a second instance adds nothing twice.
 */
@Stateless
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    /** European partner regions of the demo, by NUTS-2 code. */
    static final List<EuropeanRegion> EUROPEAN_REGIONS = List.of(
            new EuropeanRegion("ES51", "ES", "Cataluña / Catalunya"),
            new EuropeanRegion("BE10", "BE", "Région de Bruxelles-Capitale / Brussels Hoofdstedelijk Gewest"),
            new EuropeanRegion("ITC4", "IT", "Lombardia"),
            new EuropeanRegion("FI1B", "FI", "Helsinki-Uusimaa"));

    record EuropeanRegion(String nuts2, String country, String name) {
    }

    /** The password of every demo account; it satisfies the password policy (and is public: demo only). */
    public static final String DEMO_PASSWORD = "Demo-27eRegion-2026";

    /** The organisation of the demo coordinator and contributor: the regional council of Brittany. */
    static final String DEMO_ORGANISATION_REGION = "FR-53";

    /** One demo account per role of DESIGN §2 (printed by ops/run, listed in the README). */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("secretariat", "Secrétariat du réseau (démo)", Role.NETWORK_ADMIN),
            new DemoAccount("coordinator", "Coordinatrice régionale (démo)", Role.MEMBER_COORDINATOR),
            new DemoAccount("contributor", "Contributeur régional (démo)", Role.CONTRIBUTOR),
            new DemoAccount("reviewer", "Experte évaluatrice (démo)", Role.REVIEWER),
            new DemoAccount("jury", "Membre du jury (démo)", Role.JURY),
            new DemoAccount("auditor", "Auditeur (démo)", Role.AUDITOR));

    record DemoAccount(String username, String displayName, Role role) {
    }

    @Inject
    @ConfigProperty(name = "platform.demo-data", defaultValue = "false")
    private boolean enabled;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHashing passwords;

    @Inject
    private Journal journal;

    @Inject
    private DemoMembers members;

    @Inject
    private DemoProjects projects;

    @Inject
    private DemoLabels labels;

    @Inject
    private DemoContent content;

    public void load(@Observes SchemaMigrated schema) {
        if (!enabled) {
            return;
        }
        int added = 0;
        for (EuropeanRegion region : EUROPEAN_REGIONS) {
            if (em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", region.nuts2())
                    .getResultList().isEmpty()) {
                em.persist(Territory.europeanRegion(region.nuts2(), region.country(), region.name()));
                added++;
            }
        }
        int count = added;
        em.flush();
        int organisations = members.addOrganisations();
        long demoOrganisation = members.councilOf(DEMO_ORGANISATION_REGION);
        int accounts = addAccounts(demoOrganisation);
        members.linkAccounts(demoOrganisation, ACCOUNTS.stream().filter(demo -> demo.role().needsOrganisation())
                .map(DemoAccount::username).toList());
        int catalogue = projects.addProjects();
        int files = projects.addAttachments();
        int labelRecords = labels.addLabels();
        int contentItems = content.addContent();
        LOG.info(() -> "Demo data: " + count + " European region(s), " + organisations + " organisation(s), "
                + accounts + " account(s), " + catalogue + " project(s), " + files + " attachment(s), "
                + labelRecords + " label record(s) and " + contentItems + " content item(s) added"
                + " (platform.demo-data=true).");
    }

    private int addAccounts(long demoOrganisation) {
        int added = 0;
        for (DemoAccount demo : ACCOUNTS) {
            Account existing = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                    .setParameter("username", demo.username()).getResultStream().findFirst().orElse(null);
            if (existing != null && demo.role().needsOrganisation() && existing.organisationId().isEmpty()) {
                // an account of a database older than the organisations (V6 cleared its placeholder)
                existing.changeRoles(Set.of(demo.role()), demoOrganisation);
                journal.append("account.roles", "Account", demo.username(), null, null, null,
                        Map.of("roles", List.of(demo.role().name()), "organisation", demoOrganisation, "demo", true));
            }
            if (existing == null) {
                em.persist(Account.create(demo.username(), demo.displayName(), demo.username() + "@demo.27eregion.invalid",
                        DEMO_PASSWORD, Set.of(demo.role()), demo.role().needsOrganisation() ? demoOrganisation : null,
                        passwords::hash, Instant.now()));
                journal.append("account.create", "Account", demo.username(), null, "ENABLED", null,
                        Map.of("roles", List.of(demo.role().name()), "demo", true));
                added++;
            }
        }
        return added;
    }
}
