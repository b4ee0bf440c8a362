package fr.la27eregion.identity.web;

import com.nimbusds.jwt.JWTParser;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.OidcProviderSession;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on with a real OpenID Connect provider ({@link OidcProviderSession}, started in the test JVM): the
 * shared test server is configured for it ({@link TestServer} passes the {@code oidc.*} settings as system
 * properties), the browser is a plain HTTP client following redirects with a cookie store. The unconfigured case
 * (the WAR as built, no {@code oidc.*} setting) is checked on the server {@code DatabaseUnavailableIT} starts.
 */
@DisplayName("Single sign-on (OpenID Connect)")
class OidcIT {

    static final String CLIENT_ID = TestServer.OIDC_CLIENT_ID;

    @Test
    @DisplayName("the login page offers the provider; its login lands in the intranet with the account's roles")
    void providerLoginMapsToThePlatformAccount() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> login = get(browser, "login.xhtml");
        assertThat(login.body()).contains("id=\"sso-login\"").contains("fournisseur de la r");

        logsInAtTheProviderAs(TestAccounts.of(Role.AUDITOR));
        HttpResponse<String> landed = get(browser, "sso/login");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.uri().getPath()).endsWith("/app/index.xhtml");
        HttpResponse<String> me = get(browser, "api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(me.body()))) {
            JsonObject caller = reader.readObject();
            assertThat(caller.getString("username")).isEqualTo(TestAccounts.of(Role.AUDITOR));
            assertThat(caller.getJsonArray("roles").getValuesAs(JsonString::getString))
                    .containsExactly(Role.AUDITOR.name());
        }
    }

    @Test
    @DisplayName("an identity without a platform account, or with a disabled one, is refused with a clear page")
    void unknownOrDisabledIdentitiesAreRefused() throws Exception {
        for (String who : List.of("nobody-at-the-platform", TestAccounts.DISABLED)) {
            HttpClient browser = browser();
            logsInAtTheProviderAs(who);
            HttpResponse<String> landed = get(browser, "sso/login");

            assertThat(landed.uri().getPath()).as(who).endsWith("/login.xhtml");
            assertThat(landed.uri().getQuery()).as(who).isEqualTo("sso=refused");
            assertThat(landed.body()).as(who).contains("id=\"sso-refused\"");
            assertThat(get(browser, "api/v1/me").statusCode()).as(who).isEqualTo(401);
        }
    }

    @Test
    @DisplayName("a provider answer that does not belong to a login started here is refused")
    void aForgedCallbackIsRefused() throws Exception {
        HttpResponse<String> landed = get(browser(), "sso/callback?code=forged&state=forged");
        assertThat(landed.uri().getQuery()).isEqualTo("sso=refused");
    }

    @Test
    @DisplayName("logging out after a single sign-on logs out at the provider too, which sends the browser back")
    void logoutReachesTheProvidersEndSession() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = browser(cookies);
        logsInAtTheProviderAs(TestAccounts.of(Role.AUDITOR));
        assertThat(get(browser, "sso/login").uri().getPath()).endsWith("/app/index.xhtml");

        // the logout button's POST, one step at a time: the platform's session ends, then off to the provider
        HttpClient oneStep = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> logout = oneStep.send(HttpRequest.newBuilder(TestServer.base().resolve("app/logout"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(endSession.toString()).startsWith(System.getProperty("test.oidc.issuer") + "/endsession?");
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : endSession.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(JWTParser.parse(query.get("id_token_hint")).getJWTClaimsSet().getStringClaim("preferred_username"))
                .as("the ID token of this login as the hint").isEqualTo(TestAccounts.of(Role.AUDITOR));
        assertThat(URI.create(query.get("post_logout_redirect_uri")).getPath()).endsWith("/login.xhtml");

        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(endSession).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.uri().getPath()).endsWith("/login.xhtml");
        assertThat(back.uri().getQuery()).isEqualTo("loggedOut=true");
        assertThat(get(browser, "api/v1/me").statusCode()).as("the platform session is over").isEqualTo(401);
    }

    private static void logsInAtTheProviderAs(String username) {
        OidcProviderSession.provider().enqueueCallback(new DefaultOAuth2TokenCallback(OidcProviderSession.ISSUER_ID,
                "subject-" + username, "JWT", List.of(CLIENT_ID), Map.of("preferred_username", username), 300));
    }

    private static HttpClient browser() {
        return browser(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        URI uri = TestServer.base().resolve(path);
        return browser.send(HttpRequest.newBuilder(uri).header("Accept-Language", "fr").timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
