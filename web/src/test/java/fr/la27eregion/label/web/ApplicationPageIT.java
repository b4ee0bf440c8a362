package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application page by role, in real Chromium with axe-core on each state: a contributor answers the criteria
 * (no step offered), the coordinator submits, the secretariat requests changes with a reason and writes, the
 * contributor reads and answers in the conversation; another organisation's coordinator gets the not-found page;
 * the page in English.
 */
class ApplicationPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private final ApiClient api = new ApiClient(url());

    private static java.net.URL url() {
        try {
            return browser.application().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A programme, an open campaign, a project of organisation A and its draft, through the API. */
    private long draft() {
        String admin = TestAccounts.of(Role.NETWORK_ADMIN);
        JsonObject programme = api.post("api/v1/label-programmes", Json.createObjectBuilder()
                .add("code", unique("PAGE")).add("nameFr", "Label des pages").add("nameEn", "Pages label")
                .add("criteria", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("code", "users").add("labelFr", "Usagers")
                                .add("labelEn", "Users").add("guidanceFr", "Qui a été associé ?")
                                .add("guidanceEn", "Who took part?").add("weight", 1).add("maxScore", 5))
                        .add(Json.createObjectBuilder().add("code", "data").add("labelFr", "Données ouvertes")
                                .add("labelEn", "Open data").add("guidanceFr", "Quelles données ?")
                                .add("guidanceEn", "Which data?").add("weight", 1).add("maxScore", 5)))
                .build().toString(), admin).json();
        Instant now = Instant.now();
        JsonObject campaign = api.post("api/v1/campaigns", Json.createObjectBuilder()
                .add("programmeId", programme.getJsonNumber("id").longValue()).add("code", unique("CALL"))
                .add("titleFr", "Appel des pages").add("titleEn", "Pages call")
                .add("opensAt", now.minus(1, ChronoUnit.DAYS).toString())
                .add("closesAt", now.plus(10, ChronoUnit.DAYS).toString()).build().toString(), admin).json();
        String contributor = TestAccounts.of(Role.CONTRIBUTOR);
        long project = api.post("api/v1/projects", Json.createObjectBuilder().add("title", "Projet " + unique("PG"))
                .add("summary", "Un projet candidat.").add("kind", "EXPERIMENT")
                .add("themeCodes", Json.createArrayBuilder().add("public-innovation"))
                .add("territoryCodes", Json.createArrayBuilder().add("FR-53")).build().toString(), contributor)
                .json().getJsonNumber("id").longValue();
        Reply draft = api.post("api/v1/label-applications", Json.createObjectBuilder()
                .add("campaignId", campaign.getJsonNumber("id").longValue()).add("projectId", project).build()
                .toString(), contributor);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        return draft.json().getJsonNumber("id").longValue();
    }

    private void open(long id, String language) {
        browser.open(browser.application().resolve("app/labels/application.xhtml?id=" + id
                + (language == null ? "" : "&lang=" + language)));
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private String state() {
        return find("#state").getAttribute("data-state");
    }

    private void click(String css) {
        find(css).click();
        browser.waitForDocument();
    }

    @Test
    @DisplayName("contributor answers, coordinator submits, secretariat requests changes, the applicant replies")
    void theApplicantAndTheSecretariatTakeTheirSteps() {
        long id = draft();

        browser.logInAs(Role.CONTRIBUTOR);
        open(id, null);
        assertThat(state()).isEqualTo("DRAFT");
        assertThat(browser.driver().findElements(By.cssSelector(".action-SUBMIT"))).as("a contributor drafts only")
                .isEmpty();
        browser.accessibility().assertNoViolations("application page, draft, contributor");
        find("textarea.answer-users").sendKeys("Des ateliers avec les lycéens et les agents.");
        find("textarea.answer-data").sendKeys("Les plans et les comptages sont publiés.");
        click("button[id$='save']");
        assertThat(find(".page-messages").getText()).contains("Réponses enregistrées");
        assertThat(find("textarea.answer-data").getAttribute("value")).contains("comptages");
        browser.screenshot("label-application-draft-fr");

        browser.logInAs(Role.MEMBER_COORDINATOR);
        open(id, null);
        click(".action-SUBMIT");
        assertThat(state()).isEqualTo("SUBMITTED");
        assertThat(find("#no-messages").getText()).contains("secrétariat demande des modifications");
        browser.accessibility().assertNoViolations("application page, submitted, coordinator");

        browser.logInAs(Role.NETWORK_ADMIN);
        open(id, null);
        click(".action-REQUEST_CHANGES");
        assertThat(state()).as("no reason: refused beside the field").isEqualTo("SUBMITTED");
        assertThat(find("textarea[id$='reason']").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("[id$='reason-error']").getText()).isEqualTo("Indiquez un motif.");
        browser.accessibility().assertNoViolations("application page, a reason missing");
        find("textarea[id$='reason']").sendKeys("Précisez comment les données sont mises à jour.");
        click(".action-REQUEST_CHANGES");
        assertThat(state()).isEqualTo("CHANGES_REQUESTED");
        assertThat(find("#last-reason").getText()).contains("mises à jour");
        find("textarea[id$='body']").sendKeys("Une fréquence mensuelle suffit-elle ?");
        click("button[id$='send']");
        assertThat(find("#conversation").getText()).contains("Secrétariat", "mensuelle");

        browser.logInAs(Role.CONTRIBUTOR);
        open(id, null);
        assertThat(find("#conversation").getText()).contains("mensuelle");
        find("textarea[id$='body']").sendKeys("Oui, chaque mois.");
        click("button[id$='send']");
        assertThat(find("#conversation").getText()).contains("Candidat", "chaque mois");
        browser.accessibility().assertNoViolations("application page, conversation, contributor");
        browser.screenshot("label-application-conversation-fr");

        open(id, "en");
        assertThat(find("h1").getText()).startsWith("Label application:");
        assertThat(find("#state").getText()).isEqualTo("Changes requested");
        browser.accessibility().assertNoViolations("application page, English");
        browser.screenshot("label-application-conversation-en");
    }

    @Test
    @DisplayName("the applications list: the organisation's own, from the menu, each opening its page")
    void theListLeadsToTheApplication() {
        long id = draft();
        String link = "a.application-link[href$='application.xhtml?id=" + id + "']";

        browser.logInAs(Role.MEMBER_COORDINATOR);
        browser.open(browser.application().resolve("app/index.xhtml"));
        click("#nav-labels");
        assertThat(find("h1").getText()).isEqualTo("Candidatures aux labels");
        assertThat(browser.driver().findElements(By.cssSelector(link))).as("its organisation's draft is listed")
                .hasSize(1);
        assertThat(find("#applications\\:table").getText()).contains("Brouillon", "Appel des pages");
        browser.accessibility().assertNoViolations("applications list, coordinator");
        browser.screenshot("label-applications-list-fr");
        click(link);
        assertThat(state()).isEqualTo("DRAFT");

        browser.logInAs(TestAccounts.COORDINATOR_B);
        browser.open(browser.application().resolve("app/labels/index.xhtml"));
        assertThat(browser.driver().findElements(By.cssSelector(link))).as("another organisation's draft")
                .isEmpty();
    }

    @Test
    @DisplayName("another organisation's coordinator gets the not-found page")
    void anotherOrganisationSeesNothing() {
        long id = draft();
        browser.logInAs(TestAccounts.COORDINATOR_B);
        open(id, null);
        assertThat(find("#not-found").getText()).isNotBlank();
        assertThat(browser.driver().getPageSource()).doesNotContain("Projet PG-");
        browser.accessibility().assertNoViolations("application page, not found");
    }
}
