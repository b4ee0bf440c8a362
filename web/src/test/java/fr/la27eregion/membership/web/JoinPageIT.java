package fr.la27eregion.membership.web;

import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import jakarta.json.Json;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation that is not a member applies to join the network, in a real Chromium against the micro WAR on
 * Payara Micro and PostgreSQL: the application is stored with its contacts and journalled; a wrong SIRET is shown
 * beside the SIRET field and in the summary, and nothing is stored; markup in a name stays text; the page works in
 * French and English and passes axe-core (WCAG 2.1 A and AA) empty, with errors and confirmed.
 *
 * <p>Each test applies under a name of its own ({@code System.nanoTime()}), so none depends on another's records.
 */
@Tag("browser")
@Tag("citizen")
@DisplayName("Joining the network")
class JoinPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("the home page and the login page lead to the join page")
    void theHomeAndLoginPagesLeadToIt() {
        new PublicPage(browser).load(browser.application(), "index.xhtml", "fr");
        browser.driver().findElement(By.id("join-link")).click();
        browser.waitForDocument();
        assertThat(new JoinPage(browser).heading()).isEqualTo("Rejoindre le réseau");

        new PublicPage(browser).load(browser.application(), "login.xhtml", "fr");
        browser.driver().findElement(By.id("join-link")).click();
        browser.waitForDocument();
        assertThat(new JoinPage(browser).heading()).isEqualTo("Rejoindre le réseau");
        browser.accessibility().assertNoViolations("the empty join page");
        browser.screenshot("join-empty-fr");
    }

    @Test
    @DisplayName("a new organisation applies with two contacts (a wrong e-mail shown beside its contact first): stored as APPLIED, journalled, confirmed")
    void aNewOrganisationApplies() throws Exception {
        long unique = System.nanoTime();
        String name = "Agence des usages " + unique;
        String siret = spaced(siret(unique));
        JoinPage page = new JoinPage(browser).open(browser.application(), "fr");

        page.chooseKind("ASSOCIATE").type("name", name).region("FR-53").type("siret", siret)
                .type("address", "1 rue de la Paix\n35000 Rennes").type("website", "https://usages.example.fr")
                .contact(0, "Camille Martin", "camille." + unique + "@example.fr", "Directrice", "COORDINATOR")
                .addContact()
                .contact(1, "Louis Bernard", "louis.sans.arobase", "Chargé de mission", "CORRESPONDENT")
                .addContact().contact(2, "Personne en trop", "trop@example.fr", "", "ELECTED")
                .removeContact(2)
                .submit();
        assertThat(page.shows("contacts:2:fullName")).as("the third contact was removed").isFalse();
        assertThat(page.fieldMessage("contacts:1:email")).as("the second contact's e-mail, beside it")
                .isEqualTo("Ce n'est pas une adresse électronique (nom@exemple.fr).");
        assertThat(page.fieldMessage("contacts:0:email")).isEmpty();

        page.type("contacts:1:email", "louis." + unique + "@example.fr").submit();

        assertThat(page.confirmation()).contains("Candidature envoyée").contains("« " + name + " »")
                .contains("camille." + unique + "@example.fr");
        assertThat(page.focused().getDomAttribute("id")).as("the focus moves to the confirmation")
                .isEqualTo("confirmation");
        browser.screenshot("join-confirmation-fr");
        browser.accessibility().assertNoViolations("the join page's confirmation");

        assertThat(query("SELECT m.state FROM membership m JOIN organisation o ON o.id = m.organisation_id"
                + " WHERE o.name = ?", name)).containsExactly("APPLIED");
        assertThat(query("SELECT c.full_name || ' ' || c.network_role FROM contact c JOIN organisation o"
                + " ON o.id = c.organisation_id WHERE o.name = ? ORDER BY c.full_name", name))
                .containsExactly("Camille Martin COORDINATOR", "Louis Bernard CORRESPONDENT");
        assertThat(query("SELECT o.siret FROM organisation o WHERE o.name = ?", name))
                .containsExactly(siret.replace(" ", ""));
        assertThat(query("SELECT e.action FROM journal_entry e JOIN membership m ON e.entity_id = m.id::text"
                + " JOIN organisation o ON o.id = m.organisation_id WHERE e.entity_type = 'Membership'"
                + " AND o.name = ?", name)).containsExactly("membership.apply");
    }

    @Test
    @DisplayName("a SIRET with a wrong key is shown beside the SIRET field and in the summary; nothing is stored")
    void aWrongSiretIsShownBesideItsField() throws Exception {
        long unique = System.nanoTime();
        String name = "Organisme au SIRET faux " + unique;
        String valid = siret(unique);
        String wrong = valid.substring(0, 13) + (char) ('0' + (valid.charAt(13) - '0' + 1) % 10);
        JoinPage page = new JoinPage(browser).open(browser.application(), "fr");

        page.chooseKind("FOUNDING_PARTNER").type("name", name).type("siret", wrong)
                .contact(0, "Camille Martin", "camille." + unique + "@example.fr", "", "COORDINATOR")
                .submit();

        String message = "La clé de contrôle de ce SIRET est fausse : vérifiez les chiffres.";
        assertThat(page.fieldMessage("siret")).isEqualTo(message);
        assertThat(page.input("siret").getDomAttribute("aria-describedby")).startsWith("join:siretMessage");
        assertThat(page.input("siret").getAttribute("value")).as("what was typed is kept").isEqualTo(wrong);
        assertThat(page.summary()).containsExactly(message);
        assertThat(page.summaryBox().getDomAttribute("role")).isEqualTo("alert");
        assertThat(page.focused()).as("the focus moves to the summary").isEqualTo(page.summaryBox());
        assertThat(page.fieldMessage("name")).isEmpty();
        browser.screenshot("join-wrong-siret-fr");
        browser.accessibility().assertNoViolations("the join page with a wrong SIRET");

        browser.driver().findElement(By.cssSelector(".error-summary a")).click();
        assertThat(page.focused()).as("the summary's link leads to the field").isEqualTo(page.input("siret"));

        assertThat(query("SELECT o.name FROM organisation o WHERE o.name = ?", name)).isEmpty();
    }

    @Test
    @DisplayName("required fields are checked before anything is sent, in French, beside each field")
    void requiredFieldsAreCheckedFirst() {
        JoinPage page = new JoinPage(browser).open(browser.application(), "fr");
        page.submit();

        assertThat(page.fieldMessage("kind")).isEqualTo("Type d'organisation : ce champ est obligatoire.");
        assertThat(page.fieldMessage("name")).isEqualTo("Nom de l'organisation : ce champ est obligatoire.");
        assertThat(page.fieldMessage("contacts:0:email")).isEqualTo("Adresse électronique (1) : ce champ est obligatoire.");
        assertThat(page.summary()).contains("Nom de l'organisation : ce champ est obligatoire.");
        assertThat(page.summaryBox().getText()).startsWith("Le formulaire contient");
        browser.screenshot("join-required-fr");
        browser.accessibility().assertNoViolations("the join page with required fields missing");
    }

    @Test
    @DisplayName("markup typed in the name is shown as text on the confirmation, never run")
    void markupInTheNameStaysText() {
        long unique = System.nanoTime();
        String name = "<script>window.__joined = true</script><b>Région</b> " + unique;
        JoinPage page = new JoinPage(browser).open(browser.application(), "fr");

        page.chooseKind("ASSOCIATE").type("name", name).type("siret", siret(unique))
                .contact(0, "Camille Martin", "camille." + unique + "@example.fr", "", "COORDINATOR")
                .submit();

        assertThat(page.confirmation()).contains(name);
        assertThat(browser.script().executeScript("return window.__joined === undefined")).isEqualTo(true);
        assertThat(browser.driver().findElements(By.cssSelector("#confirmation b, #confirmation script"))).isEmpty();
    }

    @Test
    @DisplayName("in English, a European region gives its NUTS-2 code instead of a SIRET; a wrong code is shown beside it")
    void aEuropeanRegionAppliesInEnglish() throws Exception {
        long unique = System.nanoTime();
        String name = "Region of Test " + unique;
        String nuts = "Q" + (char) ('A' + unique % 26) + String.format("%02d", (unique / 26) % 100);
        JoinPage page = new JoinPage(browser).open(browser.application(), "en");
        assertThat(page.heading()).isEqualTo("Join the network");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.shows("siret")).isTrue();
        assertThat(page.shows("nuts")).isFalse();

        page.chooseKind("EUROPEAN_REGION");
        assertThat(page.shows("siret")).as("no SIRET for a European region").isFalse();
        assertThat(page.shows("nuts")).isTrue();

        page.type("name", name).type("nuts", "FR1")
                .contact(0, "Ana García", "ana." + unique + "@example.eu", "Head of innovation", "COORDINATOR")
                .submit();
        assertThat(page.fieldMessage("nuts"))
                .isEqualTo("FR1 is not the NUTS-2 code of a region outside France (for example ES51).");
        browser.screenshot("join-wrong-nuts-en");
        browser.accessibility().assertNoViolations("the join page in English with an error");

        page.type("nuts", nuts).submit();
        assertThat(page.confirmation()).contains("Application sent").contains("\"" + name + "\"");
        browser.screenshot("join-confirmation-en");
        // the region is proposed on the application; the secretariat's approval adds it to the referential
        assertThat(query("SELECT o.proposed_region_code FROM organisation o WHERE o.name = ? AND o.siret IS NULL"
                + " AND o.territory_id IS NULL", name)).containsExactly(nuts);
    }

    @Test
    @DisplayName("past the limit of applications from one address, the page says kindly when to try again and keeps what was typed")
    void tooManyApplicationsAreRefusedKindly() throws Exception {
        String address = ApiClient.uniqueAddress();
        ApiClient api = new ApiClient(TestServer.url()).from(address);
        for (int i = 0; i < 5; i++) {
            long unique = System.nanoTime();
            ApiClient.Reply applied = api.post("api/v1/organisations", Json.createObjectBuilder()
                    .add("name", "Candidature en série " + unique).add("kind", "ASSOCIATE").add("siret", siret(unique))
                    .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("fullName", "Camille Martin").add("email", "serie." + unique + "@example.fr")
                            .add("networkRole", "COORDINATOR").add("language", "fr"))).build().toString(), null);
            assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        }
        // the browser's requests claim the same client address (the test server believes its loopback's header)
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
        try {
            long unique = System.nanoTime();
            String name = "Organisme patient " + unique;
            JoinPage page = new JoinPage(browser).open(browser.application(), "fr");
            page.chooseKind("ASSOCIATE").type("name", name).type("siret", spaced(siret(unique)))
                    .contact(0, "Camille Martin", "camille." + unique + "@example.fr", "", "COORDINATOR")
                    .submit();

            assertThat(page.summary()).singleElement().asString()
                    .startsWith("Plusieurs candidatures ont déjà été envoyées depuis votre adresse réseau")
                    .contains("réessayer dans").contains("ce que vous avez saisi est conservé");
            assertThat(page.summaryHeading()).as("nothing in the form to correct: the heading says it was not sent")
                    .isEqualTo("Votre demande n'a pas été enregistrée");
            assertThat(page.summaryBox().getDomAttribute("role")).isEqualTo("alert");
            assertThat(page.focused()).as("the focus moves to the message").isEqualTo(page.summaryBox());
            assertThat(page.input("name").getAttribute("value")).as("what was typed is kept").isEqualTo(name);
            browser.screenshot("join-limit-reached-fr");
            browser.accessibility().assertNoViolations("the join page past the limit of applications");
            assertThat(query("SELECT o.name FROM organisation o WHERE o.name = ?", name)).isEmpty();
        } finally {
            chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    /** A valid SIRET of its own for each test: 13 digits from the unique number, then the Luhn key. */
    private static String siret(long unique) {
        return Siret.withKey(String.format("%013d", Math.abs(unique) % 10_000_000_000_000L)).value();
    }

    /** As people type it: 130 007 669 00013. */
    private static String spaced(String siret) {
        return siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " "
                + siret.substring(9);
    }

    /** The first column of each row, read as the database's superuser (tests only). */
    static List<String> query(String sql, String parameter) {
        return Superuser.column(sql, parameter);
    }
}
