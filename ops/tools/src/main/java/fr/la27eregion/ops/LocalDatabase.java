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
 * <p>It creates, once, the database and the login role the application uses, so the application always
 * connects the way it does in production: as an ordinary role with a password, never as the superuser.
 */
public final class LocalDatabase implements AutoCloseable {

    public static final String DATABASE = "platform";
    public static final String USER = "platform";
    public static final String PASSWORD = "platform";

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
        if (port > 0) {
            builder.setPort(port);
        }
        LocalDatabase database = new LocalDatabase(builder.start());
        database.createApplicationRole();
        return database;
    }

    private void createApplicationRole() throws SQLException {
        try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER
                        + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
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
