package fr.la27eregion.platform;

import fr.la27eregion.identity.security.PlatformAuthentication;
import fr.la27eregion.ops.ListeningSockets;
import fr.la27eregion.ops.LocalDatabase;
import fr.la27eregion.testing.IntranetSession;
import fr.la27eregion.testing.MicroProcess;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform started while its database is unreachable: it still starts, says in one log line which settings
 * to check, reports readiness DOWN, shows people a friendly error with a request id, answers the API with a
 * problem detail, and becomes ready by itself once the database appears. Being the one server of the suite
 * started with the WAR's own settings only (but HTTP Basic switched off, as recommended in production), it also
 * shows the login page without single sign-on and the API without HTTP Basic.
 *
 * <p>Payara Micro is started directly ({@link MicroProcess}, not the shared test server) because the point is its
 * own start-up with a wrong configuration. The tests are ordered: the fifth brings the database up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseUnavailableIT {

    private static final String FIRST_ADMIN = "premier-admin";
    @RegisterExtension
    static final Browser browser = new Browser();
    private static MicroProcess micro;
    private static Path log;
    private static int dbPort;
    private static URI base;
    private static LocalDatabase database;

    @BeforeAll
    static void startWithoutDatabase() throws Exception {
        dbPort = MicroProcess.freePort();
        micro = MicroProcess.start(Path.of(System.getProperty("micro.war", "target/platform-web-micro.war")),
                "database-unavailable-micro", "512m", List.of(
                        "-Ddb.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/" + LocalDatabase.DATABASE,
                        "-Ddb.user=" + LocalDatabase.USER, "-Ddb.password=" + LocalDatabase.PASSWORD,
                        "-Ddb.migration.user=" + LocalDatabase.OWNER,
                        "-Ddb.migration.password=" + LocalDatabase.OWNER_PASSWORD,
                        // HTTP Basic off, as the install section recommends for production (on: the shared server)
                        "-Dauth.basic.enabled=false",
                        // a new installation without demo data: its first administrator (no mail server here)
                        "-Didentity.first-admin.username=" + FIRST_ADMIN,
                        "-Didentity.first-admin.email=secretariat@region.example"));
        log = micro.log();
        base = micro.base();
        micro.awaitStatus("health/live", 200, Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        if (micro != null) {
            micro.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void readinessIsDownAndSaysWhy() throws Exception {
        HttpResponse<String> ready = get("health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"DOWN\"").contains("database").contains("DB_URL");
        assertThat(get("health/live").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(1)
    void payaraMicroListensOnLoopbackOnly() throws Exception {
        List<ListeningSockets.Bound> bound = ListeningSockets.of(micro.pid());
        assertThat(bound).as("sockets of Payara Micro").isNotEmpty()
                .anySatisfy(socket -> assertThat(socket.port()).isEqualTo(base.getPort()))
                .allSatisfy(socket -> assertThat(socket.address().isLoopbackAddress()).as(socket.toString()).isTrue());
    }

    @Test
    @Order(2)
    void oneLogLineNamesTheSettingsToCheck() throws Exception {
        List<String> lines = Files.readAllLines(log).stream()
                .filter(line -> line.contains("Check the settings DB_URL, DB_USER and DB_PASSWORD"))
                .toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("The database cannot be reached");
    }

    /**
     * Before anything has noticed the outage, a signed-in API call (authentication needs the database) finds it out
     * itself: a 503 problem detail with {@code Retry-After}, not the 500 with an empty body it used to be.
     */
    @Test
    @Order(0)
    void aSignedInApiCallAnswersServiceUnavailableEvenBeforeTheOutageIsKnown() throws Exception {
        assertServiceUnavailableProblem(withToken("api/v1/me"));
    }

    @Test
    @Order(3)
    void aPersonIsAskedToTryAgainWithARequestIdNeverAStackTrace() throws Exception {
        for (String path : List.of("public/territories.xhtml", "app/index.xhtml")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(page.body()).as(path)
                    .contains("Service momentanément indisponible")
                    .contains("Réessayez dans quelques secondes")
                    .contains(requestId)
                    .doesNotContain("Caused by")
                    .doesNotContain(".java:");
        }
    }

    /** The page that asks to try again, as a person's browser shows it: readable and accessible in both languages. */
    @Test
    @Order(3)
    void thePageThatAsksToTryAgainIsAccessibleInFrenchAndEnglish() {
        for (String[] language : new String[][] {{"fr", "Service momentanément indisponible", "Réessayer"},
                {"en", "Service temporarily unavailable", "Try again"}}) {
            browser.open(base.resolve("public/territories.xhtml?lang=" + language[0]));
            String where = "the 503 page (" + language[0] + ")";
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).as(where)
                    .isEqualTo(language[1]);
            assertThat(browser.driver().getPageSource()).as(where).contains(language[2]).doesNotContain(".java:");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                    .as(where).isEqualTo(language[0]);
            browser.accessibility().assertNoViolations(where);
        }
    }

    @Test
    @Order(4)
    void theApiAnswersServiceUnavailableAsAProblemDetail() throws Exception {
        assertServiceUnavailableProblem(get("api/v1/territories"));
        assertServiceUnavailableProblem(withToken("api/v1/me"));
        assertServiceUnavailableProblem(withToken("api/v1/organisations"));
    }

    private static void assertServiceUnavailableProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"status\":503").doesNotContain(".java:");
    }

    /** A request with a personal access token (any: the database that would say whether it is good is away). */
    private static HttpResponse<String> withToken(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer l27_notchecked0123456789abcdefghijklmnopqrstuv")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(5)
    void thePlatformBecomesReadyOnceTheDatabaseAppears() throws Exception {
        database = LocalDatabase.start(Path.of("target", "test-postgres", "late").toAbsolutePath(), dbPort, true);
        micro.awaitStatus("health/ready", 200, Duration.ofSeconds(60));
        HttpResponse<String> regions = get("api/v1/territories?kind=REGION");
        assertThat(regions.statusCode()).isEqualTo(200);
        assertThat(regions.body()).contains("Bretagne");
    }

    /**
     * A new installation has nobody to log in but the first administrator its settings name: created once the
     * database is there, journaled by {@code system}, with a one-time link (in the log: no mail server) to choose a
     * password, after which the intranet opens.
     */
    @Test
    @Order(6)
    void theFirstAdministratorChoosesAPasswordFromTheLinkAndLogsIn() throws Exception {
        Pattern linkLine = Pattern.compile("Password reset link for '" + FIRST_ADMIN + "'.*reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)");
        Matcher link = null;
        for (int i = 0; i < 60 && link == null; i++) {
            Matcher found = linkLine.matcher(Files.readString(log));
            if (found.find()) {
                link = found;
            } else {
                Thread.sleep(500);
            }
        }
        assertThat(link).as("the link in the log").isNotNull();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.OWNER,
                LocalDatabase.OWNER_PASSWORD);
             ResultSet created = connection.createStatement().executeQuery(
                     "SELECT actor, details FROM journal_entry WHERE action = 'account.create' AND entity_id = '"
                             + FIRST_ADMIN + "'")) {
            assertThat(created.next()).isTrue();
            assertThat(created.getString("actor")).isEqualTo("system");
            assertThat(created.getString("details")).contains("\"firstAdministrator\":true", "NETWORK_ADMIN");
        }
        IntranetSession session = new IntranetSession(base.toURL(), "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        String password = "Premiere-connexion-2026";
        HttpResponse<String> chosen = session.choosePassword(
                base.resolve("reset-password.xhtml?token=" + link.group(1)), password);
        assertThat(chosen.statusCode()).isEqualTo(200);
        assertThat(chosen.body()).contains("Votre mot de passe est enregistré");
        assertThat(session.logIn(FIRST_ADMIN, password)).isTrue();
        assertThat(session.inIntranet()).isTrue();
    }

    /**
     * The WAR as built, with no {@code oidc.*} setting (this server's configuration, unlike the shared test server's
     * where {@code OidcIT} logs in through the provider): the login page offers the form only.
     */
    @Test
    @Order(7)
    @DisplayName("without an identity provider configured the login page offers the form only")
    void noSingleSignOnUnlessConfigured() throws Exception {
        HttpResponse<String> page = get("login.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login\"").doesNotContain("sso-login");
        HttpResponse<String> start = get("sso/login");
        assertThat(start.statusCode()).isEqualTo(404);
    }

    /**
     * {@code auth.basic.enabled=false}: a sound Basic header is refused like any wrong credential, the 401 offers
     * the bearer scheme only, and the OpenAPI description no longer names Basic.
     */
    @Test
    @Order(8)
    @DisplayName("with HTTP Basic switched off, even right credentials are a 401 whose challenge does not offer Basic")
    void basicSwitchedOff() throws Exception {
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "auditor:whatever-the-password".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(me.headers().allValues("WWW-Authenticate"))
                .containsExactly(PlatformAuthentication.BEARER_CHALLENGE);
        assertThat(me.body()).contains("The credentials are wrong");
        // refused as Basic switched off, before any account is looked up or password hashed (this server has none)
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.OWNER,
                LocalDatabase.OWNER_PASSWORD);
             ResultSet kinds = connection.createStatement().executeQuery(
                     "SELECT kind, sum(count) FROM security_event_count GROUP BY kind")) {
            assertThat(kinds.next()).as("one kind of refusal").isTrue();
            assertThat(kinds.getString(1)).isEqualTo("login.refused/basic disabled");
            assertThat(kinds.getLong(2)).isEqualTo(1);
            assertThat(kinds.next()).isFalse();
        }
        HttpResponse<String> anonymous = get("api/v1/me");
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .containsExactly(PlatformAuthentication.BEARER_CHALLENGE);
        assertThat(anonymous.body()).contains("send a bearer token.");
        HttpResponse<String> openapi = get("openapi");
        assertThat(openapi.body()).contains("scheme: bearer").doesNotContain("scheme: basic")
                .doesNotContain("- basic:");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return micro.get(path);
    }
}
