package fr.la27eregion.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A person of an organisation: who to write to about its membership (the coordinator), who follows the network's
 * work, who represents it. Not public: only the secretariat, auditors and the organisation's own people see them.
 */
@Entity
@Table(name = "contact")
@NamedQuery(name = Contact.OF_ORGANISATION, query = "SELECT c FROM Contact c WHERE c.organisation.id = :organisation"
        + " AND c.removedAt IS NULL ORDER BY c.networkRole, c.fullName")
public class Contact implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_ORGANISATION = "Contact.ofOrganisation";

    /** What replaces personal data once erased. */
    public static final String ERASED = "erased";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
    private Organisation organisation;

    @Column(name = "full_name", nullable = false, length = ContactDetails.MAX_NAME)
    private String fullName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "job_title", length = ContactDetails.MAX_JOB_TITLE)
    private String jobTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "network_role", nullable = false, length = 20)
    private NetworkRole networkRole;

    @Column(nullable = false, length = 2)
    private String language;

    /** When it was removed from the organisation's contacts; kept until erased (see V29). */
    @Column(name = "removed_at")
    private Instant removedAt;

    /** When its personal data were erased (GDPR article 17): the name and address are then {@value #ERASED}. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    /** The platform account of this person, when they have one. */
    @Column(name = "account_id")
    private Long accountId;

    @Version
    private int version;

    protected Contact() {
        // for JPA
    }

    public static Contact create(Organisation organisation, ContactDetails details) {
        Contact contact = new Contact();
        contact.organisation = organisation;
        contact.update(details);
        return contact;
    }

    public void update(ContactDetails details) {
        details.check("");
        fullName = details.getFullName().strip();
        email = details.getEmail().strip();
        jobTitle = details.getJobTitle() == null || details.getJobTitle().isBlank() ? null : details.getJobTitle().strip();
        networkRole = details.getNetworkRole();
        language = details.getLanguage();
    }

    public void linkAccount(Long account) {
        this.accountId = account;
    }

    public ContactDetails details() {
        ContactDetails details = new ContactDetails();
        details.setFullName(fullName);
        details.setEmail(email);
        details.setJobTitle(jobTitle);
        details.setNetworkRole(networkRole);
        details.setLanguage(language);
        return details;
    }

    /**
     * What the journal keeps of a contact: a reference to the person (the entry's entity id is the contact's id)
     * and their place in the organisation, never their personal details (name, address, job title).
     *
     * <p>Why: the journal is append-only and chained, so nothing written in it can ever be erased; a person's
     * details there would outlive a request to erase them (GDPR article 17). The contact's row holds the details,
     * and {@link #erase} replaces them; the journal still says who (which contact) changed what and when. A salted
     * digest of the details, whose salt would be erased with the person, was considered: it proves a former value
     * only to someone who already knows it, and adds a secret to keep for every person; the id serves as well.
     */
    public Map<String, Object> describe() {
        Map<String, Object> described = new TreeMap<>();
        described.put("organisation", organisation.id());
        described.put("networkRole", networkRole.name());
        described.put("language", language);
        return described;
    }

    /**
     * What the journal keeps of a change: the reference ({@link #describe}) after the change, the names of the
     * personal fields that changed (not their values), and the network role and language before and after.
     */
    public Map<String, Object> describeChange(ContactDetails before) {
        Map<String, Object> change = new TreeMap<>();
        change.put("organisation", organisation.id());
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.getFullName(), fullName)) {
            changed.add("fullName");
        }
        if (!Objects.equals(before.getEmail(), email)) {
            changed.add("email");
        }
        if (!Objects.equals(before.getJobTitle(), jobTitle)) {
            changed.add("jobTitle");
        }
        change.put("changed", changed);
        change.put("before", Map.of("networkRole", before.getNetworkRole().name(), "language", before.getLanguage()));
        change.put("after", Map.of("networkRole", networkRole.name(), "language", language));
        return change;
    }

    /** Takes the contact off the organisation's contacts; its row stays until erased. */
    public void remove(Instant now) {
        removedAt = now;
    }

    /**
     * Replaces the personal data by {@value #ERASED} (the network role and language, which say nothing of the
     * person, stay); a current contact is removed at the same time.
     */
    public void erase(Instant now) {
        fullName = ERASED;
        email = ERASED;
        jobTitle = null;
        erasedAt = now;
        if (removedAt == null) {
            removedAt = now;
        }
    }

    /** When the contact was removed from the organisation, if it was. */
    public java.util.Optional<Instant> removedAt() {
        return java.util.Optional.ofNullable(removedAt);
    }

    public boolean removed() {
        return removedAt != null;
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Long id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public Optional<String> jobTitle() {
        return Optional.ofNullable(jobTitle);
    }

    public NetworkRole networkRole() {
        return networkRole;
    }

    public String language() {
        return language;
    }

    public Optional<Long> accountId() {
        return Optional.ofNullable(accountId);
    }

    public int version() {
        return version;
    }

    // JavaBeans getters for Facelets expressions
    public Long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public NetworkRole getNetworkRole() {
        return networkRole;
    }

    public String getLanguage() {
        return language;
    }

    public int getVersion() {
        return version;
    }
}
