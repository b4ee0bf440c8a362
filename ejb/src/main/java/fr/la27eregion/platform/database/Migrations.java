package fr.la27eregion.platform.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date when the application starts, before any use case runs.
 *
 * <p>The data source is defined here, by the application, with its settings read from MicroProfile Config
 * ({@code db.url}, {@code db.user}, {@code db.password}; in production the environment variables
 * {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}), so the same archive runs on Payara Micro, on
 * Payara Server, or anywhere else without server-side configuration.
 *
 * <p>The migrations run as the owner of the schema. When the settings {@code db.migration.user} and
 * {@code db.migration.password} ({@code DB_MIGRATION_USER}, {@code DB_MIGRATION_PASSWORD}) are given, Flyway
 * connects as that role, to the same {@code db.url}, and {@code V5__application_role.sql} grants the application
 * role ({@code db.user}) only what it needs: on the journal, SELECT and INSERT, so the application can neither
 * change an entry nor disable the journal's triggers. Without them (the default, as before), the application's
 * own data source migrates, the application role owns the schema, and the journal rests on its triggers alone.
 *
 * <p>A database that cannot be reached does not fail the deployment: the reason is logged once, in one line
 * that names the settings to check, readiness stays DOWN, and the migration is tried again every
 * {@value #RETRY_SECONDS} seconds until it succeeds. A migration that fails for any other reason (a broken
 * script) is a defect of the release: it is logged and readiness stays DOWN as well.
 */
@DataSourceDefinition(
        name = Migrations.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        initialPoolSize = 0,
        minPoolSize = 0,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                // validated at most once a minute, not on every checkout (a 'SELECT 1' round trip each time,
                // nine per membership transition); a connection broken meanwhile fails its use case once, and
                // fail-all-connections then replaces the whole pool
                "fish.payara.validate-atmost-once-period-in-seconds=60",
                "fish.payara.fail-all-connections=true",
                "loginTimeout=5",
                "connectTimeout=5",
                "ApplicationName=la27eregion-platform"
        })
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    public static final String DATA_SOURCE = "java:app/jdbc/platform";
    static final int RETRY_SECONDS = 10;

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    @Inject
    private Event<SchemaMigrated> migrated;

    private volatile boolean applied;
    private volatile boolean unreachableReported;

    @PostConstruct
    void migrateAtStart() {
        migrate();
    }

    @Timeout
    void retry() {
        migrate();
    }

    /** Whether the schema is known to be up to date; readiness depends on it. */
    public boolean applied() {
        return applied;
    }

    private void migrate() {
        if (applied) {
            return;
        }
        try {
            checkReachable();
        } catch (SQLException unreachable) {
            if (!unreachableReported) {
                LOG.severe(() -> "The database cannot be reached (" + unreachable.getMessage()
                        + "). Check the settings DB_URL, DB_USER and DB_PASSWORD (MicroProfile Config: db.url, "
                        + "db.user, db.password). The platform stays not ready and tries again every "
                        + RETRY_SECONDS + " s.");
                unreachableReported = true;
            }
            scheduleRetry();
            return;
        }
        try {
            MigrateResult result = withOwner(Flyway.configure(Migrations.class.getClassLoader()))
                    .locations("classpath:db/migration")
                    .javaMigrations(new ReferenceDataMigration())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            applied = true;
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info(() -> "Database schema at version " + version + " ("
                    + result.migrationsExecuted + " migration(s) applied now).");
            migrated.fire(new SchemaMigrated(version));
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "The database migration failed; the platform stays not ready. "
                    + "If DB_MIGRATION_USER is set, check it and DB_MIGRATION_PASSWORD (db.migration.user, "
                    + "db.migration.password: the role that owns the database); otherwise this is a defect of "
                    + "the release, not of the installation.", failed);
        }
    }

    /**
     * The connection the migrations run on: the owner's when {@code db.migration.user} is set, else the
     * application's data source; and the application role, for the grants of {@code V5__application_role.sql}.
     */
    private FluentConfiguration withOwner(FluentConfiguration flyway) {
        Config config = ConfigProvider.getConfig(Migrations.class.getClassLoader());
        String applicationRole = config.getOptionalValue("db.user", String.class).orElse("");
        Optional<String> owner = config.getOptionalValue("db.migration.user", String.class)
                .map(String::strip).filter(user -> !user.isEmpty());
        if (owner.isPresent()) {
            String url = config.getValue("db.url", String.class);
            String password = config.getOptionalValue("db.migration.password", String.class).orElse("");
            flyway.dataSource(url, owner.get(), password);
        } else {
            flyway.dataSource(dataSource);
        }
        // the role name goes into a SQL string literal
        return flyway.placeholders(Map.of("application_role", applicationRole.replace("'", "''")));
    }

    private void checkReachable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        }
    }

    private void scheduleRetry() {
        timers.createSingleActionTimer(RETRY_SECONDS * 1000L, new TimerConfig("database-migration-retry", false));
    }
}
