package fr.la27eregion.membership.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipCategory;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.membership.entity.ProposedRegion;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.referential.entity.Territory;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Backs {@code app/membership/organisation.xhtml?id=N}: an organisation's profile, contacts, membership with the
 * workflow actions the caller may take now, the history of its memberships and its timeline as the journal tells
 * it. Without an id, the caller's own organisation.
 *
 * <p>Everyone on the intranet sees the public profile; the rest is shown only to those the boundaries let read it
 * (the secretariat, auditors, the organisation's own people). Another organisation's page shows the profile and
 * says plainly that its contacts are not for this reader: no data, no error page. The rights are decided by the
 * boundaries; this view only avoids asking for what it knows will be refused.
 */
@Named
@ViewScoped
public class OrganisationView implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The organisation's profile as the page shows it. A European region that applies with a region the referential
     * does not hold yet shows the region it proposes ({@code regionProposed}).
     */
    public record Profile(long id, int version, String name, OrganisationKind kind, String territoryCode,
                          String territoryName, boolean regionProposed, String siret, String address,
                          String website) implements Serializable {

        static Profile of(Organisation organisation) {
            Optional<ProposedRegion> proposed = organisation.proposedRegion();
            return new Profile(organisation.id(), organisation.version(), organisation.name(), organisation.kind(),
                    organisation.territory().map(Territory::code).orElse(proposed.map(ProposedRegion::code).orElse(null)),
                    organisation.territory().map(Territory::name).orElse(proposed.map(ProposedRegion::name).orElse(null)),
                    proposed.isPresent(), organisation.siret().orElse(null), organisation.address().orElse(null),
                    organisation.website().orElse(null));
        }
    }

    /** A contact as the table shows it, with the version seen (an edit is checked against it). */
    /** A removed contact whose personal data are kept: who, and since when. */
    public record FormerContact(ContactRow contact, java.time.Instant removedAt) implements Serializable {

        static FormerContact of(Contact contact) {
            return new FormerContact(ContactRow.of(contact), contact.removedAt().orElse(null));
        }
    }

    public record ContactRow(long id, int version, String fullName, String email, String jobTitle,
                             NetworkRole networkRole, String language) implements Serializable {

        static ContactRow of(Contact contact) {
            return new ContactRow(contact.id(), contact.version(), contact.fullName(), contact.email(),
                    contact.jobTitle().orElse(null), contact.networkRole(), contact.language());
        }

        ContactDetails details() {
            ContactDetails details = new ContactDetails();
            details.setFullName(fullName);
            details.setEmail(email);
            details.setJobTitle(jobTitle);
            details.setNetworkRole(networkRole);
            details.setLanguage(language);
            return details;
        }
    }

    /** A membership of the organisation, current or past, with the version seen. */
    public record MembershipRow(long id, int version, MembershipState state, MembershipCategory category,
                                LocalDate periodStart, LocalDate periodEnd, BigDecimal fee, String agreement,
                                String lastReason, Instant appliedAt, boolean current) implements Serializable {

        static MembershipRow of(Membership membership) {
            return new MembershipRow(membership.id(), membership.version(), membership.state(),
                    membership.category(), membership.getPeriodStart(), membership.periodEnd(), membership.fee(),
                    membership.agreementReference(), membership.lastReason(), membership.appliedAt(),
                    membership.isCurrent());
        }
    }

    /** An action of the workflow the caller may take now, and what its dialog asks for. */
    public record ActionChoice(MembershipAction action, boolean reasonRequired, boolean agreementRequired)
            implements Serializable {
    }

    /** The {@code id} of the address: kept as typed, so a wrong one is a "not found", not a conversion error. */
    private String requestedId;

    @Inject
    private Organisations organisations;

    @Inject
    private Memberships memberships;

    @Inject
    private Timeline timelines;

    private boolean notFound;
    private boolean noOrganisation;
    private boolean restricted;
    private boolean editor;

    private Profile profile;
    private List<ContactRow> contacts = List.of();
    /** The secretariat's list of removed contacts whose personal data are still kept (to erase on request). */
    private List<FormerContact> formerContacts = List.of();
    private List<MembershipRow> history = List.of();
    private MembershipRow current;
    private List<ActionChoice> actions = List.of();
    private List<Timeline.Entry> timeline = List.of();
    // the number to read older entries before (null: nothing older) and the first entry of the last page added
    private Long olderBefore;
    private Long firstOlder;

    // the profile being edited (null when not)
    private OrganisationDetails profileForm;
    // the contact being added (contactId null) or edited
    private ContactDetails contactForm;
    private Long contactId;
    private int contactVersion;
    // the contact whose removal is asked
    private ContactRow removing;
    private ContactRow erasing;
    // the workflow action of the dialog
    private ActionChoice chosen;
    private String reason;
    private String agreement;

    /** Reads the organisation of the address, once per view (the page's view action). */
    public void load() {
        Optional<Organisation> mine = organisations.mine();
        Organisation organisation;
        if (requestedId == null || requestedId.isBlank()) {
            organisation = mine.orElse(null);
            noOrganisation = organisation == null;
            if (noOrganisation) {
                return;
            }
        } else {
            try {
                organisation = organisations.find(Long.parseLong(requestedId.strip()));
            } catch (NumberFormatException | RecordNotFound unknown) {
                notFound = true;
                FacesContext.getCurrentInstance().getExternalContext()
                        .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        boolean own = mine.map(Organisation::id).filter(organisation.id()::equals).isPresent();
        editor = inRole(Role.NETWORK_ADMIN_NAME) || own && inRole(Role.MEMBER_COORDINATOR_NAME);
        restricted = !(inRole(Role.NETWORK_ADMIN_NAME) || inRole(Role.AUDITOR_NAME)
                || own && (inRole(Role.MEMBER_COORDINATOR_NAME) || inRole(Role.CONTRIBUTOR_NAME)));
        show(organisation);
    }

    /** Reads again what the page shows, after a change. */
    private void reload() {
        show(organisations.find(profile.id()));
    }

    private void show(Organisation organisation) {
        profile = Profile.of(organisation);
        if (restricted) {
            return;
        }
        try {
            contacts = organisations.contacts(profile.id()).stream().map(ContactRow::of).toList();
            formerContacts = isSecretariat() ? organisations.removedContacts(profile.id()).stream()
                    .map(FormerContact::of).toList() : List.of();
            history = memberships.ofOrganisation(profile.id()).stream().map(MembershipRow::of).toList();
            current = history.stream().filter(MembershipRow::current).findFirst().orElse(null);
            actions = current == null ? List.of() : memberships.actions(current.id()).stream()
                    .map(possible -> new ActionChoice(possible.action(), possible.reasonRequired(),
                            possible.needs(MembershipInputs.AGREEMENT))).toList();
            showNewest();
        } catch (AccessRefused | EJBAccessException refused) {
            // the rights changed since the page was opened: show what anyone may see
            restricted = true;
            editor = false;
            contacts = List.of();
            formerContacts = List.of();
            history = List.of();
            current = null;
            actions = List.of();
            timeline = List.of();
            olderBefore = null;
        }
    }

    private void showNewest() {
        Timeline.Page page = timelines.newest(profile.id());
        timeline = page.entries();
        olderBefore = page.olderBefore();
        firstOlder = null;
    }

    // ----- the timeline -----

    /** Adds the next older entries below those shown ("show older events"); the focus goes to the first added. */
    public void showOlder() {
        if (olderBefore == null || restricted) {
            return;
        }
        Timeline.Page page = timelines.olderThan(profile.id(), olderBefore);
        List<Timeline.Entry> shown = new ArrayList<>(timeline);
        shown.addAll(page.entries());
        timeline = List.copyOf(shown);
        olderBefore = page.olderBefore();
        firstOlder = page.entries().isEmpty() ? null : page.entries().get(0).seq();
    }

    // ----- the profile -----

    public void editProfile() {
        profileForm = organisations.find(profile.id()).details();
    }

    public void cancelProfile() {
        profileForm = null;
    }

    public void saveProfile() {
        try {
            organisations.updateProfile(profile.id(), profile.version(), profileForm);
            profileForm = null;
            reload();
            RuleMessages.info("organisation.profile.saved");
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> switch (field) {
                case "territoryCode" -> profile.kind() == OrganisationKind.EUROPEAN_REGION ? "profile:nuts"
                        : "profile:region";
                case "name", "siret", "address", "website" -> "profile:" + field;
                default -> null;
            }, "profile:profileMessages");
        }
    }

    // ----- the contacts -----

    public void newContact() {
        removing = null;
        contactId = null;
        contactForm = new ContactDetails();
    }

    public void editContact(ContactRow row) {
        removing = null;
        contactId = row.id();
        contactVersion = row.version();
        contactForm = row.details();
    }

    public void cancelContact() {
        contactForm = null;
        contactId = null;
    }

    public void saveContact() {
        try {
            String name = contactForm.getFullName();
            if (contactId == null) {
                organisations.addContact(profile.id(), contactForm);
                RuleMessages.info("organisation.contact.added", name);
            } else {
                organisations.updateContact(contactId, contactVersion, contactForm);
                RuleMessages.info("organisation.contact.saved", name);
            }
            cancelContact();
            reload();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> "contact:" + field, "contact:contactMessages");
        }
    }

    public void askRemove(ContactRow row) {
        cancelContact();
        removing = row;
    }

    public void cancelRemove() {
        removing = null;
    }

    public void confirmRemove() {
        try {
            organisations.removeContact(removing.id(), removing.version());
            RuleMessages.info("organisation.contact.removed", removing.fullName());
            removing = null;
            reload();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, "contacts:removeMessages");
        }
    }

    /** Asks the secretariat to confirm the erasure of a contact's personal data (GDPR article 17). */
    public void askErase(ContactRow row) {
        cancelContact();
        removing = null;
        erasing = row;
    }

    public void cancelErase() {
        erasing = null;
    }

    public void confirmErase() {
        try {
            organisations.eraseContact(erasing.id(), erasing.version());
            RuleMessages.info("organisation.contact.erased", erasing.fullName());
            erasing = null;
            reload();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> null, "contacts:eraseMessages");
        }
    }

    public ContactRow getErasing() {
        return erasing;
    }

    /** Whether the caller is the secretariat, who alone may erase a contact's personal data. */
    public boolean isSecretariat() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .isUserInRole("NETWORK_ADMIN");
    }

    // ----- the membership's workflow -----

    public void choose(ActionChoice action) {
        chosen = action;
        reason = null;
        agreement = null;
    }

    public void perform() {
        try {
            memberships.perform(current.id(), current.version(), chosen.action(), reason, agreement);
            RuleMessages.info("organisation.membership.done",
                    RuleMessages.label("membership.MembershipAction." + chosen.action().name()));
            chosen = null;
            reload();
            PrimeFaces.current().ajax().addCallbackParam("performed", true);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> switch (field) {
                case "reason" -> chosen.reasonRequired() ? "action:reason" : null;
                case "agreement" -> chosen.agreementRequired() ? "action:agreement" : null;
                default -> null;
            }, "action:actionMessages");
        }
    }

    // ----- what the page asks -----

    public String getRequestedId() {
        return requestedId;
    }

    public void setRequestedId(String requestedId) {
        this.requestedId = requestedId;
    }

    private static boolean inRole(String role) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(role);
    }

    public boolean isFound() {
        return profile != null;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isNoOrganisation() {
        return noOrganisation;
    }

    public boolean isRestricted() {
        return restricted;
    }

    public boolean isEditor() {
        return editor;
    }

    public boolean isEuropean() {
        return profile != null && profile.kind() == OrganisationKind.EUROPEAN_REGION;
    }

    public boolean isCouncil() {
        return profile != null && profile.kind() == OrganisationKind.REGIONAL_COUNCIL;
    }

    public Profile getProfile() {
        return profile;
    }

    public List<ContactRow> getContacts() {
        return contacts;
    }

    public List<FormerContact> getFormerContacts() {
        return formerContacts;
    }

    public List<MembershipRow> getHistory() {
        return history;
    }

    public MembershipRow getCurrent() {
        return current;
    }

    public List<ActionChoice> getActions() {
        return actions;
    }

    public List<Timeline.Entry> getTimeline() {
        return timeline;
    }

    /** Whether entries older than those shown exist. */
    public boolean isOlderEvents() {
        return olderBefore != null;
    }

    /** Whether this entry is the first of the page "show older events" just added (it takes the focus). */
    public boolean firstOlder(Timeline.Entry entry) {
        return firstOlder != null && firstOlder == entry.seq();
    }

    public OrganisationDetails getProfileForm() {
        return profileForm;
    }

    public ContactDetails getContactForm() {
        return contactForm;
    }

    public boolean isNewContact() {
        return contactForm != null && contactId == null;
    }

    public ContactRow getRemoving() {
        return removing;
    }

    public ActionChoice getChosen() {
        return chosen;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getAgreement() {
        return agreement;
    }

    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }
}
