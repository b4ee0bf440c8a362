package fr.la27eregion.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test database as its superuser ({@code test.db.superuser.url}, set by the test run's database session): to
 * check from outside what a request stored, wrote to the journal or left alone, and to set up what no use case
 * can (a lapse, which only the daily job makes). Never used by the application.
 */
public final class Superuser {

    private Superuser() {
    }

    /** The first column of the first row, as a number (a count, an id); 0 when there is no row. */
    public static long number(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    /** Every row, each as its columns by label, in order. */
    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters);
             ResultSet result = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a change and returns how many rows it touched. */
    public static int update(String sql, Object... parameters) {
        try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as text (null stays null). */
    public static List<String> column(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> row.values().iterator().next())
                .map(value -> value == null ? null : value.toString()).toList();
    }

    /**
     * Announces the changes a test wrote here, outside the use cases, as a use case would: one journal entry appended
     * (the public data's version, the journal's head, moves, so the public pages, files and feeds kept for the
     * former version are made again), then a wait of {@code public.cache.recheck-millis} (1 s), the time within
     * which the application reads again a head another writer moved.
     */
    public static void announceChanges() {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            fr.la27eregion.journal.chain.ChainAppend.append(db, java.time.Clock.systemUTC(),
                    new fr.la27eregion.journal.chain.EntryDraft("test-fixtures", "NETWORK_ADMIN",
                            "test.fixtures-written", null, null, null, null, null, null, null, null));
            db.commit();
            Thread.sleep(1_200);
        } catch (SQLException failed) {
            throw new IllegalStateException("No journal entry for the fixtures", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * A connection as the superuser, to the schema the platform migrated: the shared {@link TestServer} is started
     * first if no test started it yet, since Flyway runs when the platform is deployed, and a test that reads the
     * database before it calls the platform would otherwise find no table (which depended on the classes' order).
     */
    public static Connection connect() throws SQLException {
        String url = System.getProperty("test.db.superuser.url");
        if (url == null) {
            throw new IllegalStateException("No test database: test.db.superuser.url is not set");
        }
        TestServer.base();
        return DriverManager.getConnection(url);
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
