package fr.la27eregion.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The PostgreSQL of {@code ops/run} when no database is configured: started in the foreground, its data kept
 * under the checkout between runs, durable ({@link #DURABLE}), stopped cleanly when the process is told to end (Ctrl-C or SIGTERM).
 *
 * <p>Usage: {@code RunDatabase DATA_DIR PORT READY_FILE}. Once the server accepts connections it writes the
 * JDBC URL to READY_FILE, which is how the script knows it may start the application server, and on a second line
 * the role that owns the database: {@code platform_owner} for a database created since the roles were split (the
 * script then has the migrations run as that owner), {@code platform} for an older one (the application migrates
 * with its own role, as before).
 */
public final class RunDatabase {

    /**
     * The settings that make acknowledged work survive a power cut. The embedded library starts PostgreSQL for tests:
     * {@code -F} (no fsync) and {@code synchronous_commit=off}; these, given after them on the command line, win.
     * The test suite and the benchmarks keep the fast settings.
     */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private RunDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: RunDatabase DATA_DIR PORT READY_FILE");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path ready = Path.of(args[2]);
        LocalDatabase database = LocalDatabase.start(data, port, false, DURABLE);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }, "stop-postgresql"));
        Files.writeString(ready, database.jdbcUrl() + System.lineSeparator()
                + database.owner() + System.lineSeparator());
        System.out.println("PostgreSQL ready on " + database.jdbcUrl() + " (data in " + data + ")");
        stopped.await();
    }
}
