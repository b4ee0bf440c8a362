package fr.la27eregion.audit;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's pages in real Chromium with axe-core: from an organisation's page to its timeline, a date chosen
 * in the field and the organisation's state then (its membership applied for twenty days ago, reviewed ten days
 * ago, approved today, by the platform's moved clock), the later entries greyed, a date before it existed; the
 * statistics from the menu, each chart an image labelled and its table beside it; both pages in French and English.
 */
class AuditPagesIT {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @RegisterExtension
    static final Browser browser = new Browser();

    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    @AfterEach
    void clockBack() {
        driver.moveClockBy(Duration.ZERO);
    }

    private static String field(Instant instant) {
        return FIELD.format(instant.atZone(ZoneId.of("Europe/Paris")));
    }

    private void chooseDate(Instant instant) {
        WebElement at = browser.driver().findElement(By.id("at"));
        browser.script().executeScript("arguments[0].value = arguments[1];", at, field(instant));
        browser.driver().findElement(By.id("show-state")).click();
        browser.waitForDocument();
    }

    @Test
    @DisplayName("an auditor opens an organisation's timeline, picks a date and reads its state then")
    void theAuditorReadsTheStateAtADate() {
        Instant now = Instant.now();
        driver.moveClockBy(Duration.ofDays(-20));
        PlatformDriver.Applicant applicant = driver.applicant("Organisation auditée", "fr");
        driver.moveClockBy(Duration.ofDays(-10));
        PlatformDriver.Answer reviewed = driver.perform(applicant.membership(), MembershipAction.REVIEW, null, null);
        driver.moveClockBy(Duration.ZERO);
        assertThat(driver.perform(reviewed.json(), MembershipAction.APPROVE, null, null).status()).isEqualTo(200);

        browser.logInAs(Role.AUDITOR);
        browser.open(browser.application().resolve("app/membership/organisation.xhtml?id=" + applicant.organisation()));
        browser.driver().findElement(By.id("record-timeline")).click();
        browser.waitForDocument();
        assertThat(browser.driver().getCurrentUrl()).contains("app/audit/record.xhtml");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Historique de l'organisation n° " + applicant.organisation());
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#entries tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        assertThat(browser.driver().findElement(By.id("entries")).getText()).contains("Adhésion",
                "Candidature déposée", "En cours d'examen");
        browser.accessibility().assertNoViolations("record timeline, no date");

        chooseDate(now.minus(Duration.ofDays(15)));
        WebElement state = browser.driver().findElement(By.id("state-at"));
        assertThat(state.getDomAttribute("data-state")).isEqualTo("APPLIED");
        assertThat(browser.driver().findElement(By.id("state-value")).getText()).isEqualTo("Candidature déposée");
        String setBy = browser.driver().findElement(By.id("set-by-link")).getDomAttribute("href");
        assertThat(browser.driver().findElements(By.cssSelector("#entries tbody tr[data-later='true']")))
                .as("the review and the approval came after").hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.driver().findElement(By.cssSelector("tr" + setBy)).getDomAttribute("data-later"))
                .isEqualTo("false");
        browser.accessibility().assertNoViolations("record timeline, state at a date");
        browser.screenshot("audit-record-state-fr");

        chooseDate(now.minus(Duration.ofDays(25)));
        assertThat(browser.driver().findElement(By.id("state-none")).getText())
                .contains("cet enregistrement n'existait pas encore");
        browser.accessibility().assertNoViolations("record timeline, before the record existed");

        browser.open(browser.application().resolve("app/audit/record.xhtml?type=organisation&id="
                + applicant.organisation() + "&at=" + field(now.minus(Duration.ofDays(5))) + "&lang=en"));
        assertThat(browser.driver().findElement(By.id("state-at")).getDomAttribute("data-state"))
                .isEqualTo("UNDER_REVIEW");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("History of organisation no. " + applicant.organisation());
        browser.accessibility().assertNoViolations("record timeline, English");
        browser.screenshot("audit-record-state-en");
    }

    @Test
    @DisplayName("an auditor opens the statistics from the menu: charts labelled, tables beside them")
    void theAuditorReadsTheStatistics() {
        browser.logInAs(Role.AUDITOR);
        browser.open(browser.application().resolve("app/index.xhtml?lang=fr"));
        browser.driver().findElement(By.id("nav-statistics")).click();
        browser.waitForDocument();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Statistiques");
        List<WebElement> charts = browser.driver().findElements(By.cssSelector(".audit-chart canvas"));
        assertThat(charts).hasSize(5).allSatisfy(canvas -> {
            assertThat(canvas.getDomAttribute("role")).isEqualTo("img");
            assertThat(canvas.getDomAttribute("aria-label")).contains("tableau qui le suit");
        });
        assertThat(browser.driver().findElements(By.cssSelector("table.audit-table caption"))).hasSize(5);
        // drawn by Chart.js, not only placed: each canvas has its chart and a height
        Object drawn = browser.script().executeScript("var errors = [];"
                + "if (typeof Chart === 'undefined') { return 'no Chart.js'; }"
                + "document.querySelectorAll('.audit-chart canvas').forEach(function (c) {"
                + "  if (!Chart.getChart(c) || c.clientHeight === 0) { errors.push(c.parentNode.id + ' ' + c.clientHeight); }"
                + "}); return errors.join(', ');");
        assertThat(drawn).as("charts not drawn").isEqualTo("");
        browser.accessibility().assertNoViolations("statistics");
        browser.screenshot("audit-statistics-fr");

        browser.open(browser.application().resolve("app/audit/statistics.xhtml?lang=en"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Statistics");
        browser.accessibility().assertNoViolations("statistics, English");
        browser.screenshot("audit-statistics-en");
    }
}
