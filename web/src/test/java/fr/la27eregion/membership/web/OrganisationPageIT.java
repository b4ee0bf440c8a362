package fr.la27eregion.membership.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;

import static fr.la27eregion.membership.web.JoinPageIT.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation's page and the notifications page, by role, in a real Chromium against the micro WAR on Payara
 * Micro and PostgreSQL: the coordinator of "Organisation de test A" edits a contact and sees it in the timeline
 * read from the journal; the coordinator of B sees A's public profile only (A is a member); an unknown
 * organisation is a friendly "not found"; the secretariat moves an application through the workflow with the dialog that asks for a reason;
 * a busy organisation's timeline shows its newest events and the older ones on request ("show older events");
 * the notifications page lists the organisation's entries with the unread ones marked and the menu's badge. Each
 * page passes axe-core (WCAG 2.1 A and AA). Accounts come from {@link TestAccounts}.
 */
@Tag("browser")
@DisplayName("The organisation page and the notifications page")
class OrganisationPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("the coordinator opens their organisation, adds then edits a contact, and the timeline says so")
    void theCoordinatorEditsAContact() {
        long unique = System.nanoTime();
        String name = "Camille Essai " + unique;
        browser.logInAs(Role.MEMBER_COORDINATOR);
        OrganisationPage page = new OrganisationPage(browser).openMine();
        assertThat(page.heading()).isEqualTo(TestAccounts.ORGANISATION_A);
        assertThat(page.showsContacts()).isTrue();

        page.addContact(name, "camille." + unique + "@example.fr", "Chargée de mission", "COORDINATOR")
                .saveContact();
        assertThat(page.pageMessage()).isEqualTo("Contact " + name + " ajouté.");
        assertThat(page.contacts()).anySatisfy(row -> assertThat(row).contains(name).contains("Chargée de mission"));

        page.editContact(name).jobTitle("Directrice de l'innovation").saveContact();
        assertThat(page.pageMessage()).isEqualTo("Contact " + name + " enregistré.");
        assertThat(page.contacts()).anySatisfy(row -> assertThat(row).contains(name)
                .contains("Directrice de l'innovation"));
        assertThat(page.timeline()).anySatisfy(entry -> assertThat(entry).contains("Contact ajouté : " + name)
                .contains("par member-coordinator"));
        assertThat(page.timeline().get(0)).as("newest first").contains("Contact modifié : " + name)
                .contains("par member-coordinator");
        browser.screenshot("organisation-coordinator");
        browser.accessibility().assertNoViolations("the organisation page of its coordinator");
    }

    @Test
    @DisplayName("a contact form with a wrong e-mail address keeps what was typed and says why beside the field")
    void aWrongEmailIsShownBesideItsField() {
        browser.logInAs(Role.MEMBER_COORDINATOR);
        OrganisationPage page = new OrganisationPage(browser).openMine();
        page.addContact("Personne Sans Courriel", "pas-une-adresse", "", "CORRESPONDENT").saveContact();

        assertThat(page.fieldMessage("contact:emailMessage"))
                .isEqualTo("Ce n'est pas une adresse électronique (nom@exemple.fr).");
        assertThat(page.contacts()).noneSatisfy(row -> assertThat(row).contains("Personne Sans Courriel"));
        browser.screenshot("organisation-contact-error");
        browser.accessibility().assertNoViolations("the contact editor with an error");
    }

    @Test
    @DisplayName("the coordinator of B sees A's public profile only, with a note and none of A's contacts, in French and English")
    void anotherOrganisationsCoordinatorSeesTheProfileOnly() throws Exception {
        // a member's profile is public; a non-member's is not (MembershipScopingIT): A is a member
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        long a = organisationId(TestAccounts.ORGANISATION_A);
        browser.logInAs(TestAccounts.COORDINATOR_B);
        OrganisationPage page = new OrganisationPage(browser).open(browser.application(), a);

        assertThat(page.heading()).isEqualTo(TestAccounts.ORGANISATION_A);
        assertThat(page.restricted()).isTrue();
        assertThat(browser.driver().findElement(By.id("restricted")).getText())
                .startsWith("Vous ne pouvez pas voir les contacts");
        assertThat(page.showsContacts()).isFalse();
        assertThat(page.timeline()).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("mailto:").doesNotContain("contact:saveContact");
        browser.screenshot("organisation-restricted");
        browser.accessibility().assertNoViolations("another organisation's page");

        page.switchLanguage("en");
        assertThat(page.heading()).as("the language switch keeps the organisation").isEqualTo(TestAccounts.ORGANISATION_A);
        assertThat(browser.driver().findElement(By.id("restricted")).getText())
                .startsWith("You cannot see this organisation's contacts");
    }

    @Test
    @DisplayName("an organisation that does not exist is a friendly 'not found', whatever the id looks like")
    void anUnknownOrganisationIsNotFound() {
        browser.logInAs(Role.AUDITOR);
        OrganisationPage page = new OrganisationPage(browser);
        page.load(browser.application(), "app/membership/organisation.xhtml?id=987654321");
        assertThat(page.heading()).isEqualTo("Organisation introuvable");
        page.load(browser.application(), "app/membership/organisation.xhtml?id=pas-un-nombre");
        assertThat(page.heading()).isEqualTo("Organisation introuvable");
        browser.accessibility().assertNoViolations("the organisation page of an unknown organisation");
    }

    @Test
    @DisplayName("the secretariat reviews an application, then rejects it: the dialog asks for the reason")
    void theSecretariatMovesAnApplicationThroughTheWorkflow() throws Exception {
        long unique = System.nanoTime();
        String name = "Candidate du workflow " + unique;
        new JoinPage(browser).open(browser.application(), "fr").chooseKind("ASSOCIATE").type("name", name)
                .type("siret", Siret.withKey(String.format("%013d", unique % 10_000_000_000_000L)).value())
                .contact(0, "Camille Martin", "camille." + unique + "@example.fr", "", "COORDINATOR").submit();
        long id = organisationId(name);

        browser.driver().manage().deleteAllCookies();
        browser.logInAs(Role.NETWORK_ADMIN);
        OrganisationPage page = new OrganisationPage(browser).open(browser.application(), id);
        assertThat(page.membershipState()).isEqualTo("Candidature déposée");

        page.act("REVIEW");
        browser.accessibility().assertNoViolations("the action dialog");
        page.confirmAction();
        assertThat(page.membershipState()).isEqualTo("En cours d'examen");
        assertThat(page.pageMessage()).isEqualTo("Action « Mettre à l'examen » enregistrée.");

        page.act("REJECT").confirmAction();
        assertThat(page.dialogOpen()).as("the dialog stays open on a refusal").isTrue();
        assertThat(page.fieldMessage("action:reasonMessage")).isEqualTo("Cette action demande un motif.");
        browser.screenshot("organisation-reject-without-reason");
        browser.accessibility().assertNoViolations("the action dialog with an error");

        page.reason("Le dossier ne relève pas du réseau.").confirmAction();
        browser.waitUntil(d -> !page.dialogOpen());
        assertThat(page.membershipState()).as("a rejected application is not current").isEmpty();
        assertThat(page.history()).singleElement().asString().contains("Refusée")
                .contains("Le dossier ne relève pas du réseau.");
        assertThat(page.timeline()).hasSize(3);
        assertThat(page.timeline().get(2)).contains("Candidature déposée").contains("le demandeur (sans compte)");
        assertThat(page.timeline().get(0)).as("newest first").contains("Candidature refusée").contains("En cours d'examen")
                .contains("Refusée").contains("par network-admin").contains("Le dossier ne relève pas du réseau.");
        browser.screenshot("organisation-secretariat");
        browser.accessibility().assertNoViolations("the organisation page of the secretariat");

        page.removeContact("Camille Martin");
        assertThat(page.fieldMessage("contacts:removeMessages"))
                .isEqualTo("Au moins un contact doit être le coordinateur ou la coordinatrice de l'organisation.");
        assertThat(page.contacts()).anySatisfy(row -> assertThat(row).contains("Camille Martin"));

        page.editProfile().profile("website", "https://candidate.example.fr").saveProfile();
        assertThat(page.pageMessage()).isEqualTo("Profil enregistré.");
        assertThat(page.profileFacts()).contains("https://candidate.example.fr");
        assertThat(page.timeline().get(0)).contains("Profil modifié : site web")
                .contains("par network-admin");
    }

    @Test
    @DisplayName("a busy organisation's timeline shows its newest events first, and the older ones on request")
    void aLongTimelineShowsTheNewestFirstAndTheRestOnRequest() throws Exception {
        long unique = System.nanoTime();
        String name = "Organisation très active " + unique;
        ApiClient api = new ApiClient(TestServer.url());
        Reply applied = api.post("api/v1/organisations", Json.createObjectBuilder().add("name", name)
                .add("kind", "ASSOCIATE")
                .add("siret", Siret.withKey(String.format("%013d", unique % 10_000_000_000_000L)).value())
                .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("fullName", "Camille Martin").add("email", "camille." + unique + "@example.fr")
                        .add("networkRole", "COORDINATOR").add("language", "fr")))
                .build().toString(), null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        long membership = applied.json().getJsonNumber("id").longValue();
        int version = applied.json().getInt("version");
        String secretariat = TestAccounts.of(Role.NETWORK_ADMIN);
        List<String> steps = new ArrayList<>(List.of("REVIEW", "APPROVE", "ACTIVATE"));
        int renewals = Timeline.PAGE_SIZE;
        for (int i = 0; i < renewals; i++) {
            steps.add("RENEW");
        }
        for (String action : steps) {
            JsonObjectBuilder transition = Json.createObjectBuilder().add("action", action).add("version", version);
            if ("ACTIVATE".equals(action)) {
                transition.add("agreement", "CONV-" + unique % 100_000);
            }
            Reply done = api.post("api/v1/memberships/" + membership + "/transitions", transition.build().toString(),
                    secretariat);
            assertThat(done.status()).as(action + ": " + done).isEqualTo(200);
            version = done.json().getInt("version");
        }
        int entries = 1 + steps.size();

        browser.logInAs(secretariat);
        OrganisationPage page = new OrganisationPage(browser).open(browser.application(), organisationId(name));
        assertThat(page.timeline()).as("one page").hasSize(Timeline.PAGE_SIZE);
        assertThat(page.timeline().get(0)).as("the newest first").contains("Adhésion renouvelée");
        assertThat(page.timeline()).noneSatisfy(entry -> assertThat(entry).contains("Candidature déposée"));
        assertThat(page.offersOlderEvents()).isTrue();
        assertThat(browser.driver().findElement(By.id("older:showOlder")).getText())
                .isEqualTo("Afficher les événements plus anciens");
        browser.accessibility().assertNoViolations("a timeline with older events to show");

        page.showOlderEvents();
        assertThat(page.timeline()).as("every entry once").hasSize(entries);
        assertThat(page.timeline().get(entries - 1)).as("the oldest last").contains("Candidature déposée");
        assertThat(page.timeline().get(entries - 2)).contains("Candidature mise à l'examen");
        assertThat(page.offersOlderEvents()).as("nothing older").isFalse();
        assertThat(page.focused().getText()).as("the focus goes to the first older event")
                .isEqualTo(browser.driver().findElements(By.cssSelector("#timeline-list li")).get(Timeline.PAGE_SIZE)
                        .getText());
        browser.accessibility().assertNoViolations("the whole timeline");

        page.switchLanguage("en");
        assertThat(browser.driver().findElement(By.id("older:showOlder")).getText()).isEqualTo("Show older events");
    }

    @Test
    @DisplayName("a profile changed by someone else meanwhile is not overwritten: the editor says to reload")
    void aStaleProfileIsRefused() throws Exception {
        long a = organisationId(TestAccounts.ORGANISATION_A);
        browser.logInAs(Role.MEMBER_COORDINATOR);
        OrganisationPage page = new OrganisationPage(browser).open(browser.application(), a);
        page.editProfile().profile("address", "2 place de l'Hôtel de ville");
        changedMeanwhile(a);
        page.saveProfile();

        assertThat(page.fieldMessage("profile:profileMessages")).isEqualTo(
                "Cet enregistrement a été modifié par quelqu'un d'autre entre-temps : rechargez la page et recommencez.");
        assertThat(page.focused().getDomAttribute("id")).as("the focus moves to the message")
                .isEqualTo("profile:profileMessages");
        assertThat(query("SELECT coalesce(address, '') FROM organisation WHERE id = ?::bigint", String.valueOf(a)))
                .doesNotContain("2 place de l'Hôtel de ville");
        browser.screenshot("organisation-stale-profile");
    }

    @Test
    @DisplayName("the notifications page lists the organisation's entries, unread ones marked, with the menu's badge")
    void theNotificationsPage() throws Exception {
        long unique = System.nanoTime();
        String subject = "Rappel essai " + unique;
        notify(organisationId(TestAccounts.ORGANISATION_A), subject);
        browser.logInAs(Role.CONTRIBUTOR);
        NotificationsPage page = new NotificationsPage(browser);
        int before = page.badge();
        assertThat(before).isPositive();

        page.openFromMenu();
        assertThat(page.heading()).isEqualTo("Notifications");
        assertThat(page.entry(subject).getText()).contains("Renouvellement à prévoir : " + subject)
                .contains("Non lue");
        assertThat(page.unread(subject)).isTrue();
        browser.screenshot("notifications-contributor");
        browser.accessibility().assertNoViolations("the notifications page");

        page.markRead(subject);
        assertThat(page.unread(subject)).isFalse();
        assertThat(page.badge()).isEqualTo(before - 1);
        assertThat(query("SELECT CASE WHEN read_at IS NULL THEN 'unread' ELSE 'read' END FROM notification"
                + " WHERE arguments LIKE ?", "%" + unique + "%")).containsExactly("read");
    }

    @Test
    @DisplayName("the secretariat erases a former contact's personal data from the organisation page (GDPR art. 17)")
    void theSecretariatErasesAFormerContact() throws Exception {
        long unique = System.nanoTime();
        long organisation = new PlatformDriver(TestServer.url()).applicant("Effacement page " + unique, "fr")
                .membership().getJsonNumber("organisation").longValue();
        String email = "ancien." + unique + "@example.fr";
        Superuser.update("INSERT INTO contact (organisation_id, full_name, email, network_role, language, removed_at)"
                + " VALUES (?, 'Ancienne Correspondante', ?, 'CORRESPONDENT', 'fr', now())", organisation, email);

        browser.driver().manage().deleteAllCookies();
        browser.logInAs(Role.NETWORK_ADMIN);
        OrganisationPage page = new OrganisationPage(browser).open(browser.application(), organisation);
        assertThat(page.contacts()).noneSatisfy(row -> assertThat(row).contains("Ancienne Correspondante"));
        assertThat(page.formerContacts()).singleElement().asString().contains("Ancienne Correspondante")
                .contains(email);
        browser.accessibility().assertNoViolations("the organisation page with a former contact");

        page.eraseFormerContact("Ancienne Correspondante");
        assertThat(page.pageMessage()).isEqualTo("Les données personnelles de Ancienne Correspondante sont effacées.");
        assertThat(page.formerContacts()).isEmpty();
        assertThat(query("SELECT count(*) FROM contact WHERE email = ?", email)).containsExactly("0");
        assertThat(query("SELECT count(*) FROM journal_entry WHERE action = 'contact.erase' AND details LIKE ?",
                "%\"organisation\":" + organisation + "%")).containsExactly("1");

        browser.driver().manage().deleteAllCookies();
        browser.logInAs(Role.MEMBER_COORDINATOR);
        new OrganisationPage(browser).open(browser.application(), organisation);
        assertThat(page.formerContacts()).as("the secretariat's list only").isEmpty();
    }

    private static long organisationId(String name) throws Exception {
        return Long.parseLong(query("SELECT id FROM organisation WHERE name = ?", name).get(0));
    }

    /** Someone else's change of the organisation, as far as its version tells (tests only). */
    private static void changedMeanwhile(long organisation) {
        Superuser.update("UPDATE organisation SET version = version + 1 WHERE id = ?", organisation);
    }

    /** A renewal reminder in the organisation's list, written as the notification control writes it (tests only). */
    private static void notify(long organisation, String subject) {
        Superuser.update("INSERT INTO notification (organisation_id, message_key, arguments)"
                + " VALUES (?, 'membership.reminder', ?)",
                organisation, "[\"" + subject + "\",\"\",\"31/12/2026\",\"https://example.invalid/\"]");
    }
}
