package fr.la27eregion.home.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SqlWaitingWork;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's intranet home in real Chromium, with axe-core: the role logs in, lands on its home (one section per
 * role, what waits with its count and the menu's badges), and follows one item to the page where it is done. The
 * items are one organisation's, seeded with one of each kind ({@link SqlWaitingWork}); the screenshot of each role's
 * home is saved as {@code target/home-screenshots/<role>.png}.
 */
@Tag("browser")
@DisplayName("Each role's intranet home")
class HomePageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static SqlWaitingWork seeded;

    private final HomePage home = new HomePage(browser);

    @BeforeAll
    static void seed() {
        seeded = SqlWaitingWork.seed("page");
    }

    private void landOnHome(String username, String screenshot) {
        browser.logInAs(username);
        home.open("fr");
        browser.accessibility().assertNoViolations("home of " + screenshot);
        home.screenshot(screenshot);
    }

    private String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    @Test
    @DisplayName("the secretariat sees what waits across the network and opens a submitted application")
    void secretariat() {
        landOnHome(TestAccounts.of(Role.NETWORK_ADMIN), "secretariat");
        assertThat(home.sections()).containsExactly("NETWORK_ADMIN");
        assertThat(home.count("NETWORK_ADMIN", "APPLICATIONS_SUBMITTED")).isPositive();
        assertThat(home.count("NETWORK_ADMIN", "MAIL_FAILED")).isPositive();
        String homeBadge = home.badge("nav-home");
        assertThat(Long.parseLong(homeBadge)).isPositive();
        assertThat(home.badge("nav-label-desk")).isNotEmpty();
        String path = "application.xhtml?id=" + seeded.submitted();
        assertThat(home.item("NETWORK_ADMIN", "APPLICATIONS_SUBMITTED", path)).contains(seeded.organisationName());
        home.follow("NETWORK_ADMIN", "APPLICATIONS_SUBMITTED", path);
        assertThat(home.path()).endsWith("/app/labels/application.xhtml");
        assertThat(heading()).contains("Projet d'essai");
        // off the home, the badges come from the counts alone: the same numbers
        assertThat(home.badge("nav-home")).isEqualTo(homeBadge);
    }

    @Test
    @DisplayName("the coordinator sees their organisation's work, late renewal included, and opens the changes asked")
    void coordinator() {
        landOnHome(seeded.coordinator(), "coordinator");
        assertThat(home.sections()).containsExactly("MEMBER_COORDINATOR");
        assertThat(home.item("MEMBER_COORDINATOR", "RENEWAL_DUE", "organisation.xhtml?id=" + seeded.organisationId()))
                .contains(seeded.organisationName(), "en retard de");
        // changes requested, the secretariat's message, the draft, the expiring label
        assertThat(home.badge("nav-labels")).isEqualTo("4");
        String path = "application.xhtml?id=" + seeded.changesRequested();
        home.follow("MEMBER_COORDINATOR", "CHANGES_REQUESTED", path);
        assertThat(home.path()).endsWith("/app/labels/application.xhtml");
        assertThat(home.badge("nav-labels")).as("the badge on every page").isEqualTo("4");
    }

    @Test
    @DisplayName("the contributor sees their organisation's drafts and projects and opens a project")
    void contributor() {
        landOnHome(seeded.contributor(), "contributor");
        assertThat(home.sections()).containsExactly("CONTRIBUTOR");
        assertThat(home.count("CONTRIBUTOR", "PROJECTS")).isEqualTo(seeded.projects().size());
        long project = seeded.projects().get(0);
        home.follow("CONTRIBUTOR", "PROJECTS", "project.xhtml?id=" + project);
        assertThat(home.path()).endsWith("/app/projects/project.xhtml");
    }

    @Test
    @DisplayName("the reviewer sees their assignment, overdue, with the conflict declaration one click away")
    void reviewer() {
        landOnHome(seeded.reviewer(), "reviewer");
        assertThat(home.sections()).containsExactly("REVIEWER");
        String path = "review.xhtml?id=" + seeded.missingReviewers();
        assertThat(home.item("REVIEWER", "ASSIGNMENTS", path)).contains("en retard de");
        assertThat(home.badge("nav-reviews")).isEqualTo("1");
        home.declareConflict(path);
        assertThat(home.path()).endsWith("/app/labels/review.xhtml");
        assertThat(browser.driver().findElement(By.id("recuse-heading")).isDisplayed()).isTrue();
        assertThat(home.badge("nav-reviews")).isEqualTo("1");
    }

    @Test
    @DisplayName("the jury chair sees the campaign ready for decision and opens its ranking")
    void jury() {
        landOnHome(seeded.juryChair(), "jury");
        assertThat(home.sections()).containsExactly("JURY");
        assertThat(home.badge("nav-juries")).isEqualTo("1");
        String path = "jury.xhtml?campaign=" + seeded.juryCampaignId();
        assertThat(home.item("JURY", "CAMPAIGNS_TO_DECIDE", path)).contains("1 candidature évaluée");
        home.follow("JURY", "CAMPAIGNS_TO_DECIDE", path);
        assertThat(home.path()).endsWith("/app/labels/jury.xhtml");
    }

    @Test
    @DisplayName("the auditor verifies the journal from the home and sees the result kept; the page in English")
    void auditor() {
        landOnHome(TestAccounts.of(Role.AUDITOR), "auditor");
        assertThat(home.sections()).containsExactly("AUDITOR");
        home.verifyJournal();
        assertThat(browser.driver().findElement(By.id("journal-last")).getText())
                .contains(TestAccounts.of(Role.AUDITOR));
        assertThat(browser.driver().findElement(By.id("journal-result")).getText()).contains("entrées vérifiées");
        browser.accessibility().assertNoViolations("auditor's home after a verification");
        home.screenshot("auditor");

        home.open("en");
        assertThat(browser.driver().findElement(By.id("journal-last")).getText()).contains("Last verification");
        browser.accessibility().assertNoViolations("auditor's home in English");
        home.followEntryPoint("Membership desk");
        assertThat(home.path()).endsWith("/app/membership/desk.xhtml");
    }
}
