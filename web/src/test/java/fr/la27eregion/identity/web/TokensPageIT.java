package fr.la27eregion.identity.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens in a real Chromium against the micro WAR on Payara Micro and PostgreSQL: a coordinator
 * creates a token on "My access tokens", reads its secret once, a program uses it with the API, the coordinator
 * revokes it and the API refuses it at once; the secretariat lists and revokes an account's tokens from the
 * accounts page. Each state of the page passes axe-core (WCAG 2.1 A and AA).
 */
@Tag("browser")
@DisplayName("My access tokens")
class TokensPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("a coordinator creates a token, reads it once, uses it with the API, revokes it: then it is refused")
    void aCoordinatorCreatesUsesAndRevokesAToken() {
        String name = "Portail régional " + System.nanoTime();
        browser.logInAs(Role.MEMBER_COORDINATOR);
        TokensPage page = new TokensPage(browser).openFromMenu();
        assertThat(page.path()).endsWith("/app/account/tokens.xhtml");
        assertThat(page.heading()).isEqualTo("Mes jetons d'accès");
        LocalDate today = Clocks.today(Clock.systemUTC());
        assertThat(page.lastDay()).as("90 days by default").isEqualTo(today.plusDays(90).toString());
        browser.accessibility().assertNoViolations("my access tokens");
        browser.screenshot("tokens-fr");

        // bad input: a field message each, nothing created
        page.name(name).lastDay(today.plusDays(400)).create();
        assertThat(page.fieldMessage("expiresOn")).isEqualTo("Un jeton expire au plus tard dans 365 jours.");
        assertThat(page.secret()).isEmpty();
        page.name(" ").lastDay(today.plusDays(30)).create();
        assertThat(page.fieldMessage("name")).isEqualTo("Donnez un nom au jeton.");
        browser.accessibility().assertNoViolations("my access tokens, refused input");
        browser.screenshot("tokens-refused-fr");

        // created: the secret shown once, with its warning
        page.name(name).scope(1).lastDay(today.plusDays(30)).create();
        String secret = page.secret();
        assertThat(secret).startsWith("l27_").hasSize(53);
        assertThat(page.warning()).contains("il ne sera plus jamais affiché");
        assertThat(page.pageMessage()).isEqualTo("Jeton « " + name + " » créé.");
        assertThat(page.row(name)).containsSubsequence(name, secret.substring(0, 12) + "…", "Lecture et écriture")
                .contains("Jamais", "Actif");
        browser.accessibility().assertNoViolations("my access tokens, a new token shown once");
        browser.screenshot("tokens-created-fr");

        // used by a program, with the coordinator's roles and nothing more
        ApiClient program = new ApiClient(TestServer.url()).withToken(secret);
        Reply me = program.get("api/v1/me", null);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(TestAccounts.of(Role.MEMBER_COORDINATOR));
        assertThat(program.get("api/v1/accounts", null).status()).as("not the secretariat's").isEqualTo(403);

        // shown once: the page loaded again shows the token's start only
        page.openFromMenu();
        assertThat(page.secret()).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret.substring(12));
        assertThat(page.row(name)).doesNotContain("Jamais");

        // revoked, after a confirmation
        page.revoke(name);
        assertThat(page.dialogText()).contains(name).contains(secret.substring(0, 12));
        browser.accessibility().assertNoViolations("my access tokens, revocation asked");
        browser.screenshot("tokens-revoke-dialog-fr");
        page.confirmRevoke();
        assertThat(page.pageMessage()).isEqualTo("Jeton « " + name + " » révoqué.");
        assertThat(page.row(name)).contains("Révoqué");
        browser.accessibility().assertNoViolations("my access tokens, a token revoked");
        browser.screenshot("tokens-revoked-fr");

        Reply refused = program.get("api/v1/me", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.mediaType()).isEqualTo("application/problem+json");
    }

    @Test
    @DisplayName("the page in English")
    void thePageInEnglish() {
        browser.logInAs(Role.REVIEWER);
        TokensPage page = new TokensPage(browser);
        page.load(browser.application(), "app/account/tokens.xhtml", "en");
        assertThat(page.heading()).isEqualTo("My access tokens");
        assertThat(page.language()).isEqualTo("en");
        browser.accessibility().assertNoViolations("my access tokens in English");
        browser.screenshot("tokens-en");
    }

    @Test
    @DisplayName("the secretariat lists an account's tokens on the accounts page and revokes one: the API refuses it")
    void theSecretariatRevokesAnAccountsToken() {
        String username = "token-owner-" + System.nanoTime();
        PlatformDriver driver = new PlatformDriver(TestServer.url());
        assertThat(driver.post("account", PlatformDriver.secretariat(), Map.of("username", username)).status())
                .isEqualTo(200);
        String secret = driver.post("token", username, Map.of("name", "Script de renouvellement", "scope", "READ"))
                .json().getString("secret");
        ApiClient program = new ApiClient(TestServer.url()).withToken(secret);
        assertThat(program.get("api/v1/me", null).status()).isEqualTo(200);

        browser.logInAs(Role.NETWORK_ADMIN);
        UsersPage users = new UsersPage(browser);
        users.openAccounts();
        users.filter(username).showTokens(username);
        assertThat(users.tokens()).singleElement().asString().contains("Script de renouvellement")
                .contains(secret.substring(0, 12)).contains("Lecture seule").contains("Actif");
        browser.accessibility().assertNoViolations("the accounts page with an account's tokens");
        browser.screenshot("users-tokens-fr");

        users.revokeToken("Script de renouvellement");
        assertThat(users.pageMessage()).isEqualTo("Jeton « Script de renouvellement » de " + username + " révoqué.");
        assertThat(users.tokens()).singleElement().asString().contains("Révoqué");
        assertThat(program.get("api/v1/me", null).status()).isEqualTo(401);
    }
}
