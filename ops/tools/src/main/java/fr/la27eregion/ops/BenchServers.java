package fr.la27eregion.ops;

import fr.la27eregion.identity.entity.TokenSecret;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A benchmark's own PostgreSQL and Payara Micro, on loopback: started fresh, stopped by {@link #close}, which
 * the shutdown hook also calls on Ctrl-C (it is idempotent). Every benchmark of ops/bench starts them here, the
 * workflow ones with {@link #start}, the read ones with {@link #startForReads}.
 */
final class BenchServers implements AutoCloseable {
    LocalDatabase database;
    private Process micro;
    private Path log;
    Path statementLog;
    Cpu cpu;
    Statements statements;
    URI base;
    private String payaraVersion = "Payara Micro";
    private String postgresVersion = "PostgreSQL";
    private String machine = "";
    private long started;

    /**
     * The workflow benchmarks' servers: PostgreSQL with {@code pg_stat_statements} (statements per run) and the CSV
     * statement log (on until one transition request is captured after the warm-up, it gives PostgreSQL alone what
     * to replay); Payara Micro hashing passwords with {@code iterations}.
     */
    void start(Path checkout, Path work, int iterations) throws Exception {
        Path war = archives(checkout);
        Path logs = work.resolve("postgres-log");
        delete(logs);
        Files.createDirectories(logs);
        statementLog = logs.resolve("statements.csv");
        startDatabase(work, Map.of(
                "shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.track", "all",
                "logging_collector", "on",
                "log_destination", "csvlog",
                "log_directory", logs.toString(),
                "log_filename", "statements",
                "log_rotation_size", "0",
                "log_statement", "all"));
        try (Connection superuser = database.superuser("postgres");
             Statement statement = superuser.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        }
        statements = new Statements(database);
        startMicro(checkout, work, war, List.of("-Didentity.password.iterations=" + iterations));
    }

    /**
     * The read benchmarks' servers (the project search, the jury's ranking): PostgreSQL holding the catalogue's
     * tables and indexes in memory (about 400 MB for 100,000 projects), no statement log; Payara Micro as ops/run.
     */
    void startForReads(Path checkout, Path work) throws Exception {
        Path war = archives(checkout);
        startDatabase(work, Map.of("shared_buffers", "512MB", "effective_cache_size", "1GB", "work_mem", "16MB"));
        postgresVersion += " (shared_buffers 512MB)";
        startMicro(checkout, work, war, List.of());
        machine = ", " + Runtime.getRuntime().availableProcessors() + " processors";
    }

    /** The micro WAR measured (another build's, e.g. before and after a change, with {@code bench.war}). */
    private static Path archives(Path checkout) {
        Path war = Path.of(System.getProperty("bench.war",
                checkout.resolve("web/target/platform-web-micro.war").toString())).toAbsolutePath();
        Path runtime = checkout.resolve("web/target/payara-micro.jar");
        for (Path needed : List.of(war, runtime)) {
            if (!Files.isRegularFile(needed)) {
                throw new IllegalStateException(needed + " is missing: build first (the ops/bench scripts do)");
            }
        }
        return war;
    }

    private void startDatabase(Path work, Map<String, String> settings) throws Exception {
        started = System.nanoTime();
        delete(work.resolve("payara-micro"));
        Files.createDirectories(work);
        synchronized (this) {
            // bench.keep-database: start on the database a previous run left (the journal benchmarks then skip
            // generating the entries it has already), to measure again without generating ten million entries
            database = LocalDatabase.start(work.resolve("postgres/data"), 0,
                    !Boolean.getBoolean("bench.keep-database"), settings);
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                LocalDatabase.PASSWORD)) {
            postgresVersion = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private void startMicro(Path checkout, Path work, Path war, List<String> properties) throws Exception {
        Path runtime = checkout.resolve("web/target/payara-micro.jar");
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port + "/");
        log = work.resolve("payara-micro.log");
        // as ops/run starts it: loopback only (preboot file + hazelcast.socket.bind.any=false), no cluster, no
        // phone-home, demo data (the secretariat account); the database as system properties (DB_URL...)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g"));
        // more options for Payara Micro's JVM, e.g. a flight recording (-XX:StartFlightRecording=...)
        String options = System.getProperty("bench.micro.options", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        // the benchmark's own loopback is exempt from the limits per client address, as the tests' is: it applies
        // for its generated records from one address, which the limits per hour would refuse
        command.addAll(List.of("-Dplatform.demo-data=true", "-Dhazelcast.socket.bind.any=false",
                "-Dlimits.exempt-addresses=127.0.0.1"));
        command.addAll(properties);
        command.addAll(List.of("-Ddb.url=" + database.jdbcUrl(), "-Ddb.user=" + LocalDatabase.USER,
                "-Ddb.password=" + LocalDatabase.PASSWORD, "-Ddb.migration.user=" + LocalDatabase.OWNER,
                "-Ddb.migration.password=" + LocalDatabase.OWNER_PASSWORD,
                "-jar", runtime.toString(), "--deploy", war.toString(), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                "--rootdir", work.resolve("payara-micro").toString(),
                "--prebootcommandfile", checkout.resolve("ops/payara/micro-preboot.asadmin").toString()));
        synchronized (this) {
            micro = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        System.out.printf("Payara Micro starting (pid %d, log %s, %s)...%n", micro.pid(), checkout.relativize(log),
                war);
        long postmaster = Long.parseLong(Files.readAllLines(work.resolve("postgres/data/postmaster.pid")).get(0)
                .trim());
        cpu = new Cpu(micro.pid(), postmaster);
        awaitReady(Duration.ofMinutes(15)); // a loaded machine starts it slowly
        requireLoopback(port);
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            lines.map(Pattern.compile("(Payara Micro \\S+) \\(build")::matcher).filter(Matcher::find).findFirst()
                    .ifPresent(found -> payaraVersion = found.group(1));
        }
        System.out.printf(Locale.ROOT, "%s and %s ready on 127.0.0.1 in %.0f s%n", postgresVersion, payaraVersion,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * One personal access token per client, of this account, read and write, for a day. The platform
     * creates tokens only through its pages (no API), so they are written as the migration's table expects: the
     * SHA-256 of a secret of the platform's own format ({@link TokenSecret}); null when the build measured has no tokens (no table), never the secret itself.
     */
    String[] tokens(String account, int count) throws SQLException {
        String[] bearers = new String[count];
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                LocalDatabase.PASSWORD);
             ResultSet table = connection.createStatement().executeQuery("SELECT to_regclass('access_token')")) {
            // a build from before the tokens (BENCH_WAR of an older commit) has no table: measure it without them
            if (!table.next() || table.getString(1) == null) {
                return null;
            }
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                LocalDatabase.PASSWORD);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO access_token (account_id, name, "
                     + "scope, token_hash, prefix, created_at, expires_at) SELECT id, ?, 'READ_WRITE', ?, ?, now(), "
                     + "now() + interval '1 day' FROM account WHERE username = ?")) {
            for (int c = 0; c < count; c++) {
                TokenSecret secret = TokenSecret.generate();
                insert.setString(1, "Banc d'essai, client " + (c + 1));
                insert.setString(2, secret.hash());
                insert.setString(3, secret.prefix());
                insert.setString(4, account);
                if (insert.executeUpdate() != 1) {
                    throw new IllegalStateException("No account " + account + " for the benchmark's tokens");
                }
                bearers[c] = "Bearer " + secret.value();
            }
        }
        return bearers;
    }

    String describe() {
        return payaraVersion + " with the micro WAR, " + postgresVersion + ", on 127.0.0.1" + machine;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = BenchHttp.newClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!micro.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped during start; see " + log);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base.resolve("health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Payara Micro not ready after " + timeout + "; see " + log);
    }

    /** Refuses to go on if Payara Micro listens beyond loopback (as the tests check it never does). */
    private void requireLoopback(int port) throws IOException {
        List<ListeningSockets.Bound> bound = ListeningSockets.of(micro.pid());
        List<ListeningSockets.Bound> outside = bound.stream()
                .filter(socket -> !socket.address().isLoopbackAddress()).toList();
        if (!outside.isEmpty()) {
            throw new IllegalStateException("Payara Micro listens beyond loopback: " + outside);
        }
        if (!bound.isEmpty() && bound.stream().noneMatch(socket -> socket.port() == port)) {
            throw new IllegalStateException("Payara Micro does not listen on its port " + port + ": " + bound);
        }
    }

    @Override
    public synchronized void close() {
        if (micro != null || database != null) {
            System.err.println("Stopping Payara Micro and PostgreSQL...");
        }
        if (micro != null) {
            micro.destroy();
            try {
                if (!micro.waitFor(60, TimeUnit.SECONDS)) {
                    micro.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException interrupted) {
                micro.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            micro = null;
        }
        if (database != null) {
            try {
                database.close();
            } catch (IOException | RuntimeException failed) {
                System.err.println("PostgreSQL did not stop cleanly: " + failed.getMessage());
            }
            database = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // What each process spent (/proc) and what PostgreSQL ran (pg_stat_statements)

    /** CPU time of Payara Micro, of PostgreSQL (the postmaster, its live children and those it reaped), and ours. */
    static final class Cpu {
        /** Linux's USER_HZ is 100 on every usual kernel ({@code getconf CLK_TCK}). */
        static final int MILLIS_PER_TICK = 10;
        private final long payara;
        private final long postmaster;
        private final long client = ProcessHandle.current().pid();

        Cpu(long payara, long postmaster) {
            this.payara = payara;
            this.postmaster = postmaster;
        }

        record Sample(long payara, long postgres, long client) {
            Spent since(Sample before) {
                return new Spent(payara - before.payara, postgres - before.postgres, client - before.client);
            }
        }

        record Spent(long payara, long postgres, long client) {
            String perOperation(long operations) {
                double per = MILLIS_PER_TICK / (double) Math.max(1, operations);
                return String.format(Locale.ROOT, "%6.2f %5.2f %5.2f %5.2f", payara * per, postgres * per,
                        client * per, (payara + postgres + client) * per);
            }
        }

        /**
         * CPU time of Payara Micro's JIT compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}, as
         * {@code /proc/PID/task/TID/stat} names them): a server still compiling its path spends on it what a server
         * in service does not, so the warm-up goes on until it no longer does ({@link BenchLoad#warmUp}).
         */
        long compilerTicks() {
            long ticks = 0;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(payara), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                            ticks += ticksOf(stat, false);
                        }
                    } catch (IOException | RuntimeException ended) {
                        // a thread that ended between the listing and the read
                    }
                }
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
            return ticks;
        }

        Sample sample() {
            long postgres = ticks(postmaster, true);
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList())
                    .orElse(List.of())) {
                postgres += ticks(child.pid(), false);
            }
            return new Sample(ticks(payara, false), postgres, ticks(client, false));
        }

        /** utime + stime (and cutime + cstime: the children waited for), from {@code /proc/PID/stat}. */
        static long ticks(long pid, boolean reaped) {
            try {
                return ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), reaped);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        /** utime + stime (and cutime + cstime when {@code reaped}) of a process's or thread's {@code stat} line. */
        private static long ticksOf(String stat, boolean reaped) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state, field 3 of proc(5): utime is field 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        }
    }

    /** The application role's statements in the platform's database, from {@code pg_stat_statements}. */
    static final class Statements {
        private final LocalDatabase database;

        Statements(LocalDatabase database) {
            this.database = database;
        }

        record Counted(long total, List<String> rows) {
            String breakdown(long operations) {
                StringBuilder text = new StringBuilder();
                rows.forEach(row -> {
                    String[] parts = row.split("\t", 2);
                    text.append(String.format(Locale.ROOT, "  %5.2f  %s%n",
                            Long.parseLong(parts[0]) / (double) operations, StatementReplay.abbreviated(parts[1])));
                });
                return text.append(String.format(Locale.ROOT, "  %5.2f  in all%n", total / (double) operations))
                        .toString();
            }
        }

        void reset() throws SQLException {
            try (Connection connection = database.superuser("postgres"); Statement statement =
                    connection.createStatement()) {
                statement.execute("SELECT pg_stat_statements_reset()");
            }
        }

        Counted count() throws SQLException {
            try (Connection connection = database.superuser("postgres"); Statement statement =
                    connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT s.calls, s.query "
                    + "FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid JOIN pg_database d "
                    + "ON d.oid = s.dbid WHERE r.rolname = '" + LocalDatabase.USER + "' AND d.datname = '"
                    + LocalDatabase.DATABASE + "' ORDER BY s.calls DESC, s.query")) {
                long total = 0;
                List<String> list = new ArrayList<>();
                while (rows.next()) {
                    total += rows.getLong(1);
                    list.add(rows.getLong(1) + "\t" + rows.getString(2));
                }
                return new Counted(total, list);
            }
        }
    }
}
