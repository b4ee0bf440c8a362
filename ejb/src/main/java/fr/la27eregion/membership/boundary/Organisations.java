package fr.la27eregion.membership.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.platform.database.Like;
import fr.la27eregion.membership.control.MembershipSettings;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations of the network: applying to join, the public members list, the profile and contacts of
 * each. The profile and the members list are public; contacts, memberships and the timeline are read by the
 * secretariat, auditors and the organisation's own people only, and changed by the secretariat and the
 * organisation's coordinators only ({@link CallerScope}).
 */
@Stateless
public class Organisations {

    /** The journal's entity types of this feature. */
    public static final String ORGANISATION = "Organisation";
    public static final String CONTACT = "Contact";

    /** At most this many contacts in one application. */
    public static final int MAX_CONTACTS = 10;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private CallerScope scope;

    @Inject
    private MembershipTransitions transitions;

    @Inject
    private MembershipSettings settings;

    @Inject
    private Clock clock;

    /**
     * Applies to join the network: creates the organisation, its contacts (one coordinator at least) and an
     * {@code APPLIED} membership of the category of its kind. Open to everyone: an organisation that is not a
     * member yet has no account; the secretariat's review is the gate.
     *
     * @throws RuleViolation naming the field when a detail is wrong or the organisation is already registered
     */
    @PermitAll
    public Membership apply(OrganisationDetails details, List<ContactDetails> contacts) {
        if (details == null) {
            throw new RuleViolation("kind", "membership.field.required", "The organisation's details are required.");
        }
        details.check();
        List<ContactDetails> people = contacts == null ? List.of() : contacts;
        if (people.size() > MAX_CONTACTS) {
            throw new RuleViolation("contacts", "membership.rule.tooManyContacts",
                    "An application names at most " + MAX_CONTACTS + " contacts.", MAX_CONTACTS);
        }
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i) == null) {
                throw new RuleViolation("contacts[" + i + "]", "membership.field.required", "A contact is empty.");
            }
            people.get(i).check("contacts[" + i + "].");
        }
        if (people.stream().noneMatch(contact -> contact.getNetworkRole() == NetworkRole.COORDINATOR)) {
            throw new RuleViolation("contacts", "membership.rule.coordinatorRequired",
                    "An application names the organisation's coordinator among its contacts.");
        }
        Territory territory = territoryFor(details, true);
        refuseDuplicate(details, territory, null);
        Organisation organisation = Organisation.create(details, territory, clock.instant());
        em.persist(organisation);
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // another application for this SIRET or region committed between the checks above and this insert
            String index = uniqueViolation(raced);
            if ("organisation_siret_idx".equals(index)) {
                throw new RuleViolation("siret", "membership.rule.siretTaken",
                        "An organisation with this SIRET is already registered.", details.getName());
            }
            if ("organisation_region_idx".equals(index)) {
                throw new RuleViolation("territoryCode", "membership.rule.territoryTaken",
                        "Another organisation already represents this region in the network.", details.getName());
            }
            throw raced;
        }
        Contact coordinator = null;
        for (ContactDetails person : people) {
            Contact contact = Contact.create(organisation, person);
            em.persist(contact);
            if (coordinator == null && contact.networkRole() == NetworkRole.COORDINATOR) {
                coordinator = contact;
            }
        }
        Membership membership = Membership.apply(organisation, settings.fee(details.getKind().category()),
                clock.instant());
        em.persist(membership);
        em.flush();
        transitions.acknowledge(membership, coordinator);
        Map<String, Object> described = organisation.describe();
        described.put("organisation", organisation.id());
        described.put("contacts", people.size());
        journal.append("membership.apply", MembershipTransitions.ENTITY, String.valueOf(membership.id()), null,
                MembershipState.APPLIED.name(), null, described);
        return membership;
    }

    /** The organisation's public profile. */
    @PermitAll
    public Organisation find(long id) {
        return existing(id);
    }

    /**
     * The public members list: every organisation with a current membership, by name, with its state. Applications
     * not yet approved are not listed.
     */
    @PermitAll
    public List<PublicMember> members() {
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.organisation o LEFT JOIN FETCH o.territory"
                        + " WHERE m.state IN :listed ORDER BY o.name", Membership.class)
                .setParameter("listed", List.of(MembershipState.ACTIVE, MembershipState.SUSPENDED,
                        MembershipState.LAPSED, MembershipState.APPROVED))
                .getResultStream().map(Organisations::publicMember).toList();
    }

    /**
     * The state of the regional council's current membership in each of the 18 regions, by region code
     * ({@code FR-53}); a region whose council has no current membership is absent. For the public map.
     */
    @PermitAll
    public Map<String, MembershipState> regionStates() {
        Map<String, MembershipState> states = new java.util.TreeMap<>();
        em.createQuery("SELECT t.code, m.state FROM Membership m JOIN m.organisation o JOIN o.territory t"
                        + " WHERE o.kind = :council AND t.kind = :region AND m.state NOT IN :ended", Object[].class)
                .setParameter("council", OrganisationKind.REGIONAL_COUNCIL).setParameter("region", TerritoryKind.REGION)
                .setParameter("ended", Membership.ENDED)
                .getResultStream().forEach(row -> states.put((String) row[0], (MembershipState) row[1]));
        return states;
    }

    /** Organisations whose name contains the text, for choosing one (the accounts page). */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<Organisation> search(String text, int max) {
        return em.createQuery("SELECT o FROM Organisation o WHERE LOWER(o.name) LIKE :text ORDER BY o.name",
                Organisation.class).setParameter("text", Like.containing(text)).setMaxResults(Math.max(1, Math.min(max, 100)))
                .getResultList();
    }

    /** The organisation the caller acts for, if their account has one. */
    @RolesAllowed({Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME,
            Role.REVIEWER_NAME, Role.JURY_NAME})
    public Optional<Organisation> mine() {
        return scope.organisation().map(id -> em.find(Organisation.class, id));
    }

    /** The organisation's contacts. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public List<Contact> contacts(long organisationId) {
        existing(organisationId);
        scope.requireReader(organisationId);
        return em.createNamedQuery(Contact.OF_ORGANISATION, Contact.class).setParameter("organisation", organisationId)
                .getResultList();
    }

    /** Changes the profile (not the kind). */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public Organisation updateProfile(long id, int version, OrganisationDetails details) {
        Organisation organisation = existing(id);
        scope.requireEditor(id);
        if (organisation.version() != version) {
            throw new StaleRecord("This organisation was changed by someone else: reload it and try again.");
        }
        if (details == null) {
            throw new RuleViolation("name", "membership.field.required", "The organisation's details are required.");
        }
        details.check();
        Territory territory = territoryFor(details, false);
        refuseDuplicate(details, territory, organisation.id());
        Map<String, Object> before = organisation.describe();
        organisation.update(details, territory);
        em.flush();
        journal.append("organisation.update", ORGANISATION, String.valueOf(id), null, null, null,
                Map.of("before", before, "after", organisation.describe()));
        return organisation;
    }

    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public Contact addContact(long organisationId, ContactDetails details) {
        Organisation organisation = existing(organisationId);
        scope.requireEditor(organisationId);
        if (details == null) {
            throw new RuleViolation("fullName", "membership.field.required", "The contact's details are required.");
        }
        Contact contact = Contact.create(organisation, details);
        em.persist(contact);
        em.flush();
        journal.append("contact.add", CONTACT, String.valueOf(contact.id()), null, null, null, contact.describe());
        return contact;
    }

    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public Contact updateContact(long contactId, int version, ContactDetails details) {
        Contact contact = existingContact(contactId, version);
        if (details == null) {
            throw new RuleViolation("fullName", "membership.field.required", "The contact's details are required.");
        }
        Map<String, Object> before = contact.describe();
        contact.update(details);
        keepACoordinator(contact.organisation().id());
        em.flush();
        journal.append("contact.update", CONTACT, String.valueOf(contactId), null, null, null,
                Map.of("before", before, "after", contact.describe()));
        return contact;
    }

    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public void removeContact(long contactId, int version) {
        Contact contact = existingContact(contactId, version);
        Map<String, Object> before = contact.describe();
        long organisationId = contact.organisation().id();
        em.remove(contact);
        em.flush();
        keepACoordinator(organisationId);
        journal.append("contact.remove", CONTACT, String.valueOf(contactId), null, null, null, before);
    }

    /**
     * The organisation's history as the journal tells it: its applications and transitions, profile and contact
     * changes, oldest first.
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public List<JournalEntry> timeline(long organisationId) {
        existing(organisationId);
        scope.requireReader(organisationId);
        List<String> memberships = em.createQuery("SELECT m.id FROM Membership m WHERE m.organisation.id = :o",
                Long.class).setParameter("o", organisationId).getResultStream().map(String::valueOf).toList();
        // contacts removed since are found through the organisation named in their entries' details
        String organisation = String.valueOf(organisationId);
        List<JournalEntry> entries = new ArrayList<>(em.createQuery("SELECT e FROM JournalEntry e WHERE"
                        + " (e.entityType = :organisationType AND e.entityId = :organisation)"
                        + " OR (e.entityType = :membershipType AND e.entityId IN :memberships)"
                        + " ORDER BY e.seq", JournalEntry.class)
                .setParameter("organisationType", ORGANISATION).setParameter("organisation", organisation)
                .setParameter("membershipType", MembershipTransitions.ENTITY)
                .setParameter("memberships", memberships.isEmpty() ? List.of("-") : memberships)
                .setMaxResults(1000).getResultList());
        List<JournalEntry> contactEntries = em.createNativeQuery("SELECT * FROM journal_entry WHERE entity_type = ?1"
                        + " AND (details::jsonb ->> 'organisation' = ?2"
                        + " OR details::jsonb -> 'after' ->> 'organisation' = ?2) ORDER BY seq LIMIT 1000",
                JournalEntry.class).setParameter(1, CONTACT).setParameter(2, organisation).getResultList();
        entries.addAll(contactEntries);
        entries.sort(java.util.Comparator.comparingLong(JournalEntry::seq));
        return entries;
    }

    /**
     * The unique index a failure ran into (PostgreSQL's unique_violation, SQLSTATE 23505, names it in its message),
     * or null for any other failure.
     */
    private static String uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                return message.contains("organisation_region_idx") ? "organisation_region_idx"
                        : message.contains("organisation_siret_idx") ? "organisation_siret_idx" : "";
            }
        }
        return null;
    }

    private Organisation existing(long id) {
        Organisation organisation = em.find(Organisation.class, id);
        if (organisation == null) {
            throw new RecordNotFound("There is no organisation " + id + ".");
        }
        return organisation;
    }

    private Contact existingContact(long contactId, int version) {
        Contact contact = em.find(Contact.class, contactId);
        if (contact == null) {
            throw new RecordNotFound("There is no contact " + contactId + ".");
        }
        scope.requireEditor(contact.organisation().id());
        if (contact.version() != version) {
            throw new StaleRecord("This contact was changed by someone else: reload it and try again.");
        }
        return contact;
    }

    private void keepACoordinator(long organisationId) {
        if (em.createNamedQuery(Contact.OF_ORGANISATION, Contact.class).setParameter("organisation", organisationId)
                .getResultStream().noneMatch(contact -> contact.networkRole() == NetworkRole.COORDINATOR)) {
            throw new RuleViolation("networkRole", "membership.rule.coordinatorRequired",
                    "An organisation keeps at least one coordinator among its contacts.");
        }
    }

    /**
     * The territory the details name: a region of France for a French body (optional except for a regional
     * council), the European region of the NUTS-2 code for a European region, added to the referential when it is
     * new (the application is the secretariat's first sight of it).
     */
    private Territory territoryFor(OrganisationDetails details, boolean mayAdd) {
        String code = details.getTerritoryCode() == null ? null : details.getTerritoryCode().strip();
        if (code == null || code.isEmpty()) {
            return null;
        }
        if (details.getKind() == OrganisationKind.EUROPEAN_REGION) {
            code = code.toUpperCase(Locale.ROOT);
        }
        Optional<Territory> known = em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", code)
                .getResultStream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        if (details.getKind() != OrganisationKind.EUROPEAN_REGION || !mayAdd) {
            throw new RuleViolation("territoryCode", "membership.rule.unknownTerritory",
                    "There is no territory " + code + ".", code);
        }
        Territory added;
        try {
            added = Territory.europeanRegion(code, code.substring(0, 2), details.getName().strip());
        } catch (IllegalArgumentException notNuts) {
            throw new RuleViolation("territoryCode", "membership.rule.nutsInvalid",
                    code + " is not the NUTS-2 code of a region outside France (for example ES51).", code);
        }
        em.persist(added);
        return added;
    }

    /** One organisation per SIRET, one regional council per region, one organisation per European region. */
    private void refuseDuplicate(OrganisationDetails details, Territory territory, Long self) {
        if (details.getKind().needsSiret()) {
            String siret = fr.la27eregion.membership.entity.Siret.parse(details.getSiret()).value();
            em.createNamedQuery(Organisation.BY_SIRET, Organisation.class).setParameter("siret", siret)
                    .getResultStream().filter(other -> !other.id().equals(self)).findFirst().ifPresent(other -> {
                        throw new RuleViolation("siret", "membership.rule.siretTaken",
                                "An organisation with this SIRET is already registered: " + other.name() + ".",
                                other.name());
                    });
        }
        if (territory != null && (details.getKind() == OrganisationKind.REGIONAL_COUNCIL
                || details.getKind() == OrganisationKind.EUROPEAN_REGION)) {
            em.createQuery("SELECT o FROM Organisation o WHERE o.territory = :territory AND o.kind = :kind",
                            Organisation.class).setParameter("territory", territory).setParameter("kind", details.getKind())
                    .getResultStream().filter(other -> !other.id().equals(self)).findFirst().ifPresent(other -> {
                        throw new RuleViolation("territoryCode", "membership.rule.territoryTaken",
                                other.name() + " already represents this region in the network.", other.name());
                    });
        }
    }

    private static PublicMember publicMember(Membership membership) {
        Organisation organisation = membership.organisation();
        return new PublicMember(organisation.id(), organisation.name(), organisation.kind(),
                organisation.territory().map(Territory::code).orElse(null),
                organisation.territory().map(Territory::name).orElse(null), organisation.website().orElse(null),
                membership.state(), membership.periodEnd());
    }
}
