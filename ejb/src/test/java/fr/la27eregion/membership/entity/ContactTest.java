package fr.la27eregion.membership.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the journal keeps of a contact (references, never personal details), and the erasure on the entity. */
class ContactTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Organisation organisation() {
        OrganisationDetails details = new OrganisationDetails();
        details.setKind(OrganisationKind.ASSOCIATE);
        details.setName("Agence régionale du numérique");
        details.setSiret(Siret.withKey("2305300000053").value());
        return Organisation.create(details, null, NOW);
    }

    private static ContactDetails camille() {
        ContactDetails details = new ContactDetails();
        details.setFullName("Camille Le Gall");
        details.setEmail("camille.legall@example.fr");
        details.setJobTitle("Cheffe de projet");
        details.setNetworkRole(NetworkRole.COORDINATOR);
        details.setLanguage("fr");
        return details;
    }

    @Test
    void theJournalKeepsNoPersonalDetailOfAContact() {
        Contact contact = Contact.create(organisation(), camille());
        Map<String, Object> described = contact.describe();
        assertThat(described).containsOnlyKeys("organisation", "networkRole", "language");
        assertThat(described.toString()).doesNotContain("Camille", "example.fr", "Cheffe");
    }

    @Test
    void aChangeNamesTheFieldsChangedNotTheirValues() {
        Contact contact = Contact.create(organisation(), camille());
        ContactDetails before = contact.details();
        ContactDetails after = camille();
        after.setEmail("c.legall@example.org");
        after.setNetworkRole(NetworkRole.CORRESPONDENT);
        contact.update(after);
        Map<String, Object> change = contact.describeChange(before);
        assertThat(change.get("changed")).isEqualTo(List.of("email"));
        assertThat(change.get("before")).isEqualTo(Map.of("networkRole", "COORDINATOR", "language", "fr"));
        assertThat(change.get("after")).isEqualTo(Map.of("networkRole", "CORRESPONDENT", "language", "fr"));
        assertThat(change.toString()).doesNotContain("legall", "Camille", "Cheffe");
    }

    @Test
    void erasureReplacesThePersonalDataAndRemovesTheContact() {
        Contact contact = Contact.create(organisation(), camille());
        contact.erase(NOW);
        assertThat(contact.fullName()).isEqualTo(Contact.ERASED);
        assertThat(contact.email()).isEqualTo(Contact.ERASED);
        assertThat(contact.jobTitle()).isEmpty();
        assertThat(contact.erased()).isTrue();
        assertThat(contact.removed()).isTrue();
        assertThat(contact.networkRole()).isEqualTo(NetworkRole.COORDINATOR);
    }
}
