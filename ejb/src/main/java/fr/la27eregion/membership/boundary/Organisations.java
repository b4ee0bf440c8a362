package fr.la27eregion.membership.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.control.OrganisationScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.control.SubjectTimeline;
import fr.la27eregion.platform.database.Like;
import fr.la27eregion.membership.control.MembershipSettings;
import fr.la27eregion.membership.control.PersonalData;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.membership.entity.ProposedRegion;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.workflow.Transitions;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations of the network: applying to join, the public members list, the profile and contacts of
 * each. The members list and the members' profiles are public (an applicant's profile is not: {@link #find});
 * contacts, memberships and the timeline are read by the secretariat, auditors and the organisation's own people
 * only, and changed by the secretariat and the organisation's coordinators only ({@link CallerScope}).
 */
@Stateless
public class Organisations {

    /** The journal's entity types of this feature. */
    public static final String ORGANISATION = Organisation.JOURNAL_TYPE;
    public static final String CONTACT = "Contact";

    /** The states of a membership that make its organisation a member: listed, its profile public. */
    public static final List<MembershipState> LISTED = List.of(MembershipState.ACTIVE, MembershipState.SUSPENDED,
            MembershipState.LAPSED, MembershipState.APPROVED);

    /** At most this many contacts in one application. */
    public static final int MAX_CONTACTS = 10;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private CallerScope scope;

    @Inject
    private Transitions transitions;

    @Inject
    private PersonalData personalData;

    @Inject
    private MembershipTransitions workflow;

    @Inject
    private SubjectTimeline timelines;

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
        ProposedRegion proposed = territory == null ? proposedRegion(details) : null;
        refuseDuplicate(details, territory, proposed, null);
        Organisation organisation = proposed == null ? Organisation.create(details, territory, clock.instant())
                : Organisation.proposingRegion(details, proposed, clock.instant());
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
            if ("organisation_region_idx".equals(index) || "organisation_proposed_region_idx".equals(index)) {
                throw new RuleViolation("territoryCode", "membership.rule.territoryTaken",
                        "Another organisation already represents this region in the network.", details.getName());
            }
            throw raced;
        }
        // the first coordinator named is written on its own, first: the organisation's lowest contact id, to which
        // alone the acknowledgement goes (MembershipTransitions.tell); the others' insert order is the provider's
        ContactDetails first = people.stream().filter(person -> person.getNetworkRole() == NetworkRole.COORDINATOR)
                .findFirst().orElseThrow();
        em.persist(Contact.create(organisation, first));
        em.flush();
        people.stream().filter(person -> person != first)
                .forEach(person -> em.persist(Contact.create(organisation, person)));
        Membership membership = Membership.apply(organisation, settings.fee(details.getKind().category()),
                clock.instant());
        Map<String, Object> described = organisation.describe();
        described.put("organisation", organisation.id());
        described.put("contacts", people.size());
        transitions.create(workflow, membership, scope.caller().actors(), described);
        return membership;
    }

    /**
     * An organisation's profile, as far as the caller may know it exists. A member's profile (an organisation listed
     * by {@link #members()}) is public. Any other (an applicant, a rejected or withdrawn application, a terminated
     * member) is read by the secretariat, auditors and the organisation's own coordinators and contributors only:
     * for everyone else, anonymous callers and other organisations' people alike, it does not exist.
     *
     * @throws RecordNotFound no such organisation, or none this caller may see
     */
    @PermitAll
    public Organisation find(long id) {
        if (scope.seesEveryOrganisation()) {
            return existing(id);
        }
        Long own = scope.hasRole(Role.MEMBER_COORDINATOR) || scope.hasRole(Role.CONTRIBUTOR)
                ? scope.organisation().orElse(null) : null;
        // the caller's scope as a predicate: one query, nothing loaded then filtered
        return em.createQuery("SELECT o FROM Organisation o WHERE o.id = :id AND (o.id = :own OR EXISTS ("
                        + "SELECT m.id FROM Membership m WHERE m.organisation = o AND m.state IN :listed))",
                        Organisation.class)
                .setParameter("id", id).setParameter("own", own == null ? -1L : own).setParameter("listed", LISTED)
                .getResultStream().findFirst()
                .orElseThrow(() -> new RecordNotFound("There is no organisation " + id + "."));
    }

    /**
     * The public members list: every organisation with a current membership, by name, with its state. Applications
     * not yet approved are not listed.
     */
    @PermitAll
    public List<PublicMember> members() {
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.organisation o LEFT JOIN FETCH o.territory"
                        + " WHERE m.state IN :listed ORDER BY o.name", Membership.class)
                .setParameter("listed", LISTED)
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
        OrganisationScope reads = scope.reads();
        List<Contact> found = reads.bind(em.createQuery("SELECT c FROM Contact c WHERE c.organisation.id = :o"
                        + " AND c.removedAt IS NULL" + reads.where("c.organisation.id") + " ORDER BY c.networkRole, c.fullName", Contact.class))
                .setParameter("o", organisationId).getResultList();
        // every organisation keeps a coordinator: none found is an unknown organisation, or one out of scope
        if (found.isEmpty()) {
            existing(organisationId);
            scope.requireReader(organisationId);
        }
        return found;
    }

    /**
     * The organisation's former contacts whose personal data are still kept (removed, not erased), most recently
     * removed first: the secretariat's list for erasing them on request (GDPR article 17).
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public List<Contact> removedContacts(long organisationId) {
        existing(organisationId);
        return em.createQuery("SELECT c FROM Contact c WHERE c.organisation.id = :o AND c.removedAt IS NOT NULL"
                        + " AND c.erasedAt IS NULL ORDER BY c.removedAt DESC, c.id", Contact.class)
                .setParameter("o", organisationId).getResultList();
    }

    /**
     * The names of the organisation's contacts among {@code ids}, removed ones included ({@value Contact#ERASED} once
     * erased), for its timeline: the journal keeps a contact's id, not its name (see {@link Contact#describe}).
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public Map<Long, String> contactNames(long organisationId, java.util.Collection<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        OrganisationScope reads = scope.reads();
        List<Contact> found = reads.bind(em.createQuery("SELECT c FROM Contact c WHERE c.organisation.id = :o"
                        + " AND c.id IN :ids" + reads.where("c.organisation.id"), Contact.class))
                .setParameter("o", organisationId).setParameter("ids", ids).getResultList();
        return found.stream().collect(java.util.stream.Collectors.toMap(Contact::id, Contact::fullName));
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
        // an applicant keeps the region it proposed until its approval adds it to the referential
        boolean keepsProposal = organisation.proposedRegion().map(ProposedRegion::code)
                .filter(code -> code.equals(territoryCode(details))).isPresent();
        Territory territory = keepsProposal ? null : territoryFor(details, false);
        refuseDuplicate(details, territory, null, organisation.id());
        Map<String, Object> before = organisation.describe();
        organisation.update(details, territory);
        em.flush();
        journal.append(organisation.subject(), "organisation.update", ORGANISATION, String.valueOf(id), null, null,
                null, Map.of("before", before, "after", organisation.describe()));
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
        journal.append(organisation.subject(), "contact.add", CONTACT, String.valueOf(contact.id()), null, null, null,
                contact.describe());
        return contact;
    }

    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public Contact updateContact(long contactId, int version, ContactDetails details) {
        Contact contact = existingContact(contactId, version);
        if (contact.removed()) {
            throw new RecordNotFound("There is no contact " + contactId + ".");
        }
        if (details == null) {
            throw new RuleViolation("fullName", "membership.field.required", "The contact's details are required.");
        }
        ContactDetails before = contact.details();
        contact.update(details);
        keepACoordinator(contact.organisation().id());
        em.flush();
        journal.append(contact.organisation().subject(), "contact.update", CONTACT, String.valueOf(contactId), null,
                null, null, contact.describeChange(before));
        return contact;
    }

    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public void removeContact(long contactId, int version) {
        Contact contact = existingContact(contactId, version);
        if (contact.removed()) {
            throw new RecordNotFound("There is no contact " + contactId + ".");
        }
        Map<String, Object> before = contact.describe();
        Organisation organisation = contact.organisation();
        long organisationId = organisation.id();
        // kept, marked removed, until its personal data are erased (eraseContact)
        contact.remove(clock.instant());
        em.flush();
        keepACoordinator(organisationId);
        journal.append(organisation.subject(), "contact.remove", CONTACT, String.valueOf(contactId), null, null, null,
                before);
    }

    /**
     * Erases a contact's personal data on request (GDPR article 17), a current contact or a removed one: the
     * contact's name, address and job title, the mails sent to it (recipient, subject, body; those not sent yet are
     * not sent), its name and address wherever mails and notifications quote them, the projects that give it as
     * their contact, and the platform account linked to it (disabled, its sessions, tokens and reset links gone).
     * All become {@value Contact#ERASED}. Journaled {@code contact.erase} with counts only, no personal data: the
     * journal's earlier entries about the contact hold its id, not its details (since V29; see README).
     * The secretariat only; version-checked; a current coordinator who is the last one cannot be erased, as it
     * cannot be removed.
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public void eraseContact(long contactId, int version) {
        Contact contact = existingContact(contactId, version);
        if (contact.erased()) {
            throw new RuleViolation(null, "membership.rule.contactErased", "This contact's data are erased already.");
        }
        Organisation organisation = contact.organisation();
        boolean wasCurrent = !contact.removed();
        Map<String, Object> counts = personalData.erase(contact.fullName(), contact.email(),
                contact.accountId().orElse(null));
        contact.erase(clock.instant());
        em.flush();
        if (wasCurrent) {
            keepACoordinator(organisation.id());
        }
        Map<String, Object> details = new java.util.TreeMap<>(counts);
        details.put("organisation", organisation.id());
        details.put("wasCurrent", wasCurrent);
        journal.append(organisation.subject(), "contact.erase", CONTACT, String.valueOf(contactId), null, null, null,
                details);
    }

    /**
     * The organisation's history as the journal tells it (its applications and transitions, profile and contact
     * changes), newest first, one page at a time: the entries numbered below {@code before} (the newest when null),
     * at most {@code size}, and whether older ones remain. Read by the entries' subject, through its index.
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public SubjectTimeline.Page timeline(long organisationId, Long before, int size) {
        Organisation organisation = existing(organisationId);
        scope.requireReader(organisationId);
        return timelines.page(organisation.subject(), before, size);
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
                        : message.contains("organisation_proposed_region_idx") ? "organisation_proposed_region_idx"
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
     * The territory of the referential the details name: a region of France for a French body (optional except for
     * a regional council), the European region of the NUTS-2 code for a European region. Null when none is named,
     * or when an application ({@code mayPropose}) names a European region the referential does not hold yet: the
     * application then proposes it ({@link #proposedRegion}), and only the secretariat's approval adds it.
     */
    private Territory territoryFor(OrganisationDetails details, boolean mayPropose) {
        String code = territoryCode(details);
        if (code == null) {
            return null;
        }
        Optional<Territory> known = em.createNamedQuery(Territory.BY_CODE, Territory.class).setParameter("code", code)
                .getResultStream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        if (details.getKind() != OrganisationKind.EUROPEAN_REGION || !mayPropose) {
            throw new RuleViolation("territoryCode", "membership.rule.unknownTerritory",
                    "There is no territory " + code + ".", code);
        }
        return null;
    }

    /** The European region an application proposes (its NUTS-2 code, its name), or null for another kind. */
    private static ProposedRegion proposedRegion(OrganisationDetails details) {
        String code = territoryCode(details);
        if (details.getKind() != OrganisationKind.EUROPEAN_REGION || code == null) {
            return null;
        }
        try {
            return ProposedRegion.checked(code, details.getName().strip());
        } catch (IllegalArgumentException notNuts) {
            throw new RuleViolation("territoryCode", "membership.rule.nutsInvalid",
                    code + " is not the NUTS-2 code of a region outside France (for example ES51).", code);
        }
    }

    /** The territory code as typed, without spaces around it, in capitals for a NUTS-2 code; null when none. */
    private static String territoryCode(OrganisationDetails details) {
        String code = details.getTerritoryCode() == null ? null : details.getTerritoryCode().strip();
        if (code == null || code.isEmpty()) {
            return null;
        }
        return details.getKind() == OrganisationKind.EUROPEAN_REGION ? code.toUpperCase(Locale.ROOT) : code;
    }

    /** One organisation per SIRET, one regional council per region, one organisation per European region. */
    private void refuseDuplicate(OrganisationDetails details, Territory territory, ProposedRegion proposed,
                                 Long self) {
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
        if (proposed != null) {
            em.createQuery("SELECT o FROM Organisation o WHERE o.proposedRegionCode = :code", Organisation.class)
                    .setParameter("code", proposed.code())
                    .getResultStream().filter(other -> !other.id().equals(self)).findFirst().ifPresent(other -> {
                        throw new RuleViolation("territoryCode", "membership.rule.territoryTaken",
                                other.name() + " already applied for this region.", other.name());
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
