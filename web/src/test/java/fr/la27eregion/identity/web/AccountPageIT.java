package fr.la27eregion.identity.web;

import fr.la27eregion.testing.IntranetSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My account" in a real Chromium against the micro WAR on Payara Micro and PostgreSQL (issue 12): a person opens
 * it from the header, keeps English with their account (the page turns English at once and after the next login),
 * is refused a wrong current password and a weak new one on their fields, changes the password (the session open
 * elsewhere ends), ends another session by its button, then all the others at once, and logs in again with the
 * new password. Each state of the page passes axe-core (WCAG 2.1 A and AA); screenshots in
 * {@code target/account-screenshots/}.
 */
@Tag("browser")
@DisplayName("My account page")
class AccountPageIT {

    private static final Path SCREENSHOTS = Path.of("target/account-screenshots");
    private static final String NEW_PASSWORD = "trois chats gris au jardin";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("log in, keep English, change the password (the other session ends), log in again with it")
    void languageAndPasswordAndSessions() {
        String username = "account-page-" + System.nanoTime();
        PlatformDriver driver = new PlatformDriver(TestServer.url());
        assertThat(driver.post("account", PlatformDriver.secretariat(), Map.of("username", username, "role",
                "REVIEWER")).status()).isEqualTo(200);
        IntranetSession elsewhere = new IntranetSession(TestServer.url(),
                "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        assertThat(elsewhere.logIn(username, TestAccounts.PASSWORD)).isTrue();

        browser.logInAs(username);
        AccountPage page = new AccountPage(browser).openFromHeader();
        assertThat(page.path()).endsWith("/app/account/index.xhtml");
        assertThat(page.heading()).isEqualTo("Mon compte");
        assertThat(page.username()).isEqualTo(username);
        List<List<String>> sessions = page.sessions();
        assertThat(sessions).hasSize(2);
        assertThat(sessions).anySatisfy(row -> assertThat(row).anySatisfy(cell -> assertThat(cell)
                .isEqualTo("Chrome 131 · Android")));
        assertThat(sessions).anySatisfy(row -> assertThat(row.get(row.size() - 1)).isEqualTo("Cette session"));
        browser.accessibility().assertNoViolations("my account");
        browser.screenshot(SCREENSHOTS, "account-fr");

        // English, kept with the account: the page turns English at once
        page.saveLanguage(1);
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo("My account");
        assertThat(page.pageMessage()).isEqualTo("Language saved with your account.");
        browser.accessibility().assertNoViolations("my account, language saved");
        browser.screenshot(SCREENSHOTS, "account-language-saved-en");

        // refusals, each on its field
        page.changePassword("not my password", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(page.fieldMessage("current")).startsWith("The current password is wrong.");
        browser.accessibility().assertNoViolations("my account, wrong current password");
        browser.screenshot(SCREENSHOTS, "account-wrong-current-en");
        page.changePassword(TestAccounts.PASSWORD, "too short", "too short");
        assertThat(page.fieldMessage("newPassword")).isEqualTo("The password must have at least 12 characters.");
        page.changePassword(TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + " ");
        assertThat(page.fieldMessage("confirmation")).isEqualTo("The confirmation differs from the new password.");
        browser.accessibility().assertNoViolations("my account, weak new password");
        browser.screenshot(SCREENSHOTS, "account-refused-en");
        assertThat(elsewhere.inIntranet()).as("nothing changed yet").isTrue();

        // changed: the session open elsewhere ends
        page.changePassword(TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(page.pageMessage()).isEqualTo("Password changed; the other open session was ended."
                + " An e-mail confirms it.");
        assertThat(page.sessions()).hasSize(1);
        assertThat(elsewhere.inIntranet()).as("the other session lands on the login page").isFalse();
        browser.accessibility().assertNoViolations("my account, password changed");
        browser.screenshot(SCREENSHOTS, "account-password-changed-en");

        // a new session elsewhere, ended by its button
        IntranetSession laptop = new IntranetSession(TestServer.url(),
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        assertThat(laptop.logIn(username, NEW_PASSWORD)).isTrue();
        page.openFromHeader();
        assertThat(page.sessions()).hasSize(2);
        page.endAnotherSession();
        assertThat(page.pageMessage()).isEqualTo("Session ended: its next page will be the login page.");
        assertThat(page.sessions()).hasSize(1);
        assertThat(laptop.inIntranet()).isFalse();
        browser.accessibility().assertNoViolations("my account, another session ended");
        browser.screenshot(SCREENSHOTS, "account-session-ended-en");

        // two more elsewhere, ended at once
        IntranetSession tablet = new IntranetSession(TestServer.url(), "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X)"
                + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        IntranetSession office = new IntranetSession(TestServer.url(), "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
                + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70");
        assertThat(tablet.logIn(username, NEW_PASSWORD)).isTrue();
        assertThat(office.logIn(username, NEW_PASSWORD)).isTrue();
        page.openFromHeader();
        assertThat(page.sessions()).hasSize(3).anySatisfy(row -> assertThat(row).contains("Edge 131 · Windows"));
        page.endOtherSessions();
        assertThat(page.pageMessage()).isEqualTo("2 other sessions ended.");
        assertThat(page.sessions()).hasSize(1);
        assertThat(tablet.inIntranet()).isFalse();
        assertThat(office.inIntranet()).isFalse();
        browser.accessibility().assertNoViolations("my account, the other sessions ended");

        // logged in again with the new password: the pages are in English from the start
        page.logOut();
        new LoginPage(browser).open(browser.application(), "fr");
        new LoginPage(browser).logIn(username, NEW_PASSWORD);
        AccountPage again = new AccountPage(browser);
        assertThat(again.path()).endsWith("/app/index.xhtml");
        assertThat(again.language()).as("the account's language after the login").isEqualTo("en");
        again.openFromHeader();
        assertThat(again.heading()).isEqualTo("My account");
        browser.accessibility().assertNoViolations("my account in English after a new login");
        browser.screenshot(SCREENSHOTS, "account-en");

        // the language switch still works for the session
        again.switchLanguage("fr");
        assertThat(again.heading()).isEqualTo("Mon compte");
    }
}
