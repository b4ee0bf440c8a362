package fr.la27eregion.ops;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server run from the binaries published on Maven Central (no root, no system package),
 * for the developer's {@code ops/run} and for the test suite.
 *
 * <p>It creates, once, the database and two login roles, as in production: {@value #OWNER}, which owns the
 * database and runs the migrations ({@code DB_MIGRATION_USER}), and {@value #USER}, the application's plain role
 * ({@code DB_USER}), to which the migrations grant only what the application needs. Neither is the superuser.
 * A data directory created before the owner role existed keeps its database owned by {@value #USER}:
 * {@link #owner()} tells which, so {@code ops/run} migrates as before there.
 */
public final class LocalDatabase implements AutoCloseable {

    public static final String DATABASE = "platform";
    public static final String USER = "platform";
    public static final String PASSWORD = "platform";
    /** The role that owns the database and runs the migrations. */
    public static final String OWNER = "platform_owner";
    public static final String OWNER_PASSWORD = "platform_owner";

    private final EmbeddedPostgres postgres;

    private LocalDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on 127.0.0.1.
     *
     * @param dataDirectory where the cluster lives; kept between starts unless {@code fresh}
     * @param port the port, or 0 for any free port
     * @param fresh whether to wipe the data directory first (tests) or keep it (ops/run)
     */
    public static LocalDatabase start(Path dataDirectory, int port, boolean fresh) throws IOException, SQLException {
        return start(dataDirectory, port, fresh, java.util.Map.of());
    }

    /**
     * Starts PostgreSQL on 127.0.0.1 with more server settings ({@code postgresql.conf} names), for a tool that
     * observes the server (the workflow benchmark's statement log and {@code pg_stat_statements}).
     */
    public static LocalDatabase start(Path dataDirectory, int port, boolean fresh, java.util.Map<String, String> settings)
            throws IOException, SQLException {
        Files.createDirectories(dataDirectory.getParent());
        Path work = dataDirectory.resolveSibling("pg-binaries");
        Files.createDirectories(work);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(fresh)
                .setOverrideWorkingDirectory(work.toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(java.time.Duration.ofSeconds(60));
        settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        LocalDatabase database = new LocalDatabase(builder.start());
        database.createRolesAndDatabase();
        return database;
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", OWNER)) {
                statement.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            }
            // an existing database keeps its owner: one made before the owner role stays the application's
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER
                        + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    /**
     * The role that owns the database: {@value #OWNER}, or {@value #USER} for a data directory created before
     * the roles were split (the application then migrates with its own role, as it did).
     */
    public String owner() throws SQLException {
        try (Connection connection = superuser("postgres");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** Whether the migrations should run as {@value #OWNER}: the database is owned by it. */
    public boolean ownedByOwnerRole() throws SQLException {
        return OWNER.equals(owner());
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * {@code VACUUM ANALYZE} of the platform's database after a bulk load, as a database some hours later would be:
     * statistics and the visibility map up to date. As the superuser: the application's role owns no table, and
     * PostgreSQL skips the tables a role may not maintain with a mere warning.
     */
    public void analyze() throws SQLException {
        try (Connection connection = superuser(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /** A superuser connection, for tools and tests that must act outside the application's rights. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(superuserJdbcUrl(database));
    }

    /**
     * The JDBC URL of a superuser connection to {@code database} (the cluster trusts local connections): for
     * tests that must do what the application may not, such as altering a journal entry behind its back.
     */
    public String superuserJdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?user=postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
