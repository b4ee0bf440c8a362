package fr.la27eregion.ops;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.nio.file.Path;

/**
 * Gives a test run one real, empty PostgreSQL: started when the JUnit session opens, before Arquillian starts any
 * application server, and stopped when it closes. The application servers the tests start read its address from
 * the system properties {@code test.db.url}, {@code test.db.user} and {@code test.db.password} (see the
 * {@code arquillian.xml} of each module), and the migrations run as the database's owner, given by
 * {@code test.db.migration.user} and {@code test.db.migration.password}. {@code test.db.superuser.url} is for tests that must act as the
 * database's superuser (the journal's tampering test), never for the application.
 *
 * <p>It acts only in test runs that ask for a database by setting {@code test.db.dir} (the integration tests'
 * Failsafe configuration), so unit tests never pay for it; when {@code test.db.url} is already set (a database
 * given from outside), nothing is started either.
 * Registered through {@code META-INF/services} in the test resources of the modules that need it.
 */
public final class TestDatabaseSession implements LauncherSessionListener {

    private LocalDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("test.db.dir");
        if (dir == null || System.getProperty("test.db.url") != null) {
            return;
        }
        // PostgreSQL's own start-up chatter is not test output; its warnings and errors still show
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        // one cluster per test JVM, so two runs side by side never share a data directory
        Path data = Path.of(dir)
                .resolveSibling("data-" + ProcessHandle.current().pid()).toAbsolutePath();
        try {
            database = LocalDatabase.start(data, 0, true);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the test PostgreSQL in " + data, e);
        }
        System.setProperty("test.db.url", database.jdbcUrl());
        System.setProperty("test.db.port", Integer.toString(database.port()));
        System.setProperty("test.db.user", LocalDatabase.USER);
        System.setProperty("test.db.password", LocalDatabase.PASSWORD);
        System.setProperty("test.db.migration.user", LocalDatabase.OWNER);
        System.setProperty("test.db.migration.password", LocalDatabase.OWNER_PASSWORD);
        System.setProperty("test.db.superuser.url", database.superuserJdbcUrl(LocalDatabase.DATABASE));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("The test PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
