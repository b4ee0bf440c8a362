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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat's label pages in real Chromium, axe-core on every state: a programme created with two criteria
 * (a weight of 0 refused beside its input), its grid revised (a new version, the old one kept), a decision template
 * added, a stale save refused clearly; a campaign created (a closing before the opening refused beside the field)
 * and its jury chair chosen; on an application, the suggestions, one assigned, a conflicted reviewer (of the
 * applicant organisation) refused with the reason, a recused reviewer flagged to replace; on a campaign, the
 * suggested reviewers assigned in bulk, the outcome told per application, one that could not be done with why, and
 * a past due date refused beside its field. Screenshots {@code label-desk-*.png}.
 */
class LabelDeskIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);

    private final LabelDeskPages page = new LabelDeskPages(browser);
    private final ApiClient api = new ApiClient(TestServer.url());

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private void open(String path) {
        browser.open(browser.application().resolve(path));
    }

    @Test
    @DisplayName("a programme with two criteria, its grid revised into a second version, a template, a stale save")
    void programmes() {
        String code = unique("DESK");
        browser.logInAs(Role.NETWORK_ADMIN);
        open("app/index.xhtml");
        page.navigate("#nav-label-desk");
        assertThat(page.heading()).isEqualTo("Campagnes de label");
        page.navigate("#to-programmes");
        assertThat(page.heading()).isEqualTo("Programmes de label");
        browser.accessibility().assertNoViolations("programmes page");

        page.type("create:code", code).type("create:nameFr", "Label des pages du secrétariat")
                .type("create:nameEn", "Secretariat pages label").type("create:levels", "3")
                .type("create:mentions", "Coup de cœur\nCoopération exemplaire");
        page.type("create:criteria:0:code", "usagers").type("create:criteria:0:labelFr", "Conception avec les usagers")
                .type("create:criteria:0:labelEn", "User-centred design")
                .type("create:criteria:0:guidanceFr", "Qui a été associé, comment ?")
                .type("create:criteria:0:guidanceEn", "Who took part, how?");
        page.press("create:addCriterion");
        page.type("create:criteria:1:code", "ouverture").type("create:criteria:1:labelFr", "Ouverture des données")
                .type("create:criteria:1:labelEn", "Open data").type("create:criteria:1:weight", "0");
        page.press("create:save");
        assertThat(page.invalid("create:criteria:1:weight")).as("the weight of 0, beside its input").isTrue();
        assertThat(page.messageBeside("create:criteria:1:weight")).startsWith("Un poids supérieur à 0");
        assertThat(page.find(".error-summary").getText()).contains("Un poids supérieur à 0");
        assertThat(Superuser.number("SELECT count(*) FROM label_programme WHERE code = ?", code)).isZero();
        browser.accessibility().assertNoViolations("programmes page, a weight refused");
        browser.screenshot("label-desk-programme-weight-refused-fr");

        page.type("create:criteria:1:weight", "2").type("create:criteria:1:maxScore", "10");
        page.press("create:save");
        assertThat(page.path()).endsWith("/app/labels/programme.xhtml");
        assertThat(page.pageMessages()).contains("Programme " + code + " créé");
        long programme = Superuser.number("SELECT id FROM label_programme WHERE code = ?", code);
        assertThat(page.all("[data-grid-version]")).hasSize(1);
        assertThat(page.find("#grid-1").getText()).contains("Conception avec les usagers", "Ouverture des données",
                "Aucune campagne ne l'utilise");
        browser.accessibility().assertNoViolations("programme page");

        // revise the grid: a third criterion moved up to second place
        page.press("revise:startRevision");
        assertThat(page.byId("revise:criteria:1:code").getDomProperty("value")).isEqualTo("ouverture");
        page.press("revise:addCriterion");
        page.type("revise:criteria:2:code", "essais").type("revise:criteria:2:labelFr", "Expérimentation")
                .type("revise:criteria:2:labelEn", "Experimentation").type("revise:criteria:2:weight", "1,5");
        page.press("revise:criteria:2:up");
        assertThat(page.byId("revise:criteria:1:code").getDomProperty("value")).isEqualTo("essais");
        page.pressAndWaitForConfirmation("revise:saveRevision");
        assertThat(page.confirmationText()).contains("nouvelle version de la grille");
        browser.accessibility().assertNoViolations("programme page, confirming a grid revision");
        page.confirm();
        assertThat(page.pageMessages()).contains("Version 2 de la grille enregistrée");
        assertThat(page.all("[data-grid-version]")).hasSize(2);
        assertThat(page.find("#grid-2 tbody").getText()).contains("essais");
        assertThat(page.find("#grid-1 tbody").getText()).as("the old version kept").doesNotContain("essais");
        assertThat(Superuser.column("SELECT c.code FROM scoring_criterion c JOIN scoring_grid g ON g.id = c.grid_id"
                + " WHERE g.programme_id = ? AND g.grid_version = 2 ORDER BY c.position", programme))
                .containsExactly("usagers", "essais", "ouverture");
        assertThat(Superuser.number("SELECT count(*) FROM scoring_criterion c JOIN scoring_grid g ON g.id = c.grid_id"
                + " WHERE g.programme_id = ? AND g.grid_version = 1", programme)).isEqualTo(2);

        // a template: without its kind, refused beside the field; then added and listed under its kind
        page.type("template:templateTitle", "Démarche exemplaire")
                .type("template:templateTextFr", "Le jury salue une démarche exemplaire.")
                .type("template:templateTextEn", "The jury praises an exemplary approach.");
        page.press("template:addTemplate");
        assertThat(page.invalid("template:templateKind")).isTrue();
        assertThat(page.messageBeside("template:templateKind")).isEqualTo("Ce champ est obligatoire.");
        page.choose("template:templateKind", "Attribution du label");
        page.press("template:addTemplate");
        assertThat(page.find(".templates--AWARD").getText()).contains("Démarche exemplaire", "salue");
        assertThat(Superuser.number("SELECT count(*) FROM decision_template WHERE programme_id = ? AND kind = 'AWARD'",
                programme)).isEqualTo(1);
        browser.accessibility().assertNoViolations("programme page, a template added");
        browser.screenshot("label-desk-programme-fr");

        // someone else changes the programme meanwhile: the save says so instead of overwriting
        Superuser.update("UPDATE label_programme SET version = version + 1 WHERE id = ?", programme);
        page.type("settings:validityMonths", "36");
        page.press("settings:save");
        assertThat(page.find("[id='settings:formMessage']").getText()).contains("modifié par quelqu'un d'autre");
        assertThat(Superuser.number("SELECT validity_months FROM label_programme WHERE id = ?", programme))
                .isEqualTo(24);

        open("app/labels/programme.xhtml?id=" + programme + "&lang=en");
        assertThat(page.find("#grids-heading").getText()).isEqualTo("Scoring grid");
        assertThat(page.find("#grid-2").getText()).contains("User-centred design", "Experimentation");
        browser.accessibility().assertNoViolations("programme page, English");
        browser.screenshot("label-desk-programme-en");
    }

    @Test
    @DisplayName("a campaign created (a closing before the opening refused), its jury chair chosen")
    void campaigns() {
        long programme = SqlReviews.campaign(2, false, false).programmeId();
        String programmeCode = Superuser.column("SELECT code FROM label_programme WHERE id = ?", programme).get(0);
        String code = unique("APPEL");
        LocalDateTime opens = LocalDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.MINUTES);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

        browser.logInAs(Role.NETWORK_ADMIN);
        open("app/labels/campaigns.xhtml");
        browser.accessibility().assertNoViolations("campaigns page");
        page.choose("create:programmeId", "Programme d'essai (" + programmeCode + ")");
        page.type("create:code", code).type("create:titleFr", "Appel du secrétariat")
                .type("create:titleEn", "Secretariat call");
        page.setValue("create:opensAt", opens.format(local)).setValue("create:closesAt",
                opens.minusDays(1).format(local));
        page.press("create:save");
        assertThat(page.invalid("create:closesAt")).isTrue();
        assertThat(page.messageBeside("create:closesAt")).isEqualTo("La campagne se clôt après son ouverture.");
        browser.accessibility().assertNoViolations("campaigns page, a closing refused");
        browser.screenshot("label-desk-campaign-dates-refused-fr");

        page.setValue("create:closesAt", opens.plusDays(60).format(local))
                .setValue("create:juryOn", opens.plusDays(75).toLocalDate().toString());
        page.press("create:save");
        assertThat(page.path()).endsWith("/app/labels/campaign.xhtml");
        assertThat(page.pageMessages()).contains("Campagne " + code + " créée");
        long campaign = Superuser.number("SELECT id FROM campaign WHERE code = ?", code);
        assertThat(page.find("#grid-version").getText()).isEqualTo("Version 1");

        long jury = Superuser.number("SELECT id FROM account WHERE username = 'jury'");
        page.choose("settings:chair", "Test jury (jury)");
        page.press("settings:save");
        assertThat(page.pageMessages()).contains("Campagne " + code + " enregistrée");
        assertThat(Superuser.number("SELECT jury_chair_account_id FROM campaign WHERE id = ?", campaign))
                .isEqualTo(jury);
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE action = 'campaign.update'"
                + " AND entity_id = ?", String.valueOf(campaign))).isEqualTo(1);
        browser.accessibility().assertNoViolations("campaign page, chair chosen");

        page.navigate("#to-campaigns");
        WebElement row = page.find("a.campaign-link[href$='campaign.xhtml?id=" + campaign + "']")
                .findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains("Appel du secrétariat", "Test jury", "Aucune candidature");
        browser.screenshot("label-desk-campaigns-fr");
    }

    @Test
    @DisplayName("on an application: suggestions, one assigned, a conflicted reviewer refused, a recusal to replace")
    void assignmentOnAnApplication() {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        long application = SqlReviews.submitted(campaign, TestAccounts.ORGANISATION_A,
                List.of(TestAccounts.ORGANISATION_B));
        Reviewer ofApplicant = SqlReviews.reviewer(TestAccounts.ORGANISATION_A);
        Reviewer recusing = SqlReviews.reviewer(null);
        SqlReviews.reviewer(null);
        Reply assigned = api.post("api/v1/label-applications/" + application + "/assessments",
                Json.createObjectBuilder().add("reviewerAccountId", recusing.id())
                        .add("dueOn", LocalDate.now().plusDays(10).toString()).build().toString(), SECRETARIAT);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        long assessment = assigned.json().getJsonNumber("id").longValue();
        Reply recused = api.post("api/v1/label-applications/" + application + "/assessments/" + assessment
                        + "/recuse", Json.createObjectBuilder().add("version", assigned.json().getInt("version"))
                        .add("reason", "J'ai conseillé ce projet en 2025.").build().toString(), recusing.username());
        assertThat(recused.status()).as(recused.body()).isEqualTo(200);

        browser.logInAs(Role.NETWORK_ADMIN);
        open("app/labels/application.xhtml?id=" + application);
        assertThat(page.find("#review-heading").getText()).isEqualTo("Évaluation de la candidature");
        WebElement recusal = page.find("#assessments tr[data-reviewer='" + recusing.id() + "']");
        assertThat(recusal.getText()).contains("Récusé", "À remplacer", "J'ai conseillé ce projet en 2025.");
        assertThat(page.find("#assignment-missing").getText()).isEqualTo("Il manque 2 évaluateurs.");
        List<String> suggested = page.all("#suggestions tr.suggestion").stream()
                .map(tr -> tr.getDomAttribute("data-reviewer")).toList();
        assertThat(suggested).isNotEmpty().doesNotContain(String.valueOf(ofApplicant.id()),
                String.valueOf(recusing.id()));
        browser.accessibility().assertNoViolations("application page, the assignment section");

        page.pickReviewer(ofApplicant.username(), ofApplicant.id());
        page.press("assignment:assignChosen");
        assertThat(page.invalid("assignment:reviewer_input")).isTrue();
        assertThat(page.messageBeside("assignment:reviewer_input")).startsWith("Conflit d'intérêts")
                .contains(ofApplicant.username(), "l'organisation candidate");
        assertThat(Superuser.number("SELECT count(*) FROM assessment WHERE application_id = ?"
                + " AND reviewer_account_id = ?", application, ofApplicant.id())).isZero();
        browser.accessibility().assertNoViolations("application page, a conflict of interest refused");
        browser.screenshot("label-desk-assignment-conflict-fr");

        String first = page.find("#suggestions tr.suggestion").getDomAttribute("data-reviewer");
        page.find("#suggestions tr.suggestion button.assign-suggested").click();
        page.settle();
        assertThat(page.pageMessages()).contains("est désigné(e)");
        assertThat(page.find("#assessments tr[data-reviewer='" + first + "']").getText()).contains("À évaluer");
        assertThat(page.find("#assignment-missing").getText()).isEqualTo("Il manque un évaluateur.");
        assertThat(Superuser.number("SELECT count(*) FROM assessment WHERE application_id = ? AND state = 'ASSIGNED'",
                application)).isEqualTo(1);
        browser.accessibility().assertNoViolations("application page, a reviewer assigned");
        browser.screenshot("label-desk-assignment-fr");

        open("app/labels/application.xhtml?id=" + application + "&lang=en");
        assertThat(page.find("#review-heading").getText()).isEqualTo("Review of the application");
        assertThat(page.find("#assessments").getText()).contains("To replace");
        browser.accessibility().assertNoViolations("application page, the assignment section in English");
    }

    @Test
    @DisplayName("a campaign's suggested reviewers in bulk: the outcome per application, one not done and why")
    void bulkAssignmentOnACampaign() {
        Campaign campaign = SqlReviews.campaign(1, false, false);
        long done = SqlReviews.submitted(campaign, TestAccounts.ORGANISATION_A, List.of());
        long withdrawn = SqlReviews.submitted(campaign, TestAccounts.ORGANISATION_A, List.of());
        SqlReviews.reviewer(null);

        browser.logInAs(Role.NETWORK_ADMIN);
        open("app/labels/campaign.xhtml?id=" + campaign.campaignId());
        assertThat(page.find(".progress[data-application='" + done + "']").getText())
                .isEqualTo("0 en cours, 0 rendue(s), 0 récusé(s) — 1 demandé(s)");
        browser.accessibility().assertNoViolations("campaign page, its applications");
        page.tick(done).tick(withdrawn);

        // a past due date: refused beside the field, nothing assigned
        page.setValue("bulk:dueOn", LocalDate.now().minusDays(2).toString());
        page.pressAndWaitForConfirmation("bulk:assignSelected");
        assertThat(page.confirmationText()).contains("candidatures cochées");
        browser.accessibility().assertNoViolations("campaign page, confirming a bulk assignment");
        page.confirm();
        assertThat(page.invalid("bulk:dueOn")).isTrue();
        assertThat(page.messageBeside("bulk:dueOn")).isEqualTo("Indiquez une date limite, aujourd'hui ou plus tard.");
        assertThat(Superuser.number("SELECT count(*) FROM assessment a JOIN label_application l"
                + " ON l.id = a.application_id WHERE l.campaign_id = ?", campaign.campaignId())).isZero();

        // the applicant withdraws one meanwhile: the other is assigned, this one says why it was not
        Superuser.update("UPDATE label_application SET state = 'WITHDRAWN' WHERE id = ?", withdrawn);
        page.setValue("bulk:dueOn", LocalDate.now().plusDays(14).toString());
        page.pressAndWaitForConfirmation("bulk:assignSelected").confirm();
        assertThat(page.find(".bulk-progress").getText())
                .isEqualTo("Une candidature complète, une à compléter.");
        assertThat(page.find("#bulk-outcomes li[data-application='" + done + "']").getText())
                .contains("Un évaluateur désigné");
        assertThat(page.find("#bulk-outcomes li[data-application='" + withdrawn + "']").getText())
                .contains("Rien n'a été fait", "n'attend pas d'évaluateurs");
        assertThat(page.find("[id='bulk:applications_data'] tr[data-rk='" + done + "'] .state").getText())
                .isEqualTo("En évaluation");
        assertThat(Superuser.column("SELECT state FROM label_application WHERE id = ?", done))
                .containsExactly("IN_REVIEW");
        assertThat(Superuser.number("SELECT count(*) FROM assessment WHERE application_id = ?", withdrawn)).isZero();
        browser.accessibility().assertNoViolations("campaign page, the outcome of a bulk assignment");
        browser.screenshot("label-desk-campaign-bulk-fr");
    }

    @Test
    @DisplayName("another role gets a refusal on the secretariat's pages and no menu link")
    void otherRolesAreRefused() {
        browser.logInAs(Role.MEMBER_COORDINATOR);
        open("app/labels/campaigns.xhtml");
        assertThat(page.find("#refused").getText()).contains("secrétariat");
        assertThat(page.all("#nav-label-desk")).isEmpty();
        open("app/labels/programmes.xhtml");
        assertThat(page.find("#refused").getText()).contains("secrétariat");
        browser.accessibility().assertNoViolations("programmes page, refused");
    }
}
