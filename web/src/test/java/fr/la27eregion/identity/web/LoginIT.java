package fr.la27eregion.identity.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.util.Set;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logging in and out in a real Chromium against the micro WAR on Payara Micro and PostgreSQL: a wrong password
 * and an unknown account get the same message, repeated failures lock the account, a good login lands in the
 * intranet, logging out ends the session; the login and accounts pages pass axe-core (WCAG 2.1 A and AA) under
 * the Content-Security-Policy of the platform. Accounts come from {@link TestAccounts}.
 *
 * <p>The shared test server has single sign-on configured ({@code OidcIT}), so its login page also offers the
 * provider; the login page without it (the WAR as built) is checked on the server of
 * {@code DatabaseUnavailableIT}, which has no {@code oidc.*} setting.
 */
@Tag("browser")
@DisplayName("Logging in and out")
class LoginIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("a wrong password and an unknown account get the same message, tied to the password field")
    void aWrongPasswordRevealsNothing() {
        LoginPage page = new LoginPage(browser).open(browser.application(), "fr");
        page.logIn("jury", "pas le bon mot de passe");
        String wrongPassword = page.passwordError();
        browser.screenshot("login-wrong-password-fr");
        page.logIn("personne-ici", "pas le bon mot de passe");

        assertThat(wrongPassword).startsWith("Identifiant ou mot de passe incorrect");
        assertThat(page.passwordError()).isEqualTo(wrongPassword);
        assertThat(browser.driver().findElement(By.id("login:password")).getDomAttribute("aria-describedby"))
                .startsWith("login:password-message");
        browser.accessibility().assertNoViolations("the login page with an error");
    }

    @Test
    @DisplayName("a form sent without its page's script nonce gets an accessible page that says so, in both languages")
    void aFormWithoutItsNonceIsToldSo() {
        LoginPage page = new LoginPage(browser).open(browser.application(), "fr");
        // what a browser without JavaScript sends: the form without what the page's script adds to it
        browser.script().executeScript("document.querySelectorAll(\"input[name='primefaces.nonce']\")"
                + ".forEach(function (input) { input.remove(); });");
        page.logIn("jury", TestAccounts.PASSWORD);

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Formulaire non accepté");
        assertThat(browser.driver().findElement(By.cssSelector("section[lang='en'] h2")).getText())
                .isEqualTo("Form not accepted");
        browser.screenshot("form-refused");
        browser.accessibility().assertNoViolations("the page of a form refused for its missing nonce");
        browser.driver().findElement(By.linkText("Ouvrir de nouveau la page du formulaire")).click();
        browser.waitForDocument();
        assertThat(page.isShown()).as("back on the login form, not logged in").isTrue();
    }

    @Test
    @DisplayName("five failures in a row lock the account: the right password is then refused too")
    void repeatedFailuresLockTheAccount() {
        LoginPage page = new LoginPage(browser).open(browser.application(), "en");
        for (int i = 0; i < 5; i++) {
            page.logIn("lock-browser", "wrong password " + i);
        }
        page.logIn("lock-browser", TestAccounts.PASSWORD);

        assertThat(page.isShown()).isTrue();
        assertThat(page.passwordError()).startsWith("Wrong username or password").contains("locked for 15 minutes");
    }

    @Test
    @DisplayName("a good login lands in the intranet with the caller's roles; logging out ends the session")
    void aGoodLoginLandsInTheIntranetAndLogoutEndsIt() throws Exception {
        long journalHead = journalHead();
        LoginPage page = new LoginPage(browser).open(browser.application(), "fr");
        browser.accessibility().assertNoViolations("the login page");
        browser.screenshot("login-fr");
        String sessionBefore = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        page.logIn(TestAccounts.of(Role.AUDITOR), TestAccounts.PASSWORD);
        assertThat(browser.driver().manage().getCookieNamed("JSESSIONID").getValue())
                .as("a new session id at login").isNotEqualTo(sessionBefore);

        IntranetPage intranet = new IntranetPage(browser);
        assertThat(intranet.path()).endsWith("/app/index.xhtml");
        assertThat(intranet.caller()).isEqualTo("auditor");
        assertThat(intranet.roles()).containsExactly("Auditeur");
        assertThat(intranet.offersAccounts()).isFalse();
        browser.screenshot("intranet-auditor");

        intranet.logOut();
        assertThat(page.notice()).isEqualTo("Vous êtes déconnecté(e).");
        browser.open(browser.application().resolve("app/index.xhtml"));
        assertThat(page.isShown()).as("the intranet asks for a login again").isTrue();
        assertThat(journalSince(journalHead)).as("the journal of this session")
                .containsSubsequence("login Account auditor anonymous", "logout Account auditor auditor");
    }

    /** The last sequence number of the journal, read as the database's superuser (tests only). */
    private static long journalHead() {
        return Superuser.number("SELECT coalesce(max(seq), 0) FROM journal_entry");
    }

    /** "action entityType entityId actor" of each journal entry after {@code seq}. */
    private static List<String> journalSince(long seq) {
        return Superuser.column("SELECT concat_ws(' ', action, coalesce(entity_type, 'null'),"
                + " coalesce(entity_id, 'null'), coalesce(actor, 'anonymous')) FROM journal_entry WHERE seq > ? ORDER BY seq", seq);
    }

    @Test
    @DisplayName("the secretariat reaches the accounts page, which passes axe-core")
    void theSecretariatReachesTheAccountsPage() {
        browser.logInAs(Role.NETWORK_ADMIN);
        IntranetPage intranet = new IntranetPage(browser);
        intranet.openAccounts();

        assertThat(intranet.heading()).isEqualTo("Comptes");
        assertThat(browser.driver().findElements(By.cssSelector("[id='accounts:table'] tbody tr"))).isNotEmpty();
        browser.screenshot("accounts-secretariat");
        browser.accessibility().assertNoViolations("the accounts page");
    }

    @Test
    @DisplayName("the secretariat sends a password reset link by mail from the accounts page")
    void theSecretariatMailsAPasswordResetLink() throws Exception {
        browser.logInAs(Role.NETWORK_ADMIN);
        new IntranetPage(browser).openAccounts();
        UsersPage users = new UsersPage(browser);
        String jury = TestAccounts.of(Role.JURY);

        users.filter(jury).resetPassword(jury);
        assertThat(users.pageMessage()).matches("Lien de réinitialisation pour " + jury + " adressé par courriel à "
                + jury + "@test.invalid, valable jusqu'au \\d\\d/\\d\\d/20\\d\\d \\d\\d:\\d\\d"
                + " \\(heure de Paris\\)\\.");
        browser.screenshot("accounts-reset-mailed");
        browser.accessibility().assertNoViolations("the accounts page, a reset link mailed");
        assertThat(MailServerSession.await(jury + "@test.invalid",
                MailServerSession.subject("Choisir un nouveau mot de passe pour la plateforme de La 27e Région"), 1,
                java.time.Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    @DisplayName("the secretariat creates an account under the password policy, and the new person logs in")
    void theSecretariatCreatesAnAccount() {
        browser.logInAs(Role.NETWORK_ADMIN);
        new IntranetPage(browser).openAccounts();
        UsersPage users = new UsersPage(browser);

        users.create("claire.martin", "Claire Martin", "claire.martin@example.org", "claire.martin-2026", 3);
        assertThat(users.fieldMessage("password")).isEqualTo("Le mot de passe ne doit pas contenir l'identifiant.");
        users.create("claire.martin", "Claire Martin", "claire.martin@example.org", "motdepasse2026", 3);
        assertThat(users.fieldMessage("password")).contains("plus utilisés");
        users.create("claire.martin", "Claire Martin", "claire.martin@example.org", "trois pommes vertes", 3);
        assertThat(users.pageMessage()).isEqualTo("Compte claire.martin créé.");
        assertThat(users.usernames()).contains("claire.martin");
        browser.screenshot("accounts-created");

        users.logOut();
        LoginPage login = new LoginPage(browser);
        login.logIn("claire.martin", "trois pommes vertes");
        assertThat(new IntranetPage(browser).roles()).containsExactly("Expert évaluateur");
    }

    @Test
    @DisplayName("a reset link that does not exist (or expired, or was used) says so and changes nothing")
    void anUnknownResetLinkIsRefused() {
        new LoginPage(browser).load(browser.application(), "reset-password.xhtml?token=not-a-real-token", "fr");
        browser.driver().findElement(By.id("reset:password")).sendKeys("une phrase assez longue");
        new LoginPage(browser).submitReset();

        assertThat(browser.driver().findElement(By.id("messages")).getText())
                .contains("Ce lien a expiré ou a déjà servi");
        browser.accessibility().assertNoViolations("the password reset page with an error");
    }

    @Test
    @DisplayName("an account disabled by the secretariat loses its open session at its next intranet page")
    void aDisabledAccountLosesItsOpenSession() {
        browser.logInAs(TestAccounts.TO_DISABLE);
        assertThat(new IntranetPage(browser).caller()).isEqualTo(TestAccounts.TO_DISABLE);
        Set<Cookie> owner = Set.copyOf(browser.driver().manage().getCookies());

        browser.driver().manage().deleteAllCookies();
        browser.logInAs(Role.NETWORK_ADMIN);
        new IntranetPage(browser).openAccounts();
        new UsersPage(browser).disable(TestAccounts.TO_DISABLE);
        assertThat(browser.driver().findElement(By.xpath("//tr[td[1][normalize-space()='"
                + TestAccounts.TO_DISABLE + "']]")).getText()).contains("Désactivé");

        browser.driver().manage().deleteAllCookies();
        owner.forEach(browser.driver().manage()::addCookie);
        browser.open(browser.application().resolve("app/index.xhtml"));
        assertThat(new LoginPage(browser).isShown()).isTrue();
    }
}
