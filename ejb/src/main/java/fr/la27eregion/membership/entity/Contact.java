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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A person of an organisation: who to write to about its membership (the coordinator), who follows the network's
 * work, who represents it. Not public: only the secretariat, auditors and the organisation's own people see them.
 */
@Entity
@Table(name = "contact")
@NamedQuery(name = Contact.OF_ORGANISATION,
        query = "SELECT c FROM Contact c WHERE c.organisation.id = :organisation ORDER BY c.networkRole, c.fullName")
public class Contact implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_ORGANISATION = "Contact.ofOrganisation";

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

    /** What the journal keeps of a contact. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new TreeMap<>();
        described.put("organisation", organisation.id());
        described.put("fullName", fullName);
        described.put("email", email);
        described.put("jobTitle", jobTitle);
        described.put("networkRole", networkRole.name());
        described.put("language", language);
        return described;
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
