package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.ChainedEntry;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Verification;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the journal's throughput ceiling (DESIGN §3) against PostgreSQL itself, in one run on one embedded
 * PostgreSQL 17, so the ratios compare like with like on whatever machine runs it:
 * <ul>
 *   <li><b>platform</b>: the platform's append algorithm, {@link ChainAppend#append} (lock the head, canonical
 *       form, SHA-256, insert and move the head), one transaction per append;</li>
 *   <li><b>same SQL</b>: PostgreSQL alone running the very same statements with the same head lock, the values
 *       ready-made (no canonical form, no SHA-256): what the platform's Java work costs;</li>
 *   <li><b>no head</b>: the same INSERT into a copy of the table (same indexes and checks), numbered by a counter
 *       in the benchmark, with no shared row to lock: what serializing through one chain costs.</li>
 * </ul>
 * each with 1, 4 and 8 concurrent writers (one connection each), then the verification speed over a journal of
 * a million entries written with the same canonical code (COPY in batches).
 *
 * <p>It measures at the JDBC level, the algorithm the {@code Journal} service runs on its connection; it does not
 * include the application server's own cost per transaction (EJB call, JTA, connection pool). Not a test: numbers
 * depend on the machine and its load.
 *
 * <p>Usage: {@code JournalBenchmark DATA_DIR [SECONDS_PER_RUN [ENTRIES_TO_VERIFY]]} (defaults 5 and 1,000,000).
 */
public final class JournalBenchmark {

    private static final int[] WRITERS = {1, 4, 8};
    private static final int COPY_BATCH = 100_000;

    private final LocalDatabase database;
    private final long millisPerRun;

    private JournalBenchmark(LocalDatabase database, long millisPerRun) {
        this.database = database;
        this.millisPerRun = millisPerRun;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JournalBenchmark DATA_DIR [SECONDS_PER_RUN [ENTRIES_TO_VERIFY]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        try (LocalDatabase database = LocalDatabase.start(Path.of(args[0]).toAbsolutePath(), 0, true)) {
            JournalBenchmark benchmark = new JournalBenchmark(database, seconds * 1000);
            benchmark.createSchema();
            benchmark.appends();
            benchmark.verification(entries);
        }
    }

    private enum Mode { PLATFORM, SAME_SQL, NO_HEAD }

    private void appends() throws Exception {
        System.out.printf("%nAppends per second (%d s per run, one transaction per append, PostgreSQL %s)%n",
                millisPerRun / 1000, serverVersion());
        System.out.printf("%-8s %12s %12s %12s %18s %18s%n", "writers", "platform", "same SQL", "no head",
                "platform/same SQL", "platform/no head");
        for (int writers : WRITERS) {
            double platform = run(Mode.PLATFORM, writers);
            double sameSql = run(Mode.SAME_SQL, writers);
            double noHead = run(Mode.NO_HEAD, writers);
            System.out.printf(Locale.ROOT, "%-8d %12.0f %12.0f %12.0f %18.2f %18.2f%n", writers, platform, sameSql,
                    noHead, platform / sameSql, platform / noHead);
        }
    }

    /** Appends for the run's duration with {@code writers} connections; returns appends per second. */
    private double run(Mode mode, int writers) throws Exception {
        reset();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong unchained = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try (Connection connection = application()) {
                    connection.setAutoCommit(false);
                    ready.countDown();
                    start.await();
                    long n = 0;
                    while (!stop.get()) {
                        append(mode, connection, draft(writer, n++), unchained);
                        connection.commit();
                        done.incrementAndGet();
                    }
                } catch (Throwable failed) {
                    synchronized (failures) {
                        failures.add(failed);
                    }
                }
            }, "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long started = System.nanoTime();
        start.countDown();
        Thread.sleep(millisPerRun);
        stop.set(true);
        long count = done.get();
        double elapsed = (System.nanoTime() - started) / 1e9;
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(mode + " with " + writers + " writers failed", failures.get(0));
        }
        if (mode == Mode.PLATFORM) {
            try (Connection connection = application()) {
                Verification verification = ChainVerification.verify(connection);
                if (!verification.intact()) {
                    throw new IllegalStateException(mode + " left a broken chain: " + verification.summary());
                }
            }
        }
        return count / elapsed;
    }

    private static void append(Mode mode, Connection connection, EntryDraft draft, AtomicLong unchained)
            throws SQLException {
        switch (mode) {
            case PLATFORM -> ChainAppend.append(connection, Clock.systemUTC(), draft);
            case SAME_SQL -> {
                long seq;
                String prev;
                try (PreparedStatement lock = connection.prepareStatement(ChainAppend.LOCK_HEAD);
                     ResultSet head = lock.executeQuery()) {
                    head.next();
                    seq = head.getLong(1) + 1;
                    prev = head.getString(2);
                }
                insert(connection, ChainAppend.INSERT_AND_MOVE_HEAD, seq, prev);
            }
            case NO_HEAD -> insert(connection, ChainAppend.INSERT_AND_MOVE_HEAD
                    .replaceFirst("^WITH entry AS \\(INSERT INTO journal_entry", "INSERT INTO bench_unchained")
                    .replaceFirst(" RETURNING seq, hash\\).*$", ""), unchained.incrementAndGet(),
                    CanonicalEntry.GENESIS);
        }
    }

    /** The statement with ready-made values: a fixed entry, and a hash that is merely unique. */
    private static void insert(Connection connection, String sql, long seq, String prev) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChainedEntry entry = new ChainedEntry(draft(0, seq).numbered(seq, now), prev, String.format("%064x", seq));
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            ChainAppend.bind(insert, entry);
            insert.executeUpdate();
        }
    }

    /** A typical entry: a label application submitted by a member coordinator. */
    private static EntryDraft draft(int writer, long n) {
        return new EntryDraft("coordinator" + writer + "@region-bretagne.fr", "MEMBER_COORDINATOR",
                "label.application.submit", "LabelApplication", Long.toString(n % 50_000), "DRAFT", "SUBMITTED",
                null, "{\"campaign\":\"2026\",\"programme\":\"L27-INNOVATION\"}", Long.toHexString(n * 31 + writer));
    }

    private void verification(int entries) throws Exception {
        reset();
        long started = System.nanoTime();
        String head = generate(entries);
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            sql.execute("UPDATE journal_head SET seq = " + entries + ", hash = '" + head + "'");
            sql.execute("VACUUM ANALYZE journal_entry");
        }
        System.out.printf(Locale.ROOT, "%nVerification: %,d entries generated with the canonical code and loaded "
                + "(COPY) in %.1f s%n", entries, (System.nanoTime() - started) / 1e9);
        for (int round = 1; round <= 2; round++) {
            try (Connection connection = application()) {
                Verification verification = ChainVerification.verify(connection);
                System.out.printf(Locale.ROOT, "  run %d: %,d entries in %.2f s = %,d entries/s, %s%n", round,
                        verification.entriesChecked(), verification.duration().toMillis() / 1000.0,
                        verification.entriesPerSecond(), verification.intact() ? "intact"
                                : "BROKEN at " + verification.firstBrokenSeq() + ": " + verification.problem());
            }
        }
    }

    /** Writes a valid chain of {@code entries} entries with COPY; returns the last hash. */
    private String generate(int entries) throws Exception {
        String prev = CanonicalEntry.GENESIS;
        Instant time = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection connection = application()) {
            PGConnection copy = connection.unwrap(PGConnection.class);
            for (int from = 1; from <= entries; from += COPY_BATCH) {
                StringBuilder rows = new StringBuilder(COPY_BATCH * 300);
                for (int seq = from; seq < from + COPY_BATCH && seq <= entries; seq++) {
                    CanonicalEntry content = draft(seq % 8, seq).numbered(seq, time.plusMillis(seq * 7L));
                    String hash = content.hash(prev);
                    row(rows, content, prev, hash);
                    prev = hash;
                }
                copy.getCopyAPI().copyIn("COPY journal_entry (seq, recorded_at, actor, actor_roles, action, "
                        + "entity_type, entity_id, state_before, state_after, reason, details, request_id, prev_hash, "
                        + "hash) FROM STDIN", new StringReader(rows.toString()));
            }
        }
        return prev;
    }

    /**
     * One line of COPY's text format for {@code journal_entry}'s hashed columns; the values must hold no tab, newline
     * or backslash (the benchmarks' and tests' generated entries).
     */
    public static void row(StringBuilder rows, CanonicalEntry e, String prev, String hash) {
        rows.append(e.seq()).append('\t').append(CanonicalEntry.timestamp(e.recordedAt()));
        for (String value : new String[]{e.actor(), e.actorRoles(), e.action(), e.entityType(), e.entityId(),
                e.stateBefore(), e.stateAfter(), e.reason(), e.details(), e.requestId(), prev, hash}) {
            rows.append('\t').append(value == null ? "\\N" : value);
        }
        rows.append('\n');
    }

    /** Empties the journal and its copy and puts the head back at 0, as the superuser with triggers off. */
    private void reset() throws SQLException {
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement sql = superuser.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            sql.execute("TRUNCATE journal_entry, bench_unchained");
            sql.execute("UPDATE journal_head SET seq = 0, hash = repeat('0', 64)");
        }
    }

    private void createSchema() throws SQLException, IOException {
        try (InputStream script = JournalBenchmark.class.getResourceAsStream("/db/migration/V3__journal.sql");
             Connection connection = owner(); Statement sql = connection.createStatement()) {
            if (script == null) {
                throw new IllegalStateException("db/migration/V3__journal.sql is not on the class path");
            }
            sql.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            sql.execute("CREATE TABLE bench_unchained (LIKE journal_entry INCLUDING ALL)");
            // the application's rights on the journal, as V5__application_role.sql grants them
            sql.execute("GRANT SELECT, INSERT ON journal_entry, bench_unchained TO " + LocalDatabase.USER);
            sql.execute("GRANT SELECT, UPDATE ON journal_head TO " + LocalDatabase.USER);
        }
    }

    private String serverVersion() throws SQLException {
        try (Connection connection = application()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    /** As the role that owns the database and runs the migrations. */
    private Connection owner() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.OWNER, LocalDatabase.OWNER_PASSWORD);
    }

    private Connection application() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER, LocalDatabase.PASSWORD);
    }
}
