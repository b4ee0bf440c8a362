package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.SqlReviews.Campaign;
import fr.la27eregion.testing.SqlReviews.Reviewer;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reviewer's pages in real Chromium with axe-core on each state (the data made in SQL by {@link SqlReviews},
 * the assignments through the API): "Mes évaluations" from the menu (a blind programme's application by its number,
 * an overdue one said in words), scoring with an out-of-range score refused beside its input, a save, a stale save,
 * the submission behind its confirmation (then read-only with the server's total and, the programme opening them,
 * the other reviewer's scores); a blind programme's page without the applicant, a conflict of interest declared
 * with its reason; another reviewer's application refused; the page in English.
 */
class ReviewPagesIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String A = TestAccounts.ORGANISATION_A;
    private static final String B = TestAccounts.ORGANISATION_B;

    @RegisterExtension
    static final Browser browser = new Browser();

    private final ApiClient api = new ApiClient(TestServer.url());

    private long assign(long application, Reviewer reviewer) {
        Reply assigned = api.post("api/v1/label-applications/" + application + "/assessments",
                Json.createObjectBuilder().add("reviewerAccountId", reviewer.id())
                        .add("dueOn", LocalDate.now().plusDays(14).toString()).build().toString(), SECRETARIAT);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        return assigned.json().getJsonNumber("id").longValue();
    }

    /** Saves scores through the API as the reviewer, as of the assessment's current version. */
    private JsonObject scoreByApi(long application, long assessment, Campaign campaign, int first, int second,
                                  Reviewer reviewer) {
        int version = (int) Superuser.number("SELECT version FROM assessment WHERE id = ?", assessment);
        Reply saved = api.send("PUT", "api/v1/label-applications/" + application + "/assessments/" + assessment,
                "application/json", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("version", version).add("comments", "Un avis par l'API.")
                        .add("scores", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("criterionId", campaign.firstCriterion())
                                        .add("score", first))
                                .add(Json.createObjectBuilder().add("criterionId", campaign.secondCriterion())
                                        .add("score", second))).build().toString()), reviewer.username());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json();
    }

    private static String title(long application) {
        return Superuser.column("SELECT p.title FROM project p JOIN label_application a ON a.project_id = p.id"
                + " WHERE a.id = ?", application).get(0);
    }

    private void open(long application, String language) {
        browser.open(browser.application().resolve("app/labels/review.xhtml?id=" + application
                + (language == null ? "" : "&lang=" + language)));
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    private void click(String css) {
        find(css).click();
        browser.waitForDocument();
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private String state() {
        return find("#state").getAttribute("data-state");
    }

    @Test
    @DisplayName("the list, a score out of range, a save, a stale save, the submission and the others' scores")
    void aReviewerScoresSavesAndSubmits() {
        Campaign campaign = SqlReviews.campaign(2, false, true);
        long application = SqlReviews.submitted(campaign, A, List.of(B));
        Reviewer reviewer = SqlReviews.reviewer(null);
        Reviewer other = SqlReviews.reviewer(null);
        long assessment = assign(application, reviewer);
        long othersAssessment = assign(application, other);
        // an application of a blind programme, overdue
        Campaign blind = SqlReviews.campaign(1, true, false);
        long hidden = SqlReviews.submitted(blind, A, List.of());
        long late = assign(hidden, reviewer);
        Superuser.update("UPDATE assessment SET due_on = current_date - 2 WHERE id = ?", late);

        browser.logInAs(reviewer.username());
        browser.open(browser.application().resolve("app/index.xhtml"));
        click("#nav-reviews");
        assertThat(find("h1").getText()).isEqualTo("Mes évaluations");
        String table = find("#reviews\\:table").getText();
        assertThat(table).contains(title(application), "Candidature n° " + hidden, "Campagne d'essai", "en retard",
                "À évaluer").doesNotContain(title(hidden));
        assertThat(all("a.review-link")).hasSize(2);
        browser.accessibility().assertNoViolations("reviews list");
        browser.screenshot("label-reviews-list-fr");

        click("a.review-link[href$='review.xhtml?id=" + application + "']");
        assertThat(state()).isEqualTo("ASSIGNED");
        assertThat(find("#applicant").getText()).isEqualTo(A);
        assertThat(find("#partners").getText()).isEqualTo(B);
        assertThat(find("#criterion-usagers").getText()).isEqualTo("Critère usagers");
        assertThat(find("#answer-usagers").getText()).contains("Notre réponse au critère");
        browser.accessibility().assertNoViolations("review page, to score");

        type("input.score-usagers", "6");
        type("input.score-cooperation", "7");
        type("textarea[id$='comments']", "Une démarche solide, des usagers associés tôt.");
        click("button[id$='save']");
        assertThat(find(".score-error-usagers").getText()).isEqualTo("La note du critère usagers va de 0 à 5.");
        assertThat(find("input.score-usagers").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("input.score-usagers").getAttribute("value")).as("what was typed stays").isEqualTo("6");
        assertThat(Superuser.number("SELECT count(*) FROM assessment_score WHERE assessment_id = ?", assessment))
                .as("nothing saved").isZero();
        browser.accessibility().assertNoViolations("review page, a score out of range");
        browser.screenshot("label-review-out-of-range-fr");

        type("input.score-usagers", "4");
        click("button[id$='save']");
        assertThat(find(".page-messages").getText()).contains("Évaluation enregistrée.");
        assertThat(find("#total").getText()).contains("72,00");

        // someone (the reviewer in another tab, through the API) saves meanwhile: the page's save is stale
        scoreByApi(application, assessment, campaign, 3, 3, reviewer);
        type("input.score-usagers", "5");
        click("button[id$='save']");
        assertThat(find("[id$='scoreMessage']").getText()).contains("modifié par quelqu'un d'autre");
        open(application, null);
        assertThat(find("input.score-usagers").getAttribute("value")).as("the other tab's save").isEqualTo("3");

        JsonObject others = scoreByApi(application, othersAssessment, campaign, 2, 9, other);
        assertThat(api.post("api/v1/label-applications/" + application + "/assessments/" + othersAssessment
                + "/submit", "{\"version\": " + others.getInt("version") + "}", other.username()).status())
                .isEqualTo(200);

        type("input.score-usagers", "4");
        type("input.score-cooperation", "7");
        find("button[id$='submit']").click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='submitDialog']")));
        assertThat(find("#submit-question").getText()).contains("n'est plus modifiable");
        browser.accessibility().assertNoViolations("review page, the submission's confirmation");
        browser.screenshot("label-review-confirm-fr");
        click("button[id$='confirmSubmit']");

        assertThat(state()).isEqualTo("SUBMITTED");
        assertThat(find(".page-messages").getText()).contains("Évaluation soumise.");
        assertThat(find("#total").getText()).contains("72,00");
        assertThat(find("#score-usagers").getText()).isEqualTo("Note : 4 / 5");
        assertThat(all("input.score-usagers")).as("read-only").isEmpty();
        assertThat(find("#others").getText()).as("the programme opens the others' scores after one's own")
                .contains("Évaluatrice " + other.username(), "9");
        assertThat(Superuser.column("SELECT state FROM label_application WHERE id = ?", application))
                .containsExactly("REVIEWED");
        browser.accessibility().assertNoViolations("review page, submitted");
        browser.screenshot("label-review-submitted-fr");
    }

    @Test
    @DisplayName("a blind programme hides the applicant; a conflict of interest needs its reason, then recuses")
    void aBlindApplicationAndARecusal() {
        Campaign campaign = SqlReviews.campaign(1, true, false);
        long application = SqlReviews.submitted(campaign, A, List.of(B));
        Reviewer reviewer = SqlReviews.reviewer(null);
        long assessment = assign(application, reviewer);

        browser.logInAs(reviewer.username());
        open(application, null);
        assertThat(find("h1").getText()).isEqualTo("Évaluation de la candidature n° " + application);
        assertThat(find("#blind-note").getText()).contains("Programme anonyme");
        String page = browser.driver().getPageSource();
        assertThat(page).as("no organisation, no partner").doesNotContain(A, B);
        assertThat(all("#applicant")).isEmpty();
        browser.accessibility().assertNoViolations("review page, blind programme");
        browser.screenshot("label-review-blind-fr");

        click("button[id$='recuse']");
        assertThat(find("[id$='reason-error']").getText()).isEqualTo("Indiquez un motif.");
        assertThat(find("textarea[id$='reason']").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(state()).isEqualTo("ASSIGNED");
        browser.accessibility().assertNoViolations("review page, a reason missing");

        type("textarea[id$='reason']", "J'ai accompagné ce projet en 2025.");
        click("button[id$='recuse']");
        assertThat(state()).isEqualTo("RECUSED");
        assertThat(find("#recused").getText()).contains("conflit d'intérêts");
        assertThat(find("[id$='conflict-reason']").getText()).isEqualTo("J'ai accompagné ce projet en 2025.");
        assertThat(all("[id^='answer-']")).as("the application is no longer shown").isEmpty();
        assertThat(Superuser.column("SELECT state FROM assessment WHERE id = ?", assessment))
                .containsExactly("RECUSED");
        browser.accessibility().assertNoViolations("review page, recused");
        browser.screenshot("label-review-recused-fr");

        open(application, null);
        assertThat(find("#not-found").getText()).as("a recused reviewer no longer reaches it").isNotBlank();
    }

    @Test
    @DisplayName("another reviewer's application is the not-found page; the page in English with its PDF")
    void anApplicationNotAssignedIsRefused() {
        Campaign campaign = SqlReviews.campaign(1, false, false);
        long application = SqlReviews.submitted(campaign, A, List.of());
        Reviewer reviewer = SqlReviews.reviewer(null);
        assign(application, reviewer);
        Reviewer outsider = SqlReviews.reviewer(null);

        browser.logInAs(outsider.username());
        open(application, null);
        assertThat(find("#not-found").getText()).isNotBlank();
        assertThat(browser.driver().getPageSource()).doesNotContain(title(application), A);
        browser.accessibility().assertNoViolations("review page, not assigned");
        browser.screenshot("label-review-not-found-fr");
        Object status = browser.script().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(location.href).then(r => done(r.status))");
        assertThat(((Number) status).intValue()).isEqualTo(404);

        browser.logInAs(reviewer.username());
        open(application, "en");
        assertThat(find("h1").getText()).isEqualTo("Review of application no. " + application);
        assertThat(find("#state").getText()).isEqualTo("To review");
        browser.accessibility().assertNoViolations("review page, English");
        browser.screenshot("label-review-en");
        // the PDF link opens with the page's session
        Object pdf = browser.script().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('pdf').href).then(r => done(r.status + ' '"
                + " + r.headers.get('Content-Type')))");
        assertThat((String) pdf).startsWith("200 application/pdf");
    }
}
