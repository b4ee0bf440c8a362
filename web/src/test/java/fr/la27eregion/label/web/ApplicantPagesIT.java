package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SampleFiles;
import fr.la27eregion.testing.SqlProjects;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import jakarta.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applicant's pages by role, in real Chromium with axe-core on each state: a contributor starts an application
 * from "Nouvelle candidature" (required choices and a project that already applied refused beside their field),
 * answers, attaches a PDF (a file the browser refuses before sending, a mislabelled one the server refuses beside
 * the field) and sees it listed; after the secretariat requests changes, the coordinator writes a message with a
 * file, listed with the message as a download link.
 */
@Tag("browser")
@DisplayName("Applicant pages")
class ApplicantPagesIT {

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

    @Test
    @DisplayName("a contributor starts, answers and documents an application; the coordinator writes with a file")
    void aContributorStartsAnApplicationAndTheCoordinatorWritesWithAFile(@TempDir Path files) throws IOException {
        SqlReviews.Campaign campaign = SqlReviews.campaign(2, false, false);
        String code = Superuser.column("SELECT code FROM campaign WHERE id = ?", campaign.campaignId()).get(0);
        long project = SqlProjects.project(TestAccounts.ORGANISATION_A, "NETWORK");
        Path pdf = Files.write(files.resolve("Dossier de candidature.pdf"), SampleFiles.pdf());
        Path program = Files.write(files.resolve("outil.exe"), SampleFiles.exe());
        Path mislabelled = Files.write(files.resolve("Affiche.pdf"), SampleFiles.png());
        Path budget = Files.write(files.resolve("Budget détaillé.pdf"), SampleFiles.pdf());

        browser.logInAs(Role.CONTRIBUTOR);
        ApplicantPages page = new ApplicantPages(browser).openList(browser.application());
        page.startNew();
        assertThat(page.heading()).isEqualTo("Nouvelle candidature");
        assertThat(page.asks(code)).contains("Critère usagers", "Critère cooperation");
        browser.accessibility().assertNoViolations("new application, contributor");
        browser.screenshot("label-new-application-fr");

        page.create();
        assertThat(page.newFieldMessage("project")).isEqualTo("Choisissez un projet.");
        browser.accessibility().assertNoViolations("new application, choices missing");
        browser.screenshot("label-new-application-refused-fr");

        page.chooseCampaign(campaign.campaignId()).chooseProject(project).create();
        assertThat(page.state()).isEqualTo("DRAFT");
        assertThat(page.pageMessages()).contains("Brouillon de candidature créé");
        long id = Superuser.number("SELECT id FROM label_application WHERE project_id = ?", project);
        assertThat(browser.driver().getCurrentUrl()).contains("application.xhtml?id=" + id);

        page.answer("usagers", "Des ateliers avec les agents et les usagers.");
        page.answer("cooperation", "Trois régions partenaires.");
        page.saveAnswers();
        assertThat(page.offersUpload()).isTrue();
        assertThat(page.files()).isEmpty();
        browser.accessibility().assertNoViolations("application page, draft with the upload field");

        page.chooseFile(program);
        assertThat(page.browserCheck()).as("refused by the browser before sending")
                .isEqualTo("Ce type de fichier n'est pas accepté : PDF, ODT, DOCX, PNG ou JPEG seulement.");
        page.chooseFile(mislabelled).sendFile();
        assertThat(page.fileMessage()).isEqualTo("Le fichier est nommé .pdf mais son contenu est de type PNG :"
                + " renommez-le en .png ou envoyez le bon fichier.");
        assertThat(page.files()).isEmpty();
        browser.accessibility().assertNoViolations("application page, a refused file");

        page.chooseFile(pdf).sendFile();
        assertThat(page.fileMessage()).isEmpty();
        assertThat(page.files()).hasSize(1);
        assertThat(page.files().get(0)).contains("Dossier de candidature.pdf", "PDF", "ko");
        browser.accessibility().assertNoViolations("application page, one file");
        browser.screenshot("label-application-files-fr");

        // a second start of the same project in the same campaign is refused beside the project
        page.openList(browser.application()).startNew();
        page.chooseCampaign(campaign.campaignId()).chooseProject(project).create();
        assertThat(page.newFieldMessage("project")).startsWith("Ce projet a déjà une candidature dans la campagne");
        browser.accessibility().assertNoViolations("new application, already applied");

        // the coordinator submits, the secretariat requests changes (API), the coordinator writes with a file
        String coordinator = TestAccounts.of(Role.MEMBER_COORDINATOR);
        int version = api.get("api/v1/label-applications/" + id, coordinator).json().getInt("version");
        Reply submitted = api.post("api/v1/label-applications/" + id + "/transitions", Json.createObjectBuilder()
                .add("action", "SUBMIT").add("version", version).build().toString(), coordinator);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Reply changes = api.post("api/v1/label-applications/" + id + "/transitions", Json.createObjectBuilder()
                .add("action", "REQUEST_CHANGES").add("version", submitted.json().getInt("version"))
                .add("reason", "Joignez le budget détaillé.").build().toString(), TestAccounts.of(Role.NETWORK_ADMIN));
        assertThat(changes.status()).as(changes.body()).isEqualTo(200);

        browser.logInAs(Role.MEMBER_COORDINATOR);
        page.openApplication(browser.application(), id, null);
        assertThat(page.state()).isEqualTo("CHANGES_REQUESTED");
        browser.accessibility().assertNoViolations("application page, changes requested, coordinator");
        page.writeMessage("Voici le budget détaillé demandé.", budget);
        assertThat(page.conversation()).contains("Voici le budget détaillé demandé.", "Budget détaillé.pdf");
        long file = Superuser.number("SELECT id FROM application_attachment WHERE application_id = ?"
                + " AND message_id IS NOT NULL", id);
        assertThat(page.messageFileLinks()).singleElement().asString()
                .endsWith("/api/v1/label-applications/" + id + "/attachments/" + file);
        browser.accessibility().assertNoViolations("application page, a message with a file");
        browser.screenshot("label-application-message-file-fr");

        page.openApplication(browser.application(), id, "en");
        assertThat(page.conversation()).contains("Budget détaillé.pdf");
        browser.accessibility().assertNoViolations("application page, English");
        browser.screenshot("label-application-message-file-en");
    }

    @Test
    @DisplayName("no applicant role, no form; the page in English")
    void theNewPageSaysWhyItOffersNothing() {
        browser.logInAs(Role.AUDITOR);
        ApplicantPages page = new ApplicantPages(browser);
        page.load(browser.application(), "app/labels/new.xhtml");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("not-applicant"))).hasSize(1);
        browser.accessibility().assertNoViolations("new application, auditor");

        browser.logInAs(Role.CONTRIBUTOR);
        page.load(browser.application(), "app/labels/new.xhtml", "en");
        assertThat(page.heading()).isEqualTo("New application");
        browser.accessibility().assertNoViolations("new application, English");
        browser.screenshot("label-new-application-en");
    }
}
