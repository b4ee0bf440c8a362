package fr.la27eregion.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own on the test run's PostgreSQL, empty and owned by the migrations' role, for a test that
 * migrates a schema itself (an older version, then the latest); dropped on {@link #close()}.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String url;

    private ScratchDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** A new empty database named {@code prefix} and a number of this run. */
    public static ScratchDatabase create(String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        execute("CREATE DATABASE " + name + " OWNER " + System.getProperty("test.db.migration.user"));
        String platform = System.getProperty("test.db.url");
        return new ScratchDatabase(name, platform.substring(0, platform.lastIndexOf('/') + 1) + name);
    }

    /** Its JDBC URL (no credentials). */
    public String url() {
        return url;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection superuser = DriverManager.getConnection(System.getProperty("test.db.superuser.url"));
             Statement statement = superuser.createStatement()) {
            statement.execute(sql);
        }
    }
}
