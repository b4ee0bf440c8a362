package fr.la27eregion.platform;

import fr.la27eregion.ops.ListeningSockets;
import fr.la27eregion.ops.LocalDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform started while its database is unreachable: it still starts, says in one log line which settings
 * to check, reports readiness DOWN, shows people a friendly error with a request id, answers the API with a
 * problem detail, and becomes ready by itself once the database appears. Being the one server of the suite
 * started with the WAR's own settings only, it also shows the login page without single sign-on.
 *
 * <p>Payara Micro is started directly (not through Arquillian) because the point is its own start-up with a
 * wrong configuration. The tests are ordered: the fifth brings the database up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseUnavailableIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process micro;
    private static Path log;
    private static int dbPort;
    private static URI base;
    private static LocalDatabase database;

    @BeforeAll
    static void startWithoutDatabase() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        log = target.resolve("database-unavailable-micro.log");
        dbPort = freePort();
        int httpPort = freePort();
        base = URI.create("http://127.0.0.1:" + httpPort + "/");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dhazelcast.socket.bind.any=false",
                "-Ddb.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/" + LocalDatabase.DATABASE,
                "-Ddb.user=" + LocalDatabase.USER, "-Ddb.password=" + LocalDatabase.PASSWORD,
                "-Ddb.migration.user=" + LocalDatabase.OWNER, "-Ddb.migration.password=" + LocalDatabase.OWNER_PASSWORD,
                "-jar", target.resolve("payara-micro.jar").toString(),
                "--deploy", System.getProperty("micro.war", target.resolve("platform-web-micro.war").toString()),
                "--contextroot", "/", "--port", Integer.toString(httpPort),
                "--nocluster", "--disablephonehome",
                "--unpackdir", target.resolve("micro-unpack-nodb").toString(),
                "--prebootcommandfile", Path.of("..", "ops", "payara", "micro-preboot.asadmin").toAbsolutePath().toString()));
        micro = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitStatus("health/live", 200, Duration.ofSeconds(240));
    }

    @AfterAll
    static void stop() throws Exception {
        if (micro != null) {
            micro.destroy();
            if (!micro.waitFor(30, TimeUnit.SECONDS)) {
                micro.destroyForcibly();
            }
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

    @Test
    @Order(3)
    void aPersonSeesAFriendlyErrorWithARequestIdNeverAStackTrace() throws Exception {
        HttpResponse<String> page = get("public/territories.xhtml");
        assertThat(page.statusCode()).isEqualTo(500);
        String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(page.body())
                .contains("Une erreur est survenue")
                .contains(requestId)
                .doesNotContain("Caused by")
                .doesNotContain(".java:");
        assertThat(Files.readString(log)).contains("Request " + requestId + " failed");
    }

    @Test
    @Order(4)
    void theApiAnswersServiceUnavailableAsAProblemDetail() throws Exception {
        HttpResponse<String> response = get("api/v1/territories");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).contains("\"status\":503").doesNotContain(".java:");
    }

    @Test
    @Order(5)
    void thePlatformBecomesReadyOnceTheDatabaseAppears() throws Exception {
        database = LocalDatabase.start(Path.of("target", "test-postgres", "late").toAbsolutePath(), dbPort, true);
        awaitStatus("health/ready", 200, Duration.ofSeconds(60));
        HttpResponse<String> regions = get("api/v1/territories?kind=REGION");
        assertThat(regions.statusCode()).isEqualTo(200);
        assertThat(regions.body()).contains("Bretagne");
    }

    /**
     * The WAR as built, with no {@code oidc.*} setting (this server's configuration, unlike the shared test server's
     * where {@code OidcIT} logs in through the provider): the login page offers the form only.
     */
    @Test
    @Order(6)
    @DisplayName("without an identity provider configured the login page offers the form only")
    void noSingleSignOnUnlessConfigured() throws Exception {
        HttpResponse<String> page = get("login.xhtml");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login\"").doesNotContain("sso-login");
        HttpResponse<String> start = get("sso/login");
        assertThat(start.statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitStatus(String path, int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!micro.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped; see " + log);
            }
            try {
                if (get(path).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(path + " did not answer " + status + " within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
