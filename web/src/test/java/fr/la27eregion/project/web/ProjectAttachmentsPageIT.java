package fr.la27eregion.project.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SampleFiles;
import fr.la27eregion.testing.SqlProjects;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
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
 * A project's files on its page, in a real Chromium: a contributor of the lead organisation sends a document and
 * sees it listed with its type and size; a refused file (a PNG named .pdf) is explained beside the field, in
 * French; an auditor sees the list but no upload field. Each state passes axe-core (WCAG 2.1 A and AA).
 */
@Tag("browser")
@DisplayName("Project attachments")
class ProjectAttachmentsPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("a contributor attaches a document, a mislabelled picture is refused beside the field")
    void aContributorAttachesADocumentAndSeesARefusalBesideTheField(@TempDir Path files) throws IOException {
        long project = SqlProjects.project(TestAccounts.ORGANISATION_A, "DRAFT");
        Path odt = Files.write(files.resolve("Note d'étape.odt"), SampleFiles.odt());
        Path png = Files.write(files.resolve("Affiche.pdf"), SampleFiles.png());

        browser.logInAs(Role.CONTRIBUTOR);
        ProjectAttachmentsPage page = new ProjectAttachmentsPage(browser).open(browser.application(), project);
        assertThat(page.offersUpload()).isTrue();
        assertThat(page.rows()).isEmpty();
        assertThat(page.describedBy()).contains("fileHint");
        browser.accessibility().assertNoViolations("project attachments, none yet");
        // the field speaks the page's language, not the browser's ("Choose File", "No file chosen")
        assertThat(page.picker()).isEqualTo("Choisir un fichier Aucun fichier choisi");
        assertThat(page.choose(odt).picker()).isEqualTo("Choisir un fichier Note d'étape.odt");

        page.send(odt);
        assertThat(page.fieldMessage()).isEmpty();
        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().get(0)).contains("Note d'étape.odt", "ODT", "ko");
        assertThat(page.firstLink()).endsWith("/attachments/" + Superuser.number(
                "SELECT id FROM project_attachment WHERE project_id = ?", project));
        browser.accessibility().assertNoViolations("project attachments, one file");
        browser.screenshot("project-attachments-fr");

        page.send(png);
        assertThat(page.fieldMessage()).isEqualTo("Le fichier est nommé .pdf mais son contenu est de type PNG :"
                + " renommez-le en .png ou envoyez le bon fichier.");
        assertThat(page.rows()).hasSize(1);
        browser.accessibility().assertNoViolations("project attachments, a refused file");
        browser.screenshot("project-attachments-refused-fr");
    }

    @Test
    @DisplayName("an auditor reads the files but is offered no upload")
    void anAuditorReadsButDoesNotUpload() {
        long project = SqlProjects.project(TestAccounts.ORGANISATION_A, "DRAFT");
        browser.logInAs(Role.AUDITOR);
        ProjectAttachmentsPage page = new ProjectAttachmentsPage(browser).open(browser.application(), project);
        assertThat(page.heading()).isNotBlank();
        assertThat(page.offersUpload()).isFalse();
        browser.accessibility().assertNoViolations("project attachments, read only");
    }
}
