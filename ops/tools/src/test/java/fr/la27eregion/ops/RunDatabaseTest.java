package fr.la27eregion.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database of {@code ops/run} keeps acknowledged work across a power cut (fsync, synchronous commit, full
 * pages), although the embedded library starts PostgreSQL with the test settings; the test suite's keeps those.
 */
class RunDatabaseTest {

    @Test
    void theDatabaseOfOpsRunIsDurableAndTheTestsOneIsFast(@TempDir Path directory) throws Exception {
        try (LocalDatabase run = LocalDatabase.start(directory.resolve("run"), 0, true, RunDatabase.DURABLE)) {
            assertThat(settings(run)).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                    .containsEntry("full_page_writes", "on");
        }
        try (LocalDatabase tests = LocalDatabase.start(directory.resolve("tests"), 0, true)) {
            assertThat(settings(tests)).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off");
        }
    }

    private static Map<String, String> settings(LocalDatabase database) throws Exception {
        try (Connection connection = database.superuser("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings "
                     + "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            Map<String, String> settings = new java.util.HashMap<>();
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
            return settings;
        }
    }
}
