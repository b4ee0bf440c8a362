package fr.la27eregion.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.resource.spi.ResourceAllocationException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Whether the database is known to be away, so that requests answer at once instead of each waiting for a
 * connection that will not come.
 *
 * <p>An outage becomes known when a request fails for want of a database ({@link #unreachable}: the API's problem
 * mapper, the page filter, the authentication) or when readiness cannot reach the database. From then on, the
 * authentication answers every request that needs the database with a 503 and {@code Retry-After} (a problem
 * detail for the API, the "try again" page for people), touching neither the pool nor the database. Meanwhile a
 * probe opens a connection of its own, outside the pool, every {@value #PROBE_MILLIS} ms with a short timeout;
 * the first that succeeds ends the outage, so the service is back within about a second of its database.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** How long a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** The detail of the API's 503 problem, wherever it is answered (authentication, the problem mapper). */
    public static final String PROBLEM_DETAIL = "The platform cannot reach its database. Try again in a few seconds.";
    static final long PROBE_MILLIS = 1000;
    private static final int PROBE_TIMEOUT_SECONDS = 2;
    private static final List<String> EXEMPT = List.of("/health", "/metrics", "/openapi",
            "/jakarta.faces.resource/", "/resources/", "/favicon", "/robots.txt");
    /** Operator intervention that means the server is not there for now (not 57014, a cancelled query). */
    private static final Set<String> AWAY = Set.of("57P01", "57P02", "57P03");
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private volatile Instant since;
    private ScheduledFuture<?> probe;

    /** Whether requests that need the database should be answered 503 without trying it. */
    public boolean known() {
        return since != null;
    }

    /**
     * Takes note of a failure: when it says the database cannot be reached, the outage is known from now on
     * (and probed until it ends). Returns whether it did.
     */
    public boolean noticed(Throwable failure) {
        if (!unreachable(failure)) {
            return false;
        }
        began();
        return true;
    }

    /** The database could not be reached: the outage begins, if it had not already. */
    public synchronized void began() {
        if (since != null) {
            return;
        }
        since = Instant.now();
        LOG.warning("The database cannot be reached: requests that need it are answered 503 until it is back");
        probe = scheduler.scheduleWithFixedDelay(this::probe, PROBE_MILLIS, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The database answered: the outage, if any, is over. */
    public synchronized void ended() {
        if (since == null) {
            return;
        }
        Duration lasted = Duration.between(since, Instant.now());
        since = null;
        if (probe != null) {
            probe.cancel(false);
            probe = null;
        }
        LOG.info(() -> "The database answers again, after an outage of " + lasted.toMillis() + " ms");
    }

    @PreDestroy
    synchronized void stop() {
        if (probe != null) {
            probe.cancel(true);
        }
    }

    /** One attempt, outside the pool (whose waits and broken connections say nothing of the database now). */
    private void probe() {
        if (answers()) {
            ended();
        }
    }

    /** Whether the database answers a connection of its own now, within {@value #PROBE_TIMEOUT_SECONDS} s. */
    boolean answers() {
        Config config = ConfigProvider.getConfig(DatabaseOutage.class.getClassLoader());
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(config.getValue("db.url", String.class));
        direct.setUser(config.getOptionalValue("db.user", String.class).orElse(null));
        direct.setPassword(config.getOptionalValue("db.password", String.class).orElse(null));
        direct.setConnectTimeout(PROBE_TIMEOUT_SECONDS);
        direct.setLoginTimeout(PROBE_TIMEOUT_SECONDS);
        direct.setSocketTimeout(PROBE_TIMEOUT_SECONDS);
        direct.setApplicationName("la27eregion-platform-probe");
        try (Connection connection = direct.getConnection()) {
            return connection.isValid(PROBE_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException away) {
            return false;
        }
    }

    /**
     * Whether a failure that is about to be answered 500 is explained by the database being away: it says so itself
     * ({@link #unreachable}), or, whatever its shape (the transaction manager and the pool do not always chain the
     * driver's failure: a commit on a connection the restart closed can end as a bare rollback), the database does
     * not answer a connection of its own now. Asked only of unexpected failures, so the extra connection costs nothing
     * in normal work. When it is explained, the outage is known from now on.
     */
    public boolean explains(Throwable failure) {
        if (noticed(failure)) {
            return true;
        }
        if (known() || !answers()) {
            began();
            return true;
        }
        return false;
    }

    /**
     * Whether a failure comes from the database being away: a connection that could not be made or broke (SQLSTATE
     * class 08), or a server shutting down or starting (57P01 terminating connection due to administrator command,
     * 57P02 crash shutdown, 57P03 the database system is shutting down or starting up), as a restart shows them,
     * or the pool that could not allocate one.
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || AWAY.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause instanceof ResourceAllocationException) {
                // the pool could not give a connection: a broken one failed to start its transaction (the driver's
                // state lost in a message), or none could be made in time
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether answering a request needs the database: not health, metrics, the API description, or the
     * resources (styles, scripts, images) of the page that asks to try again.
     */
    public static boolean needsDatabase(String path) {
        return EXEMPT.stream().noneMatch(path::startsWith);
    }

    /** {@link #explains} for code the container made outside CDI (a static mapper, a filter). */
    public static boolean explainedBy(Throwable failure) {
        return CDI.current().select(DatabaseOutage.class).get().explains(failure);
    }
}
