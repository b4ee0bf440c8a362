package fr.la27eregion.testing;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Payara Micro of a test run, which every integration test that calls the platform from outside shares:
 * started on first use ({@link #base()}), so a run of tests that need no server starts none, and stopped by its
 * process id when the JUnit session closes (and by a shutdown hook if the test JVM ends otherwise).
 *
 * <p>It runs {@link #deployment()}: the micro WAR as the build made it, plus every test-only class the tests drive
 * the platform with (test accounts, fixtures, the driver and probe servlets, the movable clock, the test timers).
 * It is started as {@code ops/run} starts the platform ({@link MicroProcess}: context root {@code /}, loopback
 * only, no cluster, no phone-home, the preboot commands of {@code ops/payara}), with the settings
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

    /** Where the test server tells the secretariat of label steps ({@code labels.secretariat-email}). */
    public static final String SECRETARIAT_EMAIL = "secretariat-labels@test.invalid";
    /** PBKDF2 iterations of the test server's new password hashes (the least Jakarta Security accepts). */
    public static final int TEST_PASSWORD_ITERATIONS = 1024;
    /** The OpenID client of the platform at the test provider, and its display name on the login page. */
    public static final String OIDC_CLIENT_ID = "platform";
    public static final String OIDC_DISPLAY_NAME = "le fournisseur de la région";

    /**
     * How long the server may take to start: 240 s, or {@code -Dtest.server.start-up-seconds=N} on a machine loaded by
     * other builds (several Payara Micros starting at once on 2 cores take longer).
     */
    private static final Duration START_UP = Duration.ofSeconds(Long.getLong("test.server.start-up-seconds", 240));

    private static volatile MicroProcess micro;
    private static URI base;
    private static Thread stopAtExit;

    /** Instantiated by the JUnit Platform, through {@code META-INF/services}. */
    public TestServer() {
        // the state is the test run's, hence static
    }

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
                RolledBackTransition.class, ProjectFixtures.class, RolledBackProjectStep.class,
                MovableAttachmentFolder.class, CertificateFixtures.class, TakenCertificateNumber.class);
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
        Path war = Path.of("target", "test-server.war").toAbsolutePath();
        deployment().as(ZipExporter.class).exportTo(war.toFile(), true);
        List<String> settings = new ArrayList<>(List.of(
                "-Ddb.url=" + property("test.db.url"), "-Ddb.user=" + property("test.db.user"),
                "-Ddb.password=" + property("test.db.password"),
                "-Ddb.migration.user=" + property("test.db.migration.user"),
                "-Ddb.migration.password=" + property("test.db.migration.password"),
                "-Dtest.db.superuser.url=" + property("test.db.superuser.url"),
                "-Dmail.smtp.host=127.0.0.1", "-Dmail.smtp.port=" + property("test.mail.port"),
                "-Dmail.smtp.user=" + property("test.mail.user"),
                "-Dmail.smtp.password=" + property("test.mail.password"),
                "-Dmail.smtp.connect-timeout-seconds=5", "-Dmail.smtp.timeout-seconds=10",
                // every test comes from the loopback: exempt from the limits per client address and trusted as a
                // proxy, so the tests of the limits each name a client address of their own with X-Forwarded-For
                "-Dlimits.trusted-proxies=127.0.0.1", "-Dlimits.exempt-addresses=127.0.0.1",
                // the test accounts' passwords hashed with Jakarta Security's least PBKDF2 count (1,024) instead of
                // production's 210,000: the authorization matrix alone signs in with a password some 1,400 times,
                // three minutes of hashing at the production count. Production's count is kept by
                // PasswordSettingsTest; every test of what a password does runs the same code at either count.
                "-Didentity.password.iterations=" + TEST_PASSWORD_ITERATIONS,
                // the public API: a small burst, so that PublicResponsesIT reaches it (60 a minute: one a second back)
                "-Dlimits.public-api.per-minute=60", "-Dlimits.public-api.burst=30",
                // labels: the secretariat's address, told of recusals (LabelReviewIT reads the outbox)
                "-Dlabels.secretariat-email=" + SECRETARIAT_EMAIL));
        String tsa = System.getProperty("test.tsa.url");
        if (tsa != null) {
            // the journal's anchors: the test run's time-stamping authority (TimeStampAuthoritySession)
            settings.addAll(List.of("-Dplatform.journal.tsa-url=" + tsa,
                    "-Dplatform.journal.tsa-certificate=" + property("test.tsa.certificate"),
                    "-Dplatform.journal.tsa-timeout-seconds=5"));
        }
        String issuer = System.getProperty("test.oidc.issuer");
        if (issuer != null) {
            settings.addAll(List.of("-Doidc.provider-uri=" + issuer, "-Doidc.client-id=" + OIDC_CLIENT_ID,
                    "-Doidc.client-secret=test-secret", "-Doidc.display-name=" + OIDC_DISPLAY_NAME));
        }
        MicroProcess started = MicroProcess.start(war, "test-server", "768m", settings);
        micro = started;
        stopAtExit = new Thread(TestServer::destroy, "test-server-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        System.out.printf("Shared test server: Payara Micro pid %d on %s, log %s%n", started.pid(), started.base(),
                started.log());
        try {
            started.awaitStatus("health/ready", 200, START_UP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while Payara Micro started", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        base = started.base();
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

    /** Ends Payara Micro by its process id; without a lock, so that it can run as a shutdown hook too. */
    private static void destroy() {
        MicroProcess running = micro;
        micro = null;
        if (running != null) {
            running.close();
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
}
