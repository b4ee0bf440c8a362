package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.project.TestProjects;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.SqlJury;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.SqlReviews.Reviewer;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's journey across roles, in one real Chromium against the micro WAR on Payara Micro, PostgreSQL and
 * GreenMail, every step through the pages as its person does it: the secretariat opens a campaign and names its
 * jury chair; a contributor drafts and answers, without a "Submit" button; the coordinator submits; the secretariat
 * requests changes, the coordinator reads the notification, answers in the conversation, edits an answer and
 * resubmits; the secretariat assigns two reviewers; each scores and submits, the application is then reviewed; the
 * chair reads the application from the ranking and awards with a level, a mention and a template's motivation; the
 * coordinator downloads the certificate (parsed back with PDFBox); an anonymous visitor verifies its code. The mails
 * of the changes requested and of the award reach the applicant's coordinator contact. Every page passes axe-core;
 * a screenshot of each step is left in {@code target/journey-screenshots/NN-name.png}.
 *
 * <p>Only what no page makes is written in SQL: the programme and its grid (three criteria, levels, mentions, a
 * template), the project in the catalogue, the applicant's coordinator contact, the chair and reviewer accounts.
 */
@Tag("browser")
@DisplayName("The labels' journey across roles")
class LabelJourneyIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"))
            .resolveSibling("journey-screenshots");
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String A = TestAccounts.ORGANISATION_A;
    private static final String MENTION = "Coopération exemplaire";

    private final LabelDeskPages desk = new LabelDeskPages(browser);
    private final ApplicantPages applicant = new ApplicantPages(browser);
    private final JuryPage jury = new JuryPage(browser);
    private int shots;

    /** The page passes axe-core; its screenshot is the journey's next one. */
    private void look(String name, String what) {
        axe(what);
        browser.screenshot(SHOTS, String.format("%02d-%s", ++shots, name));
    }

    /** The page passes axe-core (a page on the way, not worth a screenshot). */
    private void axe(String what) {
        browser.accessibility().assertNoViolations(what);
    }

    /** Logs in and opens the intranet's home, whose menu is this person's. */
    private void logInAs(String username) {
        browser.logInAs(username);
        open("app/index.xhtml");
        axe("intranet home of " + username);
    }

    private void open(String path) {
        browser.open(browser.application().resolve(path));
    }

    private WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    private void follow(String css) {
        desk.navigate(css);
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    /** The text of the one mail to {@code recipient} with this subject, once it arrived. */
    private static String mail(String recipient, String subject) throws InterruptedException, IOException,
            MessagingException {
        List<MimeMessage> mails = MailServerSession.await(recipient, MailServerSession.subject(subject), 1, ARRIVAL);
        assertThat(mails).as("the mail " + subject).hasSize(1);
        return (String) mails.get(0).getContent();
    }

    @Test
    @DisplayName("drafted, submitted, sent back, resubmitted, reviewed twice, awarded, downloaded and verified")
    void fromDraftToVerifiedCertificate() throws Exception {
        // ---- set-up: what no page makes
        String marker = TestProjects.marker();
        String title = "Cantines en circuit court " + marker;
        long organisation = TestMemberships.organisation(A);
        TestMemberships.activeMembershipOf(A);
        long project = TestProjects.insert(title, "Des repas de produits locaux dans les lycées de la région.",
                "<p>Un approvisionnement local construit avec les agents des cantines.</p>", organisation, "PUBLIC",
                "EXPERIMENTING", "INNOVATION", "2025-09-01", null, List.of("sustainability"), List.of("FR-84"),
                List.of());
        String contact = "coordination-" + marker + "@test.invalid";
        Superuser.update("INSERT INTO contact (organisation_id, full_name, email, network_role, language)"
                + " VALUES (?, 'Camille Coordinatrice', ?, 'COORDINATOR', 'fr')", organisation, contact);
        String programmeCode = "PARCOURS-" + marker.toUpperCase();
        long programme = Superuser.number("INSERT INTO label_programme (code, name_fr, name_en,"
                + " reviewers_per_application, levels, mentions, validity_months, created_at, updated_at)"
                + " VALUES (?, 'Label Innovation publique — parcours', 'Public innovation label — journey', 2, 3,"
                + " ?::text[], 24, now(), now()) RETURNING id", programmeCode,
                "{\"" + MENTION + "\",\"Données ouvertes\"}");
        long grid = Superuser.number("INSERT INTO scoring_grid (programme_id, grid_version, created_at)"
                + " VALUES (?, 1, now()) RETURNING id", programme);
        criterion(grid, 0, "usagers", "Conception avec les usagers", "Qui a été associé, et comment ?", "1.00", 5);
        criterion(grid, 1, "cooperation", "Coopération entre régions", "Avec quelles régions, pour quoi faire ?",
                "2.00", 10);
        criterion(grid, 2, "impact", "Évaluation de l'impact", "Qu'avez-vous mesuré ?", "1.00", 5);
        Superuser.update("INSERT INTO decision_template (programme_id, kind, title, text_fr, text_en) VALUES (?,"
                + " 'AWARD', 'Projet exemplaire', 'Le jury salue un projet exemplaire.',"
                + " 'The jury praises an exemplary project.')", programme);
        Reviewer chair = SqlJury.account("jury-", "JURY", "Présidente ");
        Reviewer first = SqlReviews.reviewer(TestAccounts.ORGANISATION_B);
        Reviewer second = SqlReviews.reviewer(TestAccounts.ORGANISATION_B);

        // ---- 1. the secretariat opens the campaign and names its chair
        String campaignCode = "APPEL-" + marker.toUpperCase();
        LocalDateTime opens = LocalDateTime.now(ZoneId.of("Europe/Paris")).truncatedTo(ChronoUnit.MINUTES)
                .minusMinutes(1);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        logInAs(TestAccounts.of(Role.NETWORK_ADMIN));
        follow("#nav-label-desk");
        desk.choose("create:programmeId", "Label Innovation publique — parcours (" + programmeCode + ")");
        desk.type("create:code", campaignCode).type("create:titleFr", "Appel à labels du parcours " + marker)
                .type("create:titleEn", "Journey call " + marker);
        desk.setValue("create:opensAt", opens.format(local)).setValue("create:closesAt",
                opens.plusDays(60).format(local)).setValue("create:juryOn", opens.plusDays(75).toLocalDate().toString());
        look("secretariat-new-campaign", "campaigns page, the new campaign filled in");
        desk.press("create:save");
        assertThat(desk.pageMessages()).contains("Campagne " + campaignCode + " créée");
        long campaign = Superuser.number("SELECT id FROM campaign WHERE code = ?", campaignCode);
        desk.choose("settings:chair", "Présidente " + chair.username() + " (" + chair.username() + ")");
        desk.press("settings:save");
        assertThat(desk.pageMessages()).contains("Campagne " + campaignCode + " enregistrée");
        assertThat(Superuser.number("SELECT jury_chair_account_id FROM campaign WHERE id = ?", campaign))
                .isEqualTo(chair.id());
        look("secretariat-campaign-chair", "campaign page, its chair named");

        // ---- 2. the contributor drafts and answers every criterion, and cannot submit
        logInAs(TestAccounts.of(Role.CONTRIBUTOR));
        follow("#nav-labels");
        axe("applications list, contributor");
        applicant.startNew();
        applicant.chooseCampaign(campaign).chooseProject(project);
        look("contributor-new-application", "new application, campaign and project chosen");
        applicant.create();
        assertThat(applicant.state()).isEqualTo("DRAFT");
        long application = Superuser.number("SELECT id FROM label_application WHERE project_id = ?", project);
        applicant.answer("usagers", "Des ateliers avec les agents des cantines et les élèves, chaque trimestre.");
        applicant.answer("cooperation", "Trois régions partagent les cahiers des charges d'achat.");
        applicant.answer("impact", "La part de produits locaux, suivie chaque mois.");
        applicant.saveAnswers();
        assertThat(applicant.pageMessages()).isNotEmpty();
        assertThat(Superuser.number("SELECT count(*) FROM application_answer WHERE application_id = ?"
                + " AND answer <> ''", application)).isEqualTo(3);
        assertThat(all("#stepsForm .action-SUBMIT")).as("a contributor does not submit").isEmpty();
        look("contributor-draft-answered", "application page, a draft answered by its contributor");

        // ---- 3. the coordinator opens the draft from the list and submits it
        logInAs(TestAccounts.of(Role.MEMBER_COORDINATOR));
        follow("#nav-labels");
        assertThat(find("#applications").getText()).contains(title, "Brouillon");
        axe("applications list, coordinator");
        follow("a.application-link[href$='application.xhtml?id=" + application + "']");
        axe("application page, a draft for its coordinator");
        follow("#stepsForm .action-SUBMIT");
        assertThat(applicant.state()).isEqualTo("SUBMITTED");
        assertThat(find("#state").getText()).isEqualTo("Envoyée");
        look("coordinator-submitted", "application page, submitted by the coordinator");

        // ---- 4. the secretariat requests changes; the coordinator answers, edits and resubmits
        String reason = "Précisez comment l'impact est mesuré, avec un chiffre de départ.";
        browser.logInAs(Role.NETWORK_ADMIN);
        applicant.openApplication(browser.application(), application, null);
        axe("application page, submitted, for the secretariat");
        type("[id='stepsForm:reason']", reason);
        follow("#stepsForm .action-REQUEST_CHANGES");
        assertThat(applicant.state()).isEqualTo("CHANGES_REQUESTED");
        look("secretariat-changes-requested", "application page, changes requested by the secretariat");
        assertThat(mail(contact, "Modifications demandées : " + title)).contains(reason);

        logInAs(TestAccounts.of(Role.MEMBER_COORDINATOR));
        follow("#nav-notifications");
        assertThat(find("#notice-list").getText()).contains(title);
        look("coordinator-notification", "notifications, the request for changes");
        applicant.openApplication(browser.application(), application, null);
        assertThat(find("#last-reason").getText()).isEqualTo(reason);
        applicant.writeMessage("Nous avons ajouté la part de départ : 18 % de produits locaux en 2024.", null);
        assertThat(applicant.conversation()).contains("18 % de produits locaux");
        WebElement impact = find("textarea.answer-impact");
        impact.clear();
        impact.sendKeys("La part de produits locaux, de 18 % en 2024, suivie chaque mois.");
        applicant.saveAnswers();
        assertThat(find("textarea.answer-impact").getAttribute("value")).contains("de 18 % en 2024");
        look("coordinator-answered", "application page, the coordinator's answer and edit");
        follow("#stepsForm .action-RESUBMIT");
        assertThat(applicant.state()).isEqualTo("SUBMITTED");
        look("coordinator-resubmitted", "application page, resubmitted");

        // ---- 5. the secretariat assigns two reviewers
        browser.logInAs(Role.NETWORK_ADMIN);
        applicant.openApplication(browser.application(), application, null);
        assertThat(find("#assignment-missing").getText()).isEqualTo("Il manque 2 évaluateurs.");
        axe("application page, resubmitted, the assignment section");
        desk.pickReviewer(first.username(), first.id());
        desk.press("assignment:assignChosen");
        assertThat(find("#assessments tr[data-reviewer='" + first.id() + "']").getText()).contains("À évaluer");
        desk.pickReviewer(second.username(), second.id());
        desk.press("assignment:assignChosen");
        assertThat(find("#assessments tr[data-reviewer='" + second.id() + "']").getText()).contains("À évaluer");
        applicant.openApplication(browser.application(), application, null);
        assertThat(applicant.state()).isEqualTo("IN_REVIEW");
        look("secretariat-reviewers-assigned", "application page, two reviewers assigned");

        // ---- 6. each reviewer scores every criterion and submits
        review(first, application, new int[] {4, 8, 4}, "Des usagers associés tôt, une coopération réelle.", true);
        look("reviewer-1-submitted", "review page, the first assessment submitted");
        review(second, application, new int[] {5, 9, 4}, "Un projet exemplaire, à diffuser.", false);
        look("reviewer-2-submitted", "review page, the second assessment submitted");
        assertThat(Superuser.column("SELECT state FROM label_application WHERE id = ?", application))
                .containsExactly("REVIEWED");

        // ---- 7. the chair reads the ranking and the application, then awards
        logInAs(chair.username());
        follow("#nav-juries");
        assertThat(find("#juries\\:table").getText()).contains("Appel à labels du parcours " + marker);
        axe("juries page, the chair");
        follow("a.jury-link[href$='campaign=" + campaign + "']");
        assertThat(jury.rows()).containsExactly(String.valueOf(application));
        assertThat(jury.row(application).getText()).contains(title, A, "85,00", "Évaluée");
        look("jury-ranking", "jury page, the ranking");
        follow("tr.jury-application-" + application + " a.jury-application-link");
        assertThat(applicant.state()).isEqualTo("REVIEWED");
        assertThat(find("#state").getText()).isEqualTo("Évaluée");
        assertThat(find("#answer-impact").getText()).contains("de 18 % en 2024");
        look("jury-reads-application", "application page, read by the jury chair");
        browser.driver().navigate().back();
        browser.waitForDocument();

        jury.choose(application);
        new Select(find("#decision\\:template")).selectByVisibleText("Attribution — Projet exemplaire");
        browser.waitUntil(d -> find("#decision\\:motivation").getAttribute("value").contains("exemplaire"));
        new Select(find("#decision\\:level")).selectByValue("2");
        find("#decision\\:mentions input[value='" + MENTION + "']").click();
        look("jury-decision-dialog", "jury page, the award's dialog");
        jury.confirm();
        browser.waitUntil(d -> "AWARDED".equals(jury.state(application)));
        Map<String, Object> label = Superuser.rows("SELECT certificate_number, verification_code FROM label"
                + " WHERE application_id = ?", application).get(0);
        String number = (String) label.get("certificate_number");
        String code = (String) label.get("verification_code");
        assertThat(number).matches("L27-\\d{4}-\\d{4,}");
        assertThat(jury.row(application).getText()).contains(number, "Niveau 2", MENTION);
        assertThat(find(".page-messages").getText()).contains("Label attribué", number);
        assertRowFits(application);
        look("jury-awarded", "jury page, after the award");
        assertThat(mail(contact, "Label attribué : " + title)).contains("Le jury salue un projet exemplaire.");

        // ---- 8. the coordinator opens the label and downloads its certificate
        browser.logInAs(Role.MEMBER_COORDINATOR);
        applicant.openApplication(browser.application(), application, null);
        assertThat(applicant.state()).isEqualTo("AWARDED");
        axe("application page, awarded, for its coordinator");
        follow("#label-link");
        assertThat(find("#state").getDomAttribute("data-state")).isEqualTo("ACTIVE");
        assertThat(find("#project").getText()).isEqualTo(title);
        assertThat(find("#verification-code").getText()).isEqualTo(code);
        assertThat(all("#renew-heading")).as("no renewal offered in the campaign that has just awarded the label")
                .isEmpty();
        look("coordinator-label", "label page, for the holder's coordinator");
        assertThat(certificateText("certificate-fr")).contains(number, title, A);

        // ---- 9. an anonymous visitor verifies the code
        new IntranetPage(browser).logOut();
        PublicLabelsPage verification = new PublicLabelsPage(browser);
        verification.open(browser.application(), "public/verification.xhtml", "fr");
        axe("verification page, empty");
        verification.verify(code.toLowerCase(Locale.ROOT));
        assertThat(verification.verdict()).contains("Label valide", "Le label " + number + " est valide aujourd'hui",
                title, A);
        look("visitor-verified", "verification page, the certificate valid");
    }

    private static void criterion(long grid, int position, String code, String label, String guidance,
                                  String weight, int max) {
        Superuser.update("INSERT INTO scoring_criterion (grid_id, position, code, label_fr, label_en, guidance_fr,"
                + " guidance_en, weight, max_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?::numeric, ?)", grid, position, code,
                label, label, guidance, guidance, weight, max);
    }

    /** The reviewer logs in, finds the application in "Mes évaluations", scores it, confirms the submission. */
    private void review(Reviewer reviewer, long application, int[] scores, String comments, boolean shown) {
        logInAs(reviewer.username());
        follow("#nav-reviews");
        assertThat(find("#reviews\\:table").getText()).contains("Cantines en circuit court", "À évaluer");
        if (shown) {
            look("reviewer-1-list", "reviews list");
        } else {
            axe("reviews list");
        }
        follow("a.review-link[href$='review.xhtml?id=" + application + "']");
        assertThat(find("#state").getDomAttribute("data-state")).isEqualTo("ASSIGNED");
        axe("review page, to score");
        List<String> codes = List.of("usagers", "cooperation", "impact");
        for (int i = 0; i < codes.size(); i++) {
            type("input.score-" + codes.get(i), String.valueOf(scores[i]));
        }
        type("textarea[id$='comments']", comments);
        find("button[id$='submit']").click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='submitDialog']")));
        if (shown) {
            look("reviewer-1-confirm", "review page, scored, the submission's confirmation");
        } else {
            axe("review page, the submission's confirmation");
        }
        follow("button[id$='confirmSubmit']");
        assertThat(find("#state").getDomAttribute("data-state")).isEqualTo("SUBMITTED");
        assertThat(find(".page-messages").getText()).contains("Évaluation soumise.");
    }

    /**
     * At the browser's 1280 px, the ranking's row shows everything: each badge and line of the decision cell inside
     * the cell, and every word of the project and applicant whole (the cell as wide as its widest word).
     */
    private void assertRowFits(long application) {
        Object clipped = browser.script().executeScript("""
                var row = document.querySelector('tr.jury-application-' + arguments[0]), out = [];
                var decision = row.cells[row.cells.length - 1], box = decision.getBoundingClientRect();
                decision.querySelectorAll('.badge, .state, .jury-certificate, .jury-certificate__number')
                    .forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || e.scrollWidth > e.clientWidth + 1) {
                    out.push('clipped: ' + e.textContent.trim());
                  }
                });
                row.querySelectorAll('.jury-project, .jury-applicant').forEach(function (e) {
                  var cell = e.closest('td'), style = getComputedStyle(cell);
                  var room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  e.textContent.trim().split(/\\s+/).forEach(function (word) {
                    var probe = document.createElement('span');
                    probe.style.cssText = 'position: absolute; visibility: hidden; white-space: nowrap';
                    probe.style.font = getComputedStyle(e).font;
                    probe.textContent = word;
                    document.body.appendChild(probe);
                    if (probe.getBoundingClientRect().width > room + 0.5) { out.push('word broken: ' + word); }
                    probe.remove();
                  });
                });
                var table = row.closest('table');
                if (table.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5) {
                  out.push('table beyond the window');
                }
                return out.join(' | ');""", application);
        assertThat((String) clipped).as("the ranking's row at 1280 px").isEmpty();
    }

    /** The certificate at a link of the page, fetched with the page's session, as PDFBox reads its text. */
    private String certificateText(String linkId) throws IOException {
        Browser.Download download = browser.download(find("#" + linkId).getDomAttribute("href"));
        assertThat(download.status()).as("the certificate, as the coordinator's browser gets it").isEqualTo(200);
        assertThat(download.type()).startsWith("application/pdf");
        byte[] pdf = download.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
