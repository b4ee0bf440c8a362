package fr.la27eregion.testing;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
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

/**
 * The one Payara Micro of a test run, which every integration test that calls the platform from outside shares:
 * started on first use ({@link #base()}), so a run of tests that need no server starts none, and stopped by its
 * process id when the JUnit session closes (and by a shutdown hook if the test JVM ends otherwise).
 *
 * <p>It runs {@link #deployment()}: the micro WAR as the build made it, plus every test-only class the tests drive
 * the platform with (test accounts, fixtures, the driver and probe servlets, the movable clock, the test timers).
 * It is started as {@code ops/run} starts the platform ({@code java -jar payara-micro.jar --deploy …}, context root
 * {@code /}, loopback only, no cluster, no phone-home, the preboot commands of {@code ops/payara}), with the settings
 * {@code arquillian.xml} gives the in-container tests' servers: the test run's PostgreSQL
 * ({@code TestDatabaseSession}), SMTP server ({@link MailServerSession}) and, as system properties (which
 * MicroProfile Config reads before the WAR's own file), its OpenID provider ({@link OidcProviderSession}). Its log
 * is {@code target/test-server.log}.
 *
 * <p>Registered after the database, provider and mail sessions in {@code META-INF/services}, so it is closed before
 * them. Shared state lives in the server as long as the run: the tests that move the {@link MovableClock} move it
 * back after each test, and each test makes its own records.
 */
public final class TestServer implements LauncherSessionListener {

    /** The OpenID client of the platform at the test provider, and its display name on the login page. */
    public static final String OIDC_CLIENT_ID = "platform";
    public static final String OIDC_DISPLAY_NAME = "Se connecter avec le fournisseur de la région";

    private static final Duration START_UP = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static volatile Process micro;
    private static URI base;
    private static Thread stopAtExit;

    /** The application of the shared server, {@code http://127.0.0.1:<port>/}; starts the server on first use. */
    public static synchronized URI base() {
        if (base == null) {
            start();
        }
        return base;
    }

    /** {@link #base()} as a URL, for the clients that take one. */
    public static URL url() {
        try {
            return base().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The one test deployment: the micro WAR and the test-only classes every test class used to add to its own
     * deployment. In-container tests ({@code @Deployment} testable) still build theirs from {@link MicroDeployment}.
     */
    public static WebArchive deployment() {
        return MicroDeployment.microWar().addClasses(TestAccounts.class, MembershipFixtures.class,
                BoundaryProbe.class, PlatformDriverServlet.class, MovableClock.class, ScheduleTimers.class,
                RolledBackTransition.class);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        // started lazily by base(): a run of tests that need no server (unit tests, DatabaseUnavailableIT) starts none
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    private static void start() {
        if (System.getProperty("test.db.url") == null) {
            throw new IllegalStateException("No test database (test.db.url): the shared server runs in the "
                    + "integration tests only (mvn verify)");
        }
        Path target = Path.of("target").toAbsolutePath();
        Path war = target.resolve("test-server.war");
        Path log = target.resolve("test-server.log");
        deployment().as(ZipExporter.class).exportTo(war.toFile(), true);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Dhazelcast.socket.bind.any=false",
                "-Ddb.url=" + property("test.db.url"), "-Ddb.user=" + property("test.db.user"),
                "-Ddb.password=" + property("test.db.password"),
                "-Ddb.migration.user=" + property("test.db.migration.user"),
                "-Ddb.migration.password=" + property("test.db.migration.password"),
                "-Dtest.db.superuser.url=" + property("test.db.superuser.url"),
                "-Dmail.smtp.host=127.0.0.1", "-Dmail.smtp.port=" + property("test.mail.port"),
                "-Dmail.smtp.user=" + property("test.mail.user"),
                "-Dmail.smtp.password=" + property("test.mail.password"),
                "-Dmail.smtp.connect-timeout-seconds=5", "-Dmail.smtp.timeout-seconds=10"));
        String issuer = System.getProperty("test.oidc.issuer");
        if (issuer != null) {
            command.addAll(List.of("-Doidc.provider-uri=" + issuer, "-Doidc.client-id=" + OIDC_CLIENT_ID,
                    "-Doidc.client-secret=test-secret", "-Doidc.display-name=" + OIDC_DISPLAY_NAME));
        }
        command.addAll(List.of("-jar", target.resolve("payara-micro.jar").toString(),
                "--deploy", war.toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--nocluster", "--disablephonehome",
                "--unpackdir", target.resolve("test-server-unpack").toString(),
                "--prebootcommandfile",
                Path.of("..", "ops", "payara", "micro-preboot.asadmin").toAbsolutePath().toString()));
        try {
            Files.deleteIfExists(log);
            micro = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Payara Micro", e);
        }
        stopAtExit = new Thread(TestServer::destroy, "test-server-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        URI started = URI.create("http://127.0.0.1:" + port + "/");
        System.out.printf("Shared test server: Payara Micro pid %d on %s, log %s%n", micro.pid(), started, log);
        try {
            awaitReady(micro, started, log);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        base = started;
    }

    private static void awaitReady(Process process, URI application, Path log) {
        Instant deadline = Instant.now().plus(START_UP);
        HttpRequest ready = HttpRequest.newBuilder(application.resolve("health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped during start-up; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Payara Micro started", e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Payara Micro started", e);
            }
        }
        throw new IllegalStateException("Payara Micro was not ready within " + START_UP + "; see " + log);
    }

    /** Stops the shared server, if it runs. */
    private static synchronized void stop() {
        if (stopAtExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down: the hook runs anyway
            }
            stopAtExit = null;
        }
        base = null;
        destroy();
    }

    /** Ends Payara Micro, the process this class started, by its id; without a lock, as a shutdown hook too. */
    private static void destroy() {
        Process running = micro;
        micro = null;
        if (running == null) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("The shared test server needs " + name + " (set by the test run's "
                    + "sessions, META-INF/services)");
        }
        return value;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instantiated by the JUnit Platform, through {@code META-INF/services}. */
    public TestServer() {
        // the state is the test run's, hence static
    }
}
