package fr.la27eregion.platform.demo;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.control.MembershipSettings;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo organisations: the 18 regional councils (most members, a few at other steps of the workflow), the three
 * founding partners and one European region, each with two or three contacts. Their memberships go through the
 * real workflow ({@link Transitions}), so each has its journal entries and notifications, as the platform's
 * {@code system} actor (which may take every step of the table here: the demo plays the secretariat and the daily
 * job at once). An organisation already present is left alone.
 */
@Dependent
class DemoMembers {

    /** Who the demo acts as: every actor of the table. */
    private static final Set<Actor> ACTORS = Set.of(Actor.SYSTEM, Actor.ANYONE, Actor.of(Role.NETWORK_ADMIN),
            Actor.of(Role.MEMBER_COORDINATOR));

    /** The step each regional council's membership stops at, by INSEE code; the others are active. */
    private static final Map<String, List<MembershipAction>> COUNCIL_STEPS = Map.of(
            "06", List.of(),
            "94", List.of(MembershipAction.REVIEW),
            "01", List.of(MembershipAction.REVIEW, MembershipAction.APPROVE),
            "02", List.of(MembershipAction.REVIEW, MembershipAction.APPROVE, MembershipAction.ACTIVATE,
                    MembershipAction.SUSPEND),
            "03", List.of(MembershipAction.REVIEW, MembershipAction.APPROVE, MembershipAction.ACTIVATE,
                    MembershipAction.LAPSE));
    private static final List<MembershipAction> TO_ACTIVE =
            List.of(MembershipAction.REVIEW, MembershipAction.APPROVE, MembershipAction.ACTIVATE);

    private static final String[] FIRST_NAMES = {"Camille", "Dominique", "Claude", "Sacha", "Alix", "Morgane",
            "Yannick", "Maëlle", "Karim", "Nathalie", "Hugo", "Inès", "Thierry", "Léa", "Mathieu", "Soizic",
            "Farid", "Hélène", "Julien", "Awa", "Pierre-Yves", "Chloé"};
    private static final String[] LAST_NAMES = {"Martin", "Le Gall", "Bernard", "Moreau", "Lefèvre", "Garnier",
            "Rousseau", "Fontaine", "Chevalier", "Nguyen", "Benali", "Marchand", "Dubois", "Lambert", "Kerhervé",
            "Diallo", "Girard", "Roux", "Bonnet", "Mercier", "Faure", "André"};

    private record Partner(String name, String thirteenDigits, String website) {
    }

    private static final List<Partner> FOUNDING_PARTNERS = List.of(
            new Partner("Régions de France (Association des Régions de France)", "7750000000010",
                    "https://regions-france.org"),
            new Partner("Caisse des Dépôts", "1800200260001", "https://www.caissedesdepots.fr"),
            new Partner("Fondation Internet Nouvelle Génération (FING)", "4400000000020", "https://fing.org"));

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private MembershipTransitions workflow;

    @Inject
    private MembershipSettings settings;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    private int people;

    /** Adds the demo organisations that are absent; returns how many were added. */
    int addOrganisations() {
        int added = 0;
        List<Territory> regions = em.createNamedQuery(Territory.BY_KIND, Territory.class)
                .setParameter("kind", TerritoryKind.REGION).getResultList();
        for (Territory region : regions) {
            if (findCouncil(region).isEmpty()) {
                OrganisationDetails details = details(councilName(region), OrganisationKind.REGIONAL_COUNCIL,
                        Siret.withKey("23" + region.inseeCode() + "000000" + region.inseeCode() + "0").value(),
                        region.code(), "https://www.example.fr/" + region.inseeCode());
                details.setAddress("Hôtel de région, " + region.prefecture().orElse(region.name()));
                add(details, region, COUNCIL_STEPS.getOrDefault(region.inseeCode(), TO_ACTIVE),
                        "CONV-" + region.inseeCode());
                added++;
            }
        }
        for (Partner partner : FOUNDING_PARTNERS) {
            String siret = Siret.withKey(partner.thirteenDigits()).value();
            if (em.createNamedQuery(Organisation.BY_SIRET, Organisation.class).setParameter("siret", siret)
                    .getResultList().isEmpty()) {
                add(details(partner.name(), OrganisationKind.FOUNDING_PARTNER, siret, null, partner.website()), null,
                        TO_ACTIVE, "CONV-PARTNER-" + partner.thirteenDigits().substring(0, 4));
                added++;
            }
        }
        Territory catalonia = em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", "ES51")
                .getSingleResult();
        if (em.createQuery("SELECT o FROM Organisation o WHERE o.territory = :t", Organisation.class)
                .setParameter("t", catalonia).getResultList().isEmpty()) {
            add(details("Generalitat de Catalunya", OrganisationKind.EUROPEAN_REGION, null, "ES51",
                    "https://web.gencat.cat"), catalonia, TO_ACTIVE, "CONV-EU-ES51");
            added++;
        }
        return added;
    }

    /** The id of the regional council of a region (by code). */
    long councilOf(String regionCode) {
        Territory region = em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", regionCode)
                .getSingleResult();
        return findCouncil(region).orElseThrow().id();
    }

    /** Gives the demo accounts acting for an organisation a contact of it, linked to their account. */
    void linkAccounts(long organisationId, List<String> usernames) {
        Organisation organisation = em.find(Organisation.class, organisationId);
        for (String username : usernames) {
            Account account = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                    .setParameter("username", username).getSingleResult();
            boolean linked = !em.createQuery("SELECT c FROM Contact c WHERE c.accountId = :a", Contact.class)
                    .setParameter("a", account.id()).getResultList().isEmpty();
            if (!linked && account.organisationId().filter(own -> own == organisationId).isPresent()) {
                ContactDetails details = contact(account.displayName(), account.email(),
                        "coordinator".equals(username) ? NetworkRole.COORDINATOR : NetworkRole.CORRESPONDENT);
                Contact contact = Contact.create(organisation, details);
                contact.linkAccount(account.id());
                em.persist(contact);
                em.flush();
                Map<String, Object> described = contact.describe();
                described.put("account", username);
                journal.append(organisation.subject(), "contact.add", "Contact", String.valueOf(contact.id()), null,
                        null, null, described);
            }
        }
    }

    private java.util.Optional<Organisation> findCouncil(Territory region) {
        return em.createQuery("SELECT o FROM Organisation o WHERE o.territory = :t AND o.kind = :k",
                        Organisation.class).setParameter("t", region).setParameter("k", OrganisationKind.REGIONAL_COUNCIL)
                .getResultStream().findFirst();
    }

    private void add(OrganisationDetails details, Territory territory, List<MembershipAction> steps, String agreement) {
        Organisation organisation = Organisation.create(details, territory, clock.instant());
        em.persist(organisation);
        List<ContactDetails> contacts = new ArrayList<>();
        contacts.add(contact(null, null, NetworkRole.COORDINATOR));
        contacts.add(contact(null, null, NetworkRole.CORRESPONDENT));
        if (details.getKind() == OrganisationKind.REGIONAL_COUNCIL) {
            contacts.add(contact(null, null, NetworkRole.ELECTED));
        }
        if (details.getKind() == OrganisationKind.EUROPEAN_REGION) {
            contacts.get(0).setLanguage("en");
        }
        contacts.forEach(contact -> em.persist(Contact.create(organisation, contact)));
        Membership membership = Membership.apply(organisation, settings.fee(details.getKind().category()),
                clock.instant());
        em.flush();
        Map<String, Object> described = organisation.describe();
        described.put("organisation", organisation.id());
        described.put("demo", true);
        transitions.create(workflow, membership, ACTORS, described);
        // a membership that lapses was activated long enough ago for its period and grace to have ended
        LocalDate today = Clocks.today(clock);
        LocalDate activated = steps.contains(MembershipAction.LAPSE) ? today.minusMonths(15) : today;
        for (MembershipAction step : steps) {
            String reason = step == MembershipAction.SUSPEND ? "Cotisation de l'année non réglée (démo)." : null;
            transitions.apply(workflow, membership, null, step, ACTORS, new MembershipInputs(reason,
                    step == MembershipAction.ACTIVATE ? agreement : null,
                    step == MembershipAction.LAPSE ? today : activated));
        }
    }

    private static OrganisationDetails details(String name, OrganisationKind kind, String siret, String territory,
                                               String website) {
        OrganisationDetails details = new OrganisationDetails();
        details.setName(name);
        details.setKind(kind);
        details.setSiret(siret);
        details.setTerritoryCode(territory);
        details.setWebsite(website);
        return details;
    }

    private ContactDetails contact(String name, String email, NetworkRole role) {
        int n = people++;
        String first = FIRST_NAMES[n % FIRST_NAMES.length];
        String last = LAST_NAMES[(n * 7 + 3) % LAST_NAMES.length];
        ContactDetails details = new ContactDetails();
        details.setFullName(name != null ? name : first + " " + last);
        details.setEmail(email != null ? email : java.text.Normalizer.normalize(first + "." + last,
                        java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z.-]", "").toLowerCase(java.util.Locale.ROOT)
                + "." + n + "@demo.27eregion.invalid");
        details.setNetworkRole(role);
        details.setJobTitle(switch (role) {
            case COORDINATOR -> "Responsable innovation publique";
            case CORRESPONDENT -> "Chargé·e de mission transformation";
            case ELECTED -> "Vice-président·e au numérique";
        });
        return details;
    }

    private static String councilName(Territory region) {
        return switch (region.inseeCode()) {
            case "02" -> "Collectivité territoriale de Martinique";
            case "03" -> "Collectivité territoriale de Guyane";
            case "06" -> "Département de Mayotte";
            case "94" -> "Collectivité de Corse";
            case "93" -> "Région Sud Provence-Alpes-Côte d'Azur";
            default -> "Région " + region.name();
        };
    }
}
