package fr.la27eregion.ear;

import fr.la27eregion.ops.ListeningSockets;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The EAR, as built, on a real Payara Server 6 and a real PostgreSQL: created, started and deployed with
 * {@code asadmin}, then checked over HTTP on the smoke path of the journeys (public page, API, problem details,
 * health, metrics, OpenAPI). The PostgreSQL is started for the test run by
 * {@code fr.la27eregion.ops.TestDatabaseSession}; the server reads it through the system properties
 * {@code db.url}, {@code db.user} and {@code db.password}, which override the defaults of the EJB module's
 * {@code microprofile-config.properties}.
 */
class EarDeploymentIT {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static PayaraServerDomain domain;
    private static URI base;
    private static boolean deployed;

    @BeforeAll
    static void createStartAndDeploy() throws Exception {
        Path ear = Path.of(System.getProperty("ear.file", "target/platform.ear")).toAbsolutePath();
        assertThat(ear).as("the EAR built by this module").isRegularFile();
        domain = PayaraServerDomain.on(
                Path.of(System.getProperty("payara.home", "target/payara6")).toAbsolutePath(),
                Path.of(System.getProperty("payara.domains.dir", "target/payara-domains")).toAbsolutePath(),
                "platform-test",
                Integer.getInteger("payara.portbase", 28000));
        base = URI.create("http://127.0.0.1:" + domain.httpPort() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> domain.serverProcess().ifPresent(ProcessHandle::destroyForcibly), "kill-payara-server"));

        long created = System.nanoTime();
        domain.create();
        // only what keeps the test server on this machine (loopback, no phone-home): the platform's own settings
        // are given the way an operator gives them, by ops/payara-server/install and an env file of
        // ops/systemd/platform.env's form
        domain.configure(Map.of());
        Path settings = domain.directory().resolveSibling("platform.env");
        Files.writeString(settings, String.join(System.lineSeparator(),
                "# written by EarDeploymentIT for ops/payara-server/install",
                "DB_URL=" + required("test.db.url"),
                "DB_USER=" + required("test.db.user"),
                "DB_PASSWORD=" + required("test.db.password"),
                // the migrations run as the database's owner, the application as its plain role
                "DB_MIGRATION_USER=" + required("test.db.migration.user"),
                "DB_MIGRATION_PASSWORD=" + required("test.db.migration.password"),
                // the demo accounts, to log in with (one per role)
                "PLATFORM_DEMO_DATA=true",
                // a value with ':' and '=' and spaces, as asadmin's property syntax must escape them
                "MAIL_FROM=\"La 27e Region <plateforme=test@localhost>\"",
                ""));
        long started = System.nanoTime();
        domain.start();
        long deploying = System.nanoTime();
        domain.install(Path.of("../ops/payara-server/install").toAbsolutePath().normalize(), settings, ear, base);
        long waiting = System.nanoTime();
        awaitReady();
        long ready = System.nanoTime();
        deployed = true;

        System.out.printf("Payara Server: domain started and EAR ready in %.1f s "
                        + "(start-domain %.1f s, ops/payara-server/install %.1f s, then ready after %.1f s; create-domain before: %.1f s; "
                        + "port base %d)%n",
                seconds(started, ready), seconds(started, deploying), seconds(deploying, waiting),
                seconds(waiting, ready), seconds(created, started), domain.portBase());
    }

    @AfterAll
    static void stop() {
        if (domain == null) {
            return;
        }
        try {
            if (!deployed) {
                System.out.println("The EAR did not deploy or did not become ready. End of "
                        + domain.serverLog() + ":" + System.lineSeparator() + domain.serverLogTail(200));
            }
        } finally {
            domain.stop();
        }
    }

    // ----- accounts and roles: the role mapping of the EAR (META-INF/glassfish-application.xml) -----

    @Test
    void demoAccountsLogInWithHttpBasicAndTheirRolesReachTheEjbBoundaries() throws Exception {
        HttpResponse<String> me = get("api/v1/me", "auditor");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(((JsonObject) json(me.body())).getJsonArray("roles").getString(0)).isEqualTo("AUDITOR");

        HttpResponse<String> accounts = get("api/v1/accounts", "secretariat");
        assertThat(accounts.statusCode()).as("NETWORK_ADMIN is mapped for the EJB module too").isEqualTo(200);
        assertThat(accounts.body()).contains("\"secretariat\"");
        assertThat(get("api/v1/accounts", "auditor").statusCode()).as("@RolesAllowed refuses").isEqualTo(403);
        assertThat(get("api/v1/accounts").statusCode()).isEqualTo(401);
    }

    // ----- membership: the demo organisations and the scoping of the EJB module's boundaries -----

    @Test
    void theDemoMembersAreListedAndTheirCoordinatorReadsOnlyTheirOwnMembership() throws Exception {
        HttpResponse<String> members = get("api/v1/organisations");
        assertThat(members.statusCode()).isEqualTo(200);
        JsonArray list = (JsonArray) json(members.body());
        JsonObject brittany = list.getValuesAs(JsonObject.class).stream()
                .filter(member -> "FR-53".equals(member.getString("territoryCode", ""))).findFirst().orElseThrow();
        assertThat(brittany.getString("membershipState")).isEqualTo("ACTIVE");
        JsonObject corsica = list.getValuesAs(JsonObject.class).stream()
                .filter(member -> "FR-94".equals(member.getString("territoryCode", ""))).findFirst().orElse(null);
        assertThat(corsica).as("an application under review is not listed").isNull();
        JsonObject guyane = list.getValuesAs(JsonObject.class).stream()
                .filter(member -> "FR-03".equals(member.getString("territoryCode", ""))).findFirst().orElseThrow();
        assertThat(guyane.getString("membershipState")).isEqualTo("LAPSED");
        assertThat(java.time.LocalDate.parse(guyane.getString("memberUntil")))
                .as("a lapsed membership's period ended more than the grace period ago")
                .isBefore(java.time.LocalDate.now().minusDays(60));

        long own = brittany.getJsonNumber("id").longValue();
        HttpResponse<String> mine = get("api/v1/organisations/" + own + "/memberships", "coordinator");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"ACTIVE\"");
        long other = list.getValuesAs(JsonObject.class).stream().filter(member -> member.getJsonNumber("id")
                .longValue() != own).findFirst().orElseThrow().getJsonNumber("id").longValue();
        assertThat(get("api/v1/organisations/" + other + "/memberships", "coordinator").statusCode())
                .as("another organisation's memberships").isEqualTo(403);
        assertThat(get("api/v1/organisations/" + other + "/memberships", "auditor").statusCode()).isEqualTo(200);
    }

    // ----- mail -----

    @Test
    void theInstallScriptGaveTheSettingsToTheServerIntact() throws Exception {
        // the database settings (with ':' in the URL) worked, or nothing else here would; these are read back
        assertThat(domain.remote("list-system-properties", "server"))
                .contains("db.url=" + required("test.db.url"))
                .contains("platform.demo-data=true")
                .contains("mail.from=La 27e Region <plateforme=test@localhost>");
    }

    @Test
    void theServerProvidesJakartaMailAndMailWaitsForAServerToBeConfigured() throws Exception {
        // said once at start by the outbox; the SMTP implementation is looked up then, so a server without
        // Jakarta Mail would have failed the deployment
        assertThat(Files.readString(domain.serverLog()))
                .contains("Mail: not configured (mail.smtp.host is empty)")
                .contains("Jakarta Mail SMTP: org.eclipse.angus.mail.smtp.SMTPTransport");
    }

    // ----- the public side -----

    @Test
    void thePublicPageListsTheRegionsInFrench() throws Exception {
        HttpResponse<String> page = get("public/territories.xhtml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html").containsIgnoringCase("UTF-8"));
        assertThat(page.body())
                .contains("lang=\"fr\"")
                .containsPattern("<title>\\s*Les régions du réseau")
                .contains("<h1>Les régions du réseau</h1>")
                .contains("Bretagne", "Normandie", "Grand Est");
    }

    // ----- the API -----

    @Test
    void theApiListsTheEighteenRegions() throws Exception {
        HttpResponse<String> response = get("api/v1/territories?kind=REGION");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonArray regions = json(response.body()).asJsonArray();
        assertThat(regions).hasSize(18);
        assertThat(regions.stream().map(JsonValue::asJsonObject).map(region -> region.getString("name")))
                .contains("Bretagne", "Grand Est", "La Réunion");
        assertThat(regions.stream().map(JsonValue::asJsonObject).map(region -> region.getString("kind")))
                .containsOnly("REGION");
    }

    @Test
    void anUnknownTerritoryIsAProblemNotFound() throws Exception {
        HttpResponse<String> response = get("api/v1/territories/FR-99");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = json(response.body()).asJsonObject();
        assertThat(problem.getInt("status")).isEqualTo(404);
        assertThat(problem.getString("detail")).contains("FR-99");
    }

    // ----- operations -----

    @Test
    void theApplicationIsReadyWithItsDatabase() throws Exception {
        HttpResponse<String> response = get("health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = json(response.body()).asJsonObject();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .map(check -> check.getString("name"))).contains("database");
    }

    @Test
    void metricsAreServedInThePrometheusFormat() throws Exception {
        HttpResponse<String> response = get("metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE ");
    }

    @Test
    void theOpenApiDocumentDescribesTheTerritories() throws Exception {
        HttpResponse<String> response = get("openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("openapi:").contains("/territories");
    }

    // ----- the domain itself -----

    @Test
    void theServerListensOnLoopbackOnly() throws Exception {
        // every socket of the server process, configured or not (Linux: from /proc, like ss -ltunp)
        List<ListeningSockets.Bound> bound = domain.boundSockets();
        if (!bound.isEmpty()) {
            assertThat(bound).as("sockets of Payara Server").anySatisfy(socket ->
                    assertThat(socket.port()).isEqualTo(domain.httpPort()));
            assertThat(bound).as("sockets of Payara Server").allSatisfy(socket ->
                    assertThat(socket.address().isLoopbackAddress()).as(socket.toString()).isTrue());
            return;
        }
        // elsewhere: none of the domain's ports answers on the machine's other addresses
        List<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(EarDeploymentIT::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .collect(Collectors.toList());
        assumeFalse(external.isEmpty(), "no network interface besides loopback");
        assertThat(reachable(InetAddress.getLoopbackAddress(), domain.httpPort()))
                .as("HTTP on 127.0.0.1").isTrue();
        for (InetAddress address : external) {
            for (int port : domain.ports()) {
                assertThat(reachable(address, port)).as("port %d on %s", port, address.getHostAddress()).isFalse();
            }
        }
    }

    @Test
    void phoneHomeIsDisabled() throws Exception {
        assertThat(domain.remote("list-phone-home")).contains("Phone Home Service is disabled");
    }

    // ----- helpers -----

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get("health/ready");
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Not ready after " + READY_TIMEOUT.toSeconds() + " s: " + last);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as one of the demo accounts, with HTTP Basic. */
    private static HttpResponse<String> get(String path, String demoAccount) throws IOException, InterruptedException {
        String credentials = java.util.Base64.getEncoder().encodeToString((demoAccount + ":Demo-27eRegion-2026")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonValue json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    private static boolean reachable(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (ConnectException | SocketTimeoutException refused) {
            return false;
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (IOException e) {
            return false;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " not set: is "
                    + "fr.la27eregion.ops.TestDatabaseSession registered in META-INF/services?");
        }
        return value;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
