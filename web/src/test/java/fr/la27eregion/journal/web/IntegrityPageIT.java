package fr.la27eregion.journal.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's integrity page in real Chromium with axe-core: the auditor follows the home's link, runs the
 * verification (in the background, its progress polled) and sees its result and the new line of the history;
 * anchors the head now, time-stamped by the test run's authority; in French and in English. Another role sees a
 * refusal.
 */
@Tag("browser")
@DisplayName("The journal's integrity page")
class IntegrityPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private final IntegrityPage page = new IntegrityPage(browser);

    @Test
    @DisplayName("the auditor verifies the chain and the anchors, and anchors the head now (French)")
    void verifyAndAnchor() {
        browser.logInAs(Role.AUDITOR);
        page.openFromHome();
        assertThat(page.heading()).isEqualTo("Intégrité du journal");
        assertThat(browser.driver().findElement(By.id("nav-integrity")).getAttribute("aria-current"))
                .isEqualTo("page");
        browser.accessibility().assertNoViolations("integrity page");

        page.verify();
        assertThat(page.text("verification-result")).contains("Entrées vérifiées", "Durée", "entrées par seconde",
                "Ancres vérifiées");
        assertThat(page.text("result-intact")).startsWith("La chaîne est intacte");
        assertThat(page.lastVerification()).contains(TestAccounts.of(Role.AUDITOR), "Intacte");
        browser.accessibility().assertNoViolations("integrity page with a result");
        assertThat(browser.driver().findElements(By.id("anchoring:anchor-now"))).as("an auditor changes nothing")
                .isEmpty();
    }

    @Test
    @DisplayName("the secretariat anchors the head now (French)")
    void anchorNow() {
        browser.logInAs(Role.NETWORK_ADMIN);
        page.open("fr");
        page.anchorNow();
        assertThat(page.messages()).contains("Tête ancrée à l'entrée", "horodatée et vérifiée");
        assertThat(page.newestAnchor()).contains(TestAccounts.of(Role.NETWORK_ADMIN));
        assertThat(String.join(" ", page.newestAnchor())).contains("Horodaté et vérifié");
        browser.accessibility().assertNoViolations("integrity page after an anchor");
        browser.screenshot(java.nio.file.Path.of("target", "integrity-screenshots"), "integrity-fr");
    }

    @Test
    @DisplayName("in English, for the secretariat")
    void english() {
        browser.logInAs(Role.NETWORK_ADMIN);
        page.open("en");
        assertThat(page.heading()).isEqualTo("Journal integrity");
        page.verify();
        assertThat(page.text("verification-result")).contains("Entries checked", "entries per second");
        assertThat(page.text("result-intact")).startsWith("The chain is intact");
        browser.accessibility().assertNoViolations("integrity page in English");
    }

    @Test
    @DisplayName("another role sees a refusal and no menu entry")
    void otherRole() {
        browser.logInAs(Role.MEMBER_COORDINATOR);
        page.open("fr");
        assertThat(browser.driver().findElements(By.id("verification:verify"))).isEmpty();
        assertThat(browser.driver().findElements(By.id("nav-integrity"))).isEmpty();
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Vous ne pouvez pas faire cette action");
    }
}
