package fr.la27eregion.project.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.project.TestProjects;
import fr.la27eregion.testing.SampleFiles;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project catalogue's pages by role, in a real Chromium against the micro WAR on Payara Micro and PostgreSQL:
 * the journey in one test (a contributor records a project with a partner organisation, an outside partner
 * and a file, seeing what the sanitiser keeps of the description as they type; the coordinator publishes it; an
 * anonymous visitor finds it by a word typed without its accent, opens its public page and downloads the file, the
 * same bytes); payloads of the XSS cheat sheet in
 * every text field never run on the project page; another organisation's draft is "not found". Each page passes
 * axe-core (WCAG 2.1 A and AA).
 */
@Tag("browser")
@DisplayName("The project pages")
class ProjectJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String STALE = "Cet enregistrement a été modifié par quelqu'un d'autre entre-temps";

    @BeforeEach
    void bothOrganisationsAreMembers() {
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_B);
    }

    @Test
    @DisplayName("a contributor records a project with a partner and a file, the coordinator publishes it, a visitor"
            + " finds it without the accent and downloads the file")
    void aContributorRecordsAProjectTheCoordinatorPublishesItAVisitorFindsIt(@TempDir Path folder)
            throws IOException {
        String word = TestProjects.marker();
        String title = "Cantines en circuit court des élèves " + word;
        // another organisation's public project sharing words of the title: the similar projects of both pages
        String similar = "Cantines en circuit court des élèves de montagne " + word;
        TestProjects.insert(similar, "Des produits de la montagne dans les cantines.", "Un essai.",
                TestMemberships.organisation(TestAccounts.ORGANISATION_B), "PUBLIC", "EXPERIMENTING", "INNOVATION",
                "2024-01-01", null, List.of("sustainability"), List.of("FR-84"), List.of());
        byte[] report = SampleFiles.pdf();
        Path file = Files.write(folder.resolve("Bilan d'étape.pdf"), report);

        browser.logInAs(Role.CONTRIBUTOR);
        ProjectPages pages = new ProjectPages(browser).openList();
        assertThat(pages.heading()).isEqualTo("Projets");
        browser.accessibility().assertNoViolations("the list of projects");
        pages.startNew();
        assertThat(pages.heading()).isEqualTo("Nouveau projet");
        browser.accessibility().assertNoViolations("the empty project form");

        pages.type("title", title).type("projectSummary", "Des repas de produits locaux dans les lycées de la région.")
                .kind("EXPERIMENT").theme("Développement durable")
                .partner("test B", TestAccounts.ORGANISATION_B)
                .addOutsidePartner("Université de Rennes 2", "FR", "UNIVERSITY")
                .description("<h3>Contexte</h3><p>Un <b>projet</b> <script>alert(1)</script>"
                        + "<img src=x onerror=alert(1)></p>");
        assertThat(pages.descriptionPreview()).as("what the server keeps")
                .isEqualTo("<h3>Contexte</h3><p>Un <strong>projet</strong> </p>");
        browser.screenshot("project-form");
        browser.accessibility().assertNoViolations("the project form with a preview");

        pages.save();
        assertThat(pages.heading()).isEqualTo(title);
        assertThat(pages.pageMessage()).isEqualTo("Projet « " + title + " » enregistré comme brouillon.");
        assertThat(pages.visibility()).isEqualTo("DRAFT");
        assertThat(pages.partners()).containsExactly(TestAccounts.ORGANISATION_B);
        assertThat(pages.themes()).as("in the reader's language, not the browser's").containsExactly(
                "Développement durable");
        assertThat(pages.offers("PUBLISH")).as("a contributor publishes nothing").isFalse();
        assertThat(pages.offers("START")).as("but moves the stage").isTrue();
        long id = pages.projectId();
        assertThat(new ProjectSearchPage(browser).similarTitles()).as("similar projects on the intranet page")
                .contains(similar);

        ProjectAttachmentsPage files = new ProjectAttachmentsPage(browser).send(file);
        assertThat(files.fieldMessage()).isEmpty();
        assertThat(files.rows()).singleElement().asString().contains("Bilan d'étape.pdf", "PDF");
        browser.screenshot("project-draft-contributor");
        browser.accessibility().assertNoViolations("a draft's page for its contributor, with its file");

        browser.logInAs(Role.MEMBER_COORDINATOR);
        pages.open(browser.application(), id);
        pages.step("PUBLISH");
        browser.accessibility().assertNoViolations("the dialog of a step");
        pages.confirm();
        assertThat(pages.visibility()).isEqualTo("PUBLIC");
        assertThat(pages.pageMessage()).isEqualTo("Action « Publier » enregistrée.");
        assertThat(pages.timeline()).anySatisfy(entry -> assertThat(entry).contains("Publié")
                .contains("par member-coordinator"));
        browser.screenshot("project-published-coordinator");
        browser.accessibility().assertNoViolations("the published project's page");

        pages.step("WITHDRAW").confirm();
        assertThat(pages.fieldMessage("action:reasonMessage")).isEqualTo("Indiquez le motif de cette action.");
        assertThat(pages.visibility()).isEqualTo("PUBLIC");
        browser.accessibility().assertNoViolations("a step refused for want of a reason");

        // an anonymous visitor: the public search, a word typed without its accent, then the project's own page
        pages.open(browser.application(), id).logOut();
        ProjectSearchPage search = new ProjectSearchPage(browser).open(browser.application(), "fr");
        search.search("eleves " + word, null);
        assertThat(search.titles()).contains(title);
        assertThat(search.marked()).contains("élèves");
        browser.screenshot("project-journey-public-search");
        browser.accessibility().assertNoViolations("the public search finding the new project");

        search.openResult(title);
        assertThat(URI.create(search.address()).getPath())
                .endsWith("/public/projets/" + id + "-cantines-en-circuit-court-des-eleves-" + word);
        assertThat(search.heading()).isEqualTo(title);
        assertThat(search.similarTitles()).contains(similar);
        assertThat(files.rows()).singleElement().asString().contains("Bilan d'étape.pdf", "PDF");
        assertThat(files.offersUpload()).as("the public page only lists the files").isFalse();
        browser.screenshot("project-journey-public-page");
        browser.accessibility().assertNoViolations("the public project page with its file and similar projects");

        Browser.Download download = browser.download(files.firstLink());
        assertThat(download.status()).as("the download, as the visitor's browser gets it").isEqualTo(200);
        assertThat(download.type()).startsWith("application/pdf");
        assertThat(download.disposition()).startsWith("attachment;")
                .contains("filename*=UTF-8''Bilan%20d%27%C3%A9tape.pdf");
        assertThat(download.body()).as("the same bytes").isEqualTo(report);
    }

    @Test
    @DisplayName("XSS payloads in every text field never run on the project page")
    void payloadsNeverRun() {
        String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>"
                + "<svg onload=\"window.__xss=3\"></svg><a href=\"javascript:window.__xss=4\">x</a>"
                + "<iframe src=\"javascript:parent.__xss=5\"></iframe><p style=\"x:expression(1)\" onclick=\"1\">p</p>";
        long organisation = TestMemberships.organisation(TestAccounts.ORGANISATION_A);
        browser.logInAs(Role.CONTRIBUTOR);
        ProjectPages pages = new ProjectPages(browser).openList().startNew();
        pages.type("title", "Titre " + payload.substring(0, 150)).type("projectSummary", "Résumé " + payload).kind("INNOVATION")
                .type("description", payload).type("lessons", "<em>ok</em>" + payload)
                .type("contactName", "Nom " + payload.substring(0, 150))
                .addOutsidePartner("Partenaire " + payload.substring(0, 150), "DE", "OTHER");
        pages.save();
        assertThat(pages.heading()).startsWith("Titre <img");
        long id = pages.projectId();
        assertThat(Superuser.number("SELECT lead_organisation_id FROM project WHERE id = ?", id))
                .isEqualTo(organisation);

        pages.open(browser.application(), id);
        Object ran = browser.script().executeScript("return window.__xss === undefined ? null : window.__xss;");
        assertThat(ran).as("no payload ran").isNull();
        for (String part : List.of("title", "summary", "description", "lessons", "contact", "outside-partners")) {
            Long executable = (Long) browser.script().executeScript("var root = document.getElementById(arguments[0]);"
                    + "if (!root) return -1;"
                    + "var n = root.querySelectorAll('script, img, svg, iframe, object, embed, style, [style]').length;"
                    + "root.querySelectorAll('*').forEach(function (e) { for (var i = 0; i < e.attributes.length; i++) {"
                    + " var a = e.attributes[i]; if (/^on/i.test(a.name) || /javascript:/i.test(a.value)) n++; } });"
                    + "return n;", part);
            assertThat(executable).as(part + ": nothing executable, and shown").isZero();
        }
        assertThat(browser.driver().findElement(By.id("description")).getText()).contains("x").contains("p");
        browser.screenshot("project-xss");
        browser.accessibility().assertNoViolations("a project page full of payloads");
    }

    @Test
    @DisplayName("a revision of a project someone else changed meanwhile is refused with a clear message")
    void aStaleRevisionIsRefused() {
        long id = Superuser.number("INSERT INTO project (title, slug, summary, lead_organisation_id, kind, stage,"
                + " visibility, created_at, updated_at, changed_at, version) VALUES ('Projet à réviser', 'projet',"
                + " 'S', ?, 'INNOVATION', 'IDEA', 'DRAFT', now(), now(), now(), 1) RETURNING id",
                TestMemberships.organisation(TestAccounts.ORGANISATION_A));
        browser.logInAs(Role.CONTRIBUTOR);
        ProjectPages pages = new ProjectPages(browser);
        pages.load(browser.application(), "app/projects/edit.xhtml?id=" + id);
        pages.type("title", "Ma révision");
        Superuser.update("UPDATE project SET title = 'Révision de quelqu''un d''autre', version = version + 1"
                + " WHERE id = ?", id);
        pages.save();
        assertThat(pages.fieldMessage("edit:formMessages")).startsWith(STALE);
        assertThat(Superuser.column("SELECT title FROM project WHERE id = ?", id))
                .containsExactly("Révision de quelqu'un d'autre");
        browser.accessibility().assertNoViolations("a stale revision refused");
    }

    @Test
    @DisplayName("another organisation's draft is 'not found' for the coordinator of B")
    void anotherOrganisationsDraftIsNotFound() {
        long id = Superuser.number("INSERT INTO project (title, slug, summary, lead_organisation_id, kind, stage,"
                + " visibility, created_at, updated_at, changed_at) VALUES ('Brouillon de A', 'brouillon-de-a', 'S', ?,"
                + " 'INNOVATION', 'IDEA', 'DRAFT', now(), now(), now()) RETURNING id",
                TestMemberships.organisation(TestAccounts.ORGANISATION_A));
        browser.logInAs(TestAccounts.COORDINATOR_B);
        ProjectPages pages = new ProjectPages(browser).open(browser.application(), id);
        assertThat(pages.heading()).isEqualTo("Projet introuvable");
        assertThat(browser.driver().getPageSource()).doesNotContain("Brouillon de A");
        browser.accessibility().assertNoViolations("a project not found");
    }
}
