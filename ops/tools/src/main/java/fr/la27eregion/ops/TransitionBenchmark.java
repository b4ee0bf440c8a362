package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.membership.entity.Siret;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.InputStream;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures the membership workflow's throughput through the deployed platform (DESIGN §3: the journal is the
 * workflow's throughput ceiling, "measure it"), against two baselines measured in the same run on the same
 * servers, so the ratios compare like with like on whatever machine runs it:
 * <ul>
 *   <li><b>transitions</b>: {@code RENEW} (ACTIVE → ACTIVE) through {@code POST /api/v1/memberships/{id}/transitions}
 *       as the secretariat: each is a whole use case (HTTP Basic, authorization, version check, update,
 *       notification and outbox mail, journal append last, commit), the next version read from the answer;</li>
 *   <li><b>reads</b>: {@code GET /api/v1/memberships/{id}} by the same clients: the same HTTP, security, EJB and JPA
 *       stack without the transition's transaction;</li>
 *   <li><b>PostgreSQL alone</b>: the statements one RENEW request sends to PostgreSQL, in the same transactions,
 *       replayed over JDBC with no application server: the logged statements themselves, the journal's entry
 *       numbered and hashed after the head it locked as {@link ChainAppend} does, so the chain stays intact.</li>
 * </ul>
 * each with 1, 4 and 8 concurrent clients, every client on memberships of its own (no version conflicts), one
 * HTTP/1.1 keep-alive connection (or one JDBC connection) each. Then the journal is verified through the API.
 *
 * <p>It starts its own servers and stops them, also on failure or Ctrl-C: an embedded PostgreSQL 17 with the two
 * roles of {@link LocalDatabase} and Payara Micro with the micro WAR, both on 127.0.0.1 and free ports, demo data
 * on (so the {@code secretariat} account exists). The demo accounts are hashed with the PBKDF2 iteration count
 * given (default 1,024, the least Payara's Jakarta Security accepts): at the production count every request with HTTP
 * Basic spends one full verification, which would hide the workflow entirely; the run prints what that count costs.
 *
 * <p>Not a test: numbers depend on the machine and its load; the benchmark's own clients share its CPUs.
 *
 * <p>Usage: {@code TransitionBenchmark CHECKOUT [SECONDS_PER_RUN [MEMBERSHIPS [PBKDF2_ITERATIONS]]]} (defaults 10,
 * 64 and 1,024).
 */
public final class TransitionBenchmark {

    private static final int[] CLIENTS = {1, 4, 8};
    private static final String ACCOUNT = "secretariat";
    /** The demo accounts' password (public, demo only: {@code DemoData}). */
    private static final String PASSWORD = "Demo-27eRegion-2026";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final URI api;
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((ACCOUNT + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final LocalDatabase database;
    private final long millisPerRun;
    /** The benchmark's memberships, ACTIVE, and the version each client last saw of them. */
    private long[] memberships;
    private int[] versions;

    private TransitionBenchmark(URI base, LocalDatabase database, long millisPerRun) {
        this.api = base.resolve("api/v1/");
        this.database = database;
        this.millisPerRun = millisPerRun;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TransitionBenchmark CHECKOUT "
                    + "[SECONDS_PER_RUN [MEMBERSHIPS [PBKDF2_ITERATIONS]]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        if (count < CLIENTS[CLIENTS.length - 1]) {
            throw new IllegalArgumentException("At least " + CLIENTS[CLIENTS.length - 1] + " memberships: one "
                    + "per client at least");
        }
        Path work = checkout.resolve("ops/tools/target/bench-transitions");
        try (Servers servers = new Servers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.start(checkout, work, iterations);
            TransitionBenchmark benchmark = new TransitionBenchmark(servers.base, servers.database, seconds * 1000);
            benchmark.prepare(count);
            benchmark.transitions(servers, iterations);
            benchmark.verifyJournal();
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            passwordCost(iterations);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Preparation: N memberships ACTIVE, through the API, as a person and the secretariat would

    private void prepare(int count) throws Exception {
        long started = System.nanoTime();
        memberships = new long[count];
        versions = new int[count];
        HttpClient http = newClient();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS[CLIENTS.length - 1]);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    prepare(http, index);
                    return null;
                }));
            }
            for (Future<?> one : done) {
                one.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "%d memberships applied for and taken to ACTIVE through the API in %.1f s%n",
                count, (System.nanoTime() - started) / 1e9);
    }

    /** Applies (anonymous, as anyone may), then reviews, approves and activates as the secretariat. */
    private void prepare(HttpClient http, int index) throws IOException, InterruptedException {
        String siret = Siret.withKey(String.format(Locale.ROOT, "99%011d", index)).value();
        String application = "{\"name\":\"Banc d'essai n° " + (index + 1) + "\",\"kind\":\"ASSOCIATE\",\"siret\":\""
                + siret + "\",\"contacts\":[{\"fullName\":\"Camille Essai " + (index + 1) + "\",\"email\":\"essai"
                + (index + 1) + "@example.fr\",\"networkRole\":\"COORDINATOR\"}]}";
        HttpResponse<String> applied = expect(201, http, post("organisations", application, false));
        String location = applied.headers().firstValue("Location").orElseThrow();
        memberships[index] = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        versions[index] = version(applied);
        for (String action : List.of("REVIEW", "APPROVE", "ACTIVATE")) {
            versions[index] = version(expect(200, http, transition(index, action)));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Measurement

    /**
     * One personal access token per client, of the secretariat's account, read and write, for a day. The platform
     * creates tokens only through its pages (no API), so they are written as the migration's table expects: the
     * SHA-256 of a secret of the platform's own format ({@link TokenSecret}), never the secret itself.
     */
    private String[] tokens(int count) throws SQLException {
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
                insert.setString(4, ACCOUNT);
                if (insert.executeUpdate() != 1) {
                    throw new IllegalStateException("No account " + ACCOUNT + " for the benchmark's tokens");
                }
                bearers[c] = "Bearer " + secret.value();
            }
        }
        return bearers;
    }

    private void transitions(Servers servers, int iterations) throws Exception {
        String[] bearers = tokens(CLIENTS[CLIENTS.length - 1]);
        warmUp(bearers);
        List<String> withTokens = new ArrayList<>();
        replay = capture(servers);
        System.out.printf(Locale.ROOT, "%nMembership transitions per second (%d s per run; %d memberships ACTIVE; %s;"
                        + "%n  HTTP/1.1 keep-alive, one connection per client, HTTP Basic as %s, PBKDF2 at %,d "
                        + "iterations in this run)%n", millisPerRun / 1000, memberships.length, servers.describe(),
                ACCOUNT, iterations);
        System.out.printf("%-8s %13s %8s %13s %18s %23s %7s %7s %10s %11s%n", "clients", "transitions/s",
                "reads/s", "PostgreSQL/s", "transitions/reads", "transitions/PostgreSQL", "p50 ms", "p95 ms",
                "server ms", "journal ms");
        List<String> costs = new ArrayList<>();
        String breakdown = null;
        for (int clients : CLIENTS) {
            HttpClient[] http = new HttpClient[clients];
            for (int c = 0; c < clients; c++) {
                http[c] = newClient();
            }
            Timings before = timings();
            Measured renew = measured(servers, clients, c -> new ApiClient(http[c], c, clients, true));
            Timings during = timings().since(before);
            if (breakdown == null) {
                breakdown = renew.statements().breakdown(renew.run().total());
            }
            Measured read = measured(servers, clients, c -> new ApiClient(http[c], c, clients, false));
            Measured alone = measured(servers, clients, c -> replay.client(c, clients));
            // the same, each client with its own personal access token instead of the account's password
            if (bearers != null) {
                Measured tokenRenew = measured(servers, clients,
                        c -> new ApiClient(http[c], c, clients, true, bearers[c]));
                Measured tokenRead = measured(servers, clients,
                        c -> new ApiClient(http[c], c, clients, false, bearers[c]));
                withTokens.add(String.format(Locale.ROOT, "%-8d %15.0f %15.0f %12.0f %14.2f %19.2f %7.1f %7.1f",
                        clients, renew.run().perSecond(), tokenRenew.run().perSecond(),
                        tokenRead.run().perSecond(), tokenRenew.run().perSecond() / renew.run().perSecond(),
                        tokenRenew.run().perSecond() / tokenRead.run().perSecond(),
                        tokenRenew.run().percentile(50), tokenRenew.run().percentile(95)));
            }
            double renewRate = renew.run().perSecond();
            double readRate = read.run().perSecond();
            double aloneRate = alone.run().perSecond();
            System.out.printf(Locale.ROOT, "%-8d %13.0f %8.0f %13.0f %18.2f %23.2f %7.1f %7.1f %10.1f %11.1f%n",
                    clients, renewRate, readRate, aloneRate, renewRate / readRate, renewRate / aloneRate,
                    renew.run().percentile(50), renew.run().percentile(95), during.transitionMillis(),
                    during.journalMillis());
            costs.add(String.format(Locale.ROOT, "%-8d %s   %s   %s   %5.1f %5.1f", clients, renew.cpu(),
                    read.cpu(), alone.cpu(), renew.statementsPerOperation(), alone.statementsPerOperation()));
        }
        System.out.println("  p50, p95: a transition as its client saw it. server: mean time in the transition's "
                + "resource method (after authentication);\n  journal: mean time in the journal's append, the wait "
                + "for the chain head included (both from /metrics, during the transitions' run)");
        System.out.printf(Locale.ROOT, "%nWith personal access tokens (Authorization: Bearer l27_..., one token per "
                + "client), same run, PBKDF2 at %,d iterations for HTTP Basic%n", iterations);
        System.out.printf("%-8s %15s %15s %12s %14s %19s %7s %7s%n", "clients", "Basic RENEW/s", "token RENEW/s",
                "token GET/s", "token / Basic", "token RENEW / GET", "p50 ms", "p95 ms");
        if (bearers == null) {
            System.out.println("  (none: this build has no personal access tokens, no access_token table)");
        }
        withTokens.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nCPU per operation in ms (/proc utime+stime, clock ticks of %d ms) by "
                + "process: Payara Micro, PostgreSQL (all its processes), the benchmark's client JVM, in all;%n"
                + "statements per operation (pg_stat_statements, the application role's: it counts BEGIN, not "
                + "COMMIT)%n", Cpu.MILLIS_PER_TICK);
        System.out.printf("%-8s %-30s   %-30s   %-30s   %11s%n", "clients", "transition: Payara PG client all",
                "read: Payara PG client all", "PostgreSQL alone: - PG client all", "statements");
        costs.forEach(System.out::println);
        System.out.println("  statements: per transition through the platform, then per replayed transition "
                + "(PostgreSQL alone)");
        System.out.printf("%nStatements per transition through the platform, 1 client (pg_stat_statements):%n%s",
                breakdown);
    }

    /** A run with what it cost each process and how many statements PostgreSQL ran for it. */
    private record Measured(Run run, Cpu.Spent spent, Statements.Counted statements) {
        String cpu() {
            return spent.perOperation(run.total());
        }

        double statementsPerOperation() {
            return statements.total() / (double) run.total();
        }
    }

    private Measured measured(Servers servers, int clients, Workers workers) throws Exception {
        servers.statements.reset();
        Cpu.Sample before = servers.cpu.sample();
        Run run = run(clients, workers);
        Cpu.Spent spent = servers.cpu.sample().since(before);
        return new Measured(run, spent, servers.statements.count());
    }

    /** The platform's own timers ({@code /metrics}): how many, and how many seconds in all. */
    private record Timings(double transitions, double transitionSeconds, double appends, double appendSeconds) {
        Timings since(Timings before) {
            return new Timings(transitions - before.transitions, transitionSeconds - before.transitionSeconds,
                    appends - before.appends, appendSeconds - before.appendSeconds);
        }

        double transitionMillis() {
            return transitions == 0 ? Double.NaN : transitionSeconds / transitions * 1000;
        }

        double journalMillis() {
            return appends == 0 ? Double.NaN : appendSeconds / appends * 1000;
        }
    }

    private Timings timings() throws IOException, InterruptedException {
        String metrics = expect(200, newClient(), HttpRequest.newBuilder(api.resolve("/metrics"))
                .timeout(REQUEST_TIMEOUT).GET().build()).body();
        return new Timings(timer(metrics, "api_memberships_transition_seconds_count"),
                timer(metrics, "api_memberships_transition_seconds_sum"),
                timer(metrics, "journal_append_seconds_count"), timer(metrics, "journal_append_seconds_sum"));
    }

    /** The value of a metric of the Prometheus text (the first series of that name), 0 when absent. */
    private static double timer(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /**
     * Transitions then reads with all clients, not counted, in slices of 5 s whose rates are printed: the server's
     * code compiled (C2 included) before the first run, which otherwise measures the JIT at 1 client. At least 30 s of
     * transitions, or three runs' length.
     */
    /**
     * Runs transitions and reads long enough for the JIT to compile the server's path. With tokens (when the build
     * has them) rather than HTTP Basic: at the production PBKDF2 count Basic runs some 20 requests/s, far too few
     * for the JIT in 30 s, and the token rates measured after such a warm-up were half of what the same server
     * reaches once warm. The path behind the authentication is the same.
     */
    private void warmUp(String[] bearers) throws Exception {
        int clients = CLIENTS[CLIENTS.length - 1];
        long transitionSeconds = Math.max(30, 3 * millisPerRun / 1000);
        long readSeconds = Math.max(10, millisPerRun / 1000);
        HttpClient http = newClient();
        long started = System.nanoTime();
        StringBuilder rates = new StringBuilder();
        for (long done = 0; done < transitionSeconds; done += 5) {
            Run slice = run(clients, c -> bearers == null ? new ApiClient(http, c, clients, true)
                    : new ApiClient(http, c, clients, true, bearers[c]), 5000);
            rates.append(String.format(Locale.ROOT, " %.0f", slice.perSecond()));
        }
        run(clients, c -> bearers == null ? new ApiClient(http, c, clients, false)
                : new ApiClient(http, c, clients, false, bearers[c]), readSeconds * 1000);
        System.out.printf(Locale.ROOT, "Warm-up (not counted): %d s of transitions (per 5 s, transitions/s:%s) and %d s "
                + "of reads, %s, %.1f s in all%n", transitionSeconds, rates, readSeconds,
                bearers == null ? "HTTP Basic" : "with tokens",
                (System.nanoTime() - started) / 1e9);
    }

    /** What one client does, again and again, on its own connection. */
    private interface Worker extends AutoCloseable {
        void once() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens the worker of client number {@code client} (its connection). */
    private interface Workers {
        Worker open(int client) throws Exception;
    }

    /** How many operations finished per second, and how long each took. */
    /** {@code total}: the operations run, those finished after the time included (what the CPU was spent on). */
    private record Run(double perSecond, long[] nanos) {
        long total() {
            return nanos.length;
        }

        double percentile(int p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private Run run(int clients, Workers workers) throws Exception {
        return run(clients, workers, millisPerRun);
    }

    /** Runs {@code clients} workers together for {@code millis}; counts what finished in that time. */
    private Run run(int clients, Workers workers, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] nanos = new long[1024];
                int n = 0;
                try (Worker worker = workers.open(client)) {
                    ready.countDown();
                    start.await();
                    while (!stop.get()) {
                        long began = System.nanoTime();
                        worker.once();
                        if (n == nanos.length) {
                            nanos = Arrays.copyOf(nanos, n * 2);
                        }
                        nanos[n++] = System.nanoTime() - began;
                        done.incrementAndGet();
                    }
                } catch (Throwable failed) {
                    ready.countDown();
                    synchronized (failures) {
                        failures.add(failed);
                    }
                    stop.set(true);
                }
                synchronized (latencies) {
                    latencies.add(Arrays.copyOf(nanos, n));
                }
            }, "client-" + c);
            thread.start();
            threads.add(thread);
        }
        ready.await();
        long started = System.nanoTime();
        start.countDown();
        long deadline = started + millis * 1_000_000;
        while (!stop.get() && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
        stop.set(true);
        long count = done.get();
        double elapsed = (System.nanoTime() - started) / 1e9;
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A client failed with " + clients + " clients", failures.get(0));
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(count / elapsed, all);
    }

    /** A client's share of the memberships: every {@code clients}-th from its number, each in turn. */
    private final class Share {
        private final int first;
        private final int step;
        private int next;

        Share(int client, int clients) {
            this.first = client;
            this.step = clients;
            this.next = client;
        }

        int next() {
            int index = next;
            next = next + step < memberships.length ? next + step : first;
            return index;
        }
    }

    /** A client of the API on its share of the memberships: RENEW with the version it last saw, or a GET. */
    private final class ApiClient implements Worker {
        private final HttpClient http;
        private final Share share;
        private final boolean renew;
        private final String credentials;

        ApiClient(HttpClient http, int client, int clients, boolean renew) {
            this(http, client, clients, renew, authorization);
        }

        /** @param credentials the Authorization header: HTTP Basic, or this client's own token */
        ApiClient(HttpClient http, int client, int clients, boolean renew, String credentials) {
            this.http = http;
            this.share = new Share(client, clients);
            this.renew = renew;
            this.credentials = credentials;
        }

        @Override
        public void once() throws IOException, InterruptedException {
            int index = share.next();
            HttpRequest request = renew ? transition(index, "RENEW", credentials)
                    : HttpRequest.newBuilder(api.resolve("memberships/" + memberships[index]))
                    .header("Authorization", credentials).timeout(REQUEST_TIMEOUT).GET().build();
            versions[index] = version(expect(200, http, request));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PostgreSQL alone: the statements of one RENEW request as PostgreSQL's statement log (log_statement = all, CSV)
    // shows them, captured in this run after the warm-up, then replayed over JDBC with the ids, versions and
    // transactions of each client's own memberships: whatever the platform sends today, the replay sends it too.

    private Replay replay;

    /** One statement of the log, its {@code $n} parameters as logged (null for NULL). */
    private record Logged(String session, String sql, List<String> parameters) {
    }

    /** How to bind one parameter of a replayed statement. */
    private enum Kind { CONSTANT, MEMBERSHIP, ORGANISATION, VERSION_BEFORE, VERSION_AFTER, NEW_ID }

    /** {@code row}: the parameter is the id the statement's WHERE names (whose version an UPDATE checks). */
    private record Parameter(Kind kind, String value, boolean row) {
    }

    /** A logged statement ready to replay: JDBC text, its table, the parameters in order of {@code ?}. */
    private record Template(String session, String sql, String table, List<Parameter> parameters, Step step,
                            Map<String, String> columns) {
    }

    private enum Step { STATEMENT, BEGIN, COMMIT, ROLLBACK, LOCK_HEAD, APPEND, SKIP }

    /** Not a column: whether a logged journal entry's subject is the logged membership's organisation. */
    private static final String OWN_ORGANISATION = "(subject is the membership's organisation)";

    /** The journal's append as the platform sends it (today's {@link ChainAppend#INSERT_AND_MOVE_HEAD} or older). */
    private static final Pattern JOURNAL_APPEND = Pattern.compile("^\\s*WITH\\s+entry\\s+AS\\s*\\(\\s*INSERT\\s+INTO\\s+"
            + "journal_entry\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final Pattern ASSIGNED = Pattern.compile("(?:\\w+\\.)?(\\w+)\\s*=\\s*\\$(\\d+)");
    private static final Pattern INSERT = Pattern.compile(
            "INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE = Pattern.compile("^\\s*UPDATE\\s+(\\w+)\\s+SET\\s+(.*?)\\s+WHERE\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FROM = Pattern.compile("\\bFROM\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOGGED = Pattern.compile("^(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);
    private static final Pattern LOGGED_PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");

    private final class Replay {
        private final List<Template> templates;
        private final Map<Long, Long> organisations;
        /** Ids of the rows the replay inserts where the platform gives ids itself (preallocated sequences). */
        private final AtomicLong ids = new AtomicLong(4_000_000_000L);

        Replay(List<Template> templates, Map<Long, Long> organisations) {
            this.templates = templates;
            this.organisations = organisations;
        }

        Worker client(int client, int clients) {
            return new ReplayClient(client, clients);
        }

        private final class ReplayClient implements Worker {
            private final Share share;
            private final int client;
            private final Map<String, Connection> connections = new java.util.HashMap<>();
            /** The versions this client last saw, by table and id. */
            private final Map<String, Long> seen = new java.util.HashMap<>();
            private long n;
            /** The journal head the last logged lock read. */
            private long headSeq;
            private String headHash;

            ReplayClient(int client, int clients) {
                this.share = new Share(client, clients);
                this.client = client;
            }

            private Connection connection(String session) throws SQLException {
                Connection connection = connections.get(session);
                if (connection == null) {
                    connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                            LocalDatabase.PASSWORD);
                    connections.put(session, connection);
                }
                return connection;
            }

            @Override
            public void once() throws SQLException {
                int index = share.next();
                long membership = memberships[index];
                long organisation = organisations.get(membership);
                for (Template template : templates) {
                    Connection connection = connection(template.session());
                    switch (template.step()) {
                        case BEGIN -> connection.setAutoCommit(false);
                        case COMMIT -> {
                            connection.commit();
                            connection.setAutoCommit(true);
                        }
                        case ROLLBACK -> {
                            connection.rollback();
                            connection.setAutoCommit(true);
                        }
                        case LOCK_HEAD -> lockHead(connection, template);
                        case SKIP -> {
                            // sequences: the replay numbers its rows
                        }
                        case APPEND -> append(connection, template, membership, organisation);
                        case STATEMENT -> execute(connection, template, membership, organisation);
                    }
                }
                Long version = seen.get("membership:" + membership);
                if (version != null) {
                    versions[index] = version.intValue();
                }
            }

            /** The journal head as the logged lock read it: the next append chains after it. */
            private void lockHead(Connection connection, Template template) throws SQLException {
                try (PreparedStatement lock = connection.prepareStatement(template.sql());
                     ResultSet head = lock.executeQuery()) {
                    if (!head.next()) {
                        throw new IllegalStateException("The journal head is missing");
                    }
                    headSeq = head.getLong(1);
                    headHash = head.getString(2);
                }
            }

            /**
             * The logged append itself (whatever its columns: a build of another commit may write fewer), with the
             * logged entry's content for this client's membership and organisation, numbered and hashed after the
             * head just locked as the platform does ({@link CanonicalEntry}), so the chain stays intact.
             */
            private void append(Connection connection, Template template, long membership, long organisation)
                    throws SQLException {
                Map<String, String> entry = template.columns();
                String entityId = "Membership".equals(entry.get("entity_type")) ? Long.toString(membership)
                        : entry.get("entity_id");
                String subjectId = Boolean.parseBoolean(entry.get(OWN_ORGANISATION)) ? Long.toString(organisation)
                        : entry.get("subject_id");
                CanonicalEntry content = new EntryDraft(entry.get("actor"), entry.get("actor_roles"),
                        entry.get("action"), entry.get("entity_type"), entityId, entry.get("state_before"),
                        entry.get("state_after"), entry.get("reason"), entry.get("details"),
                        String.format(Locale.ROOT, "bench-pg-%d-%d", client, n++))
                        .numbered(headSeq + 1, Instant.now().truncatedTo(ChronoUnit.MICROS));
                Map<String, Object> values = new java.util.HashMap<>();
                values.put("seq", content.seq());
                values.put("recorded_at", OffsetDateTime.ofInstant(content.recordedAt(), ZoneOffset.UTC));
                values.put("actor", content.actor());
                values.put("actor_roles", content.actorRoles());
                values.put("action", content.action());
                values.put("entity_type", content.entityType());
                values.put("entity_id", content.entityId());
                values.put("state_before", content.stateBefore());
                values.put("state_after", content.stateAfter());
                values.put("reason", content.reason());
                values.put("details", content.details());
                values.put("request_id", content.requestId());
                values.put("prev_hash", headHash);
                values.put("hash", content.hash(headHash));
                values.put("subject_type", entry.get("subject_type"));
                values.put("subject_id", entry.get("subject_type") == null ? null : subjectId);
                try (PreparedStatement insert = connection.prepareStatement(template.sql())) {
                    int i = 1;
                    for (Parameter parameter : template.parameters()) {
                        if (!values.containsKey(parameter.value())) {
                            throw new IllegalStateException("The journal's insert has a column the replay does not "
                                    + "know: " + parameter.value());
                        }
                        Object value = values.get(parameter.value());
                        if (value == null) {
                            insert.setNull(i++, java.sql.Types.VARCHAR);
                        } else {
                            insert.setObject(i++, value);
                        }
                    }
                    insert.executeUpdate();
                }
            }

            private void execute(Connection connection, Template template, long membership, long organisation)
                    throws SQLException {
                try (PreparedStatement statement = connection.prepareStatement(template.sql())) {
                    String row = null;
                    Long newVersion = null;
                    int i = 1;
                    for (Parameter parameter : template.parameters()) {
                        String value = switch (parameter.kind()) {
                            case CONSTANT -> parameter.value();
                            case MEMBERSHIP -> Long.toString(membership);
                            case ORGANISATION -> Long.toString(organisation);
                            case NEW_ID -> Long.toString(ids.incrementAndGet());
                            case VERSION_BEFORE, VERSION_AFTER -> null; // once the row is known, below
                        };
                        if (parameter.row()) {
                            row = template.table() + ":" + value;
                        }
                        bind(statement, i++, value);
                    }
                    i = 1;
                    for (Parameter parameter : template.parameters()) {
                        if (parameter.kind() == Kind.VERSION_BEFORE || parameter.kind() == Kind.VERSION_AFTER) {
                            Long before = seen.get(row);
                            long version = before != null ? before : Long.parseLong(parameter.value());
                            long value = parameter.kind() == Kind.VERSION_AFTER ? version + 1 : version;
                            if (parameter.kind() == Kind.VERSION_AFTER) {
                                newVersion = value;
                            }
                            bind(statement, i, Long.toString(value));
                        }
                        i++;
                    }
                    if (statement.execute()) {
                        try (ResultSet rows = statement.getResultSet()) {
                            track(template.table(), rows);
                        }
                    } else if (newVersion != null && statement.getUpdateCount() == 1) {
                        seen.put(row, newVersion);
                    }
                }
            }

            /** Remembers the version of each row read that has one (a later UPDATE checks it). */
            private void track(String table, ResultSet rows) throws SQLException {
                java.sql.ResultSetMetaData meta = rows.getMetaData();
                int id = 0;
                int version = 0;
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    String label = meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
                    id = label.equals("id") ? c : id;
                    version = label.equals("version") ? c : version;
                }
                while (rows.next()) {
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        rows.getObject(c);
                    }
                    if (id > 0 && version > 0 && table != null) {
                        seen.put(table + ":" + rows.getLong(id), rows.getLong(version));
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                for (Connection connection : connections.values()) {
                    connection.close();
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.OTHER);
        } else {
            statement.setObject(index, value, java.sql.Types.OTHER);
        }
    }

    /**
     * Logs one RENEW request through the API (the last of three, the warm-up done), between two markers that the
     * benchmark writes to the log itself, and turns the statement log off again.
     */
    private Replay capture(Servers servers) throws Exception {
        HttpClient http = newClient();
        List<Logged> logged;
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement statement = superuser.createStatement()) {
            for (int i = 0; i < 3; i++) {
                statement.execute("SELECT 'bench-capture-begin'");
                versions[0] = version(expect(200, http, transition(0, "RENEW")));
                statement.execute("SELECT 'bench-capture-end'");
            }
            statement.execute("ALTER SYSTEM SET log_statement = 'none'");
            statement.execute("SELECT pg_reload_conf()");
            Thread.sleep(1000);
            logged = lastRequest(servers.statementLog);
        }
        Map<Long, Long> organisations = new java.util.HashMap<>();
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             PreparedStatement select = superuser.prepareStatement(
                     "SELECT id, organisation_id FROM membership WHERE id = ANY (?)")) {
            select.setArray(1, superuser.createArrayOf("bigint",
                    Arrays.stream(memberships).boxed().toArray(Long[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    organisations.put(rows.getLong(1), rows.getLong(2));
                }
            }
        }
        long membership = memberships[0];
        long organisation = organisations.get(membership);
        List<Template> templates = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        List<String> sessions = new ArrayList<>();
        for (Logged one : logged) {
            Template template = template(one, membership, organisation);
            templates.add(template);
            if (!sessions.contains(one.session())) {
                sessions.add(one.session());
            }
            shown.append(String.format(Locale.ROOT, "  %2d. [session %d] %-9s %s%n", templates.size(),
                    sessions.indexOf(one.session()) + 1, template.step(), abbreviated(one.sql())));
        }
        System.out.printf(Locale.ROOT, "%nOne RENEW request as PostgreSQL's statement log shows it (%d statements on %d "
                + "session(s); replayed as PostgreSQL alone, the journal's entry chained as the platform chains it):%n%s",
                logged.size(), sessions.size(), shown);
        return new Replay(templates, organisations);
    }

    private static String abbreviated(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() > 110 ? one.substring(0, 107) + "..." : one;
    }

    /** The application role's statements between the last pair of markers of the CSV log. */
    private static List<Logged> lastRequest(Path log) throws IOException {
        // the markers are near the end of a log of the whole run so far: its last 16 MB, from the first marker on
        byte[] tail;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 16 * 1024 * 1024);
            tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
        }
        String text = new String(tail, StandardCharsets.UTF_8);
        int marker = text.indexOf("'bench-capture-begin'");
        if (marker < 0) {
            throw new IllegalStateException("No capture marker in the statement log " + log);
        }
        List<List<String>> records = Csv.read(text.substring(text.lastIndexOf('\n', marker) + 1));
        List<Logged> window = null;
        List<Logged> last = null;
        for (List<String> record : records) {
            if (record.size() < 15) {
                continue;
            }
            String user = record.get(1);
            String message = record.get(13);
            if (message.contains("'bench-capture-begin'")) {
                window = new ArrayList<>();
            } else if (message.contains("'bench-capture-end'")) {
                if (window != null && !window.isEmpty()) {
                    last = window;
                }
                window = null;
            } else if (window != null && LocalDatabase.USER.equals(user)) {
                Matcher statement = LOGGED.matcher(message);
                if (statement.matches()) {
                    window.add(new Logged(record.get(5), statement.group(1).trim(), parameters(record.get(14))));
                }
            }
        }
        if (last == null) {
            throw new IllegalStateException("No RENEW request found in the statement log " + log);
        }
        return last;
    }

    /** {@code parameters: $1 = '...', $2 = NULL} as a list, $1 first. */
    private static List<String> parameters(String detail) {
        List<String> values = new ArrayList<>();
        if (detail == null || !detail.regionMatches(true, 0, "parameters:", 0, 11)) {
            return values;
        }
        Matcher parameter = LOGGED_PARAMETER.matcher(detail);
        while (parameter.find()) {
            int number = Integer.parseInt(parameter.group(1));
            while (values.size() < number) {
                values.add(null);
            }
            values.set(number - 1, parameter.group(3) == null ? null : parameter.group(3).replace("''", "'"));
        }
        return values;
    }

    /** How to replay one logged statement for any membership: which parameters are its ids and versions. */
    private static Template template(Logged logged, long membership, long organisation) {
        String sql = logged.sql();
        String word = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        String jdbc = PLACEHOLDER.matcher(sql).replaceAll("?");
        if (sql.equalsIgnoreCase("BEGIN")) {
            return new Template(logged.session(), sql, null, List.of(), Step.BEGIN, Map.of());
        }
        if (sql.equalsIgnoreCase("COMMIT")) {
            return new Template(logged.session(), sql, null, List.of(), Step.COMMIT, Map.of());
        }
        if (sql.equalsIgnoreCase("ROLLBACK")) {
            return new Template(logged.session(), sql, null, List.of(), Step.ROLLBACK, Map.of());
        }
        if (jdbc.equals(ChainAppend.LOCK_HEAD)) {
            return new Template(logged.session(), jdbc, "journal_head", List.of(), Step.LOCK_HEAD, Map.of());
        }
        // which column each $n is compared with or assigned to, and where (SET or WHERE of an UPDATE)
        Map<Integer, String> column = new java.util.HashMap<>();
        Map<Integer, Boolean> assigned = new java.util.HashMap<>();
        String table = null;
        Matcher insert = INSERT.matcher(sql);
        Matcher update = UPDATE.matcher(sql);
        if (insert.find()) {
            table = insert.group(1).toLowerCase(Locale.ROOT);
            String[] names = insert.group(2).split(",");
            String[] values = insert.group(3).split(",");
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                Matcher number = PLACEHOLDER.matcher(values[i].trim());
                if (number.matches()) {
                    column.put(Integer.parseInt(number.group(1)), names[i].trim().toLowerCase(Locale.ROOT));
                    assigned.put(Integer.parseInt(number.group(1)), true);
                }
            }
        } else if (update.find()) {
            table = update.group(1).toLowerCase(Locale.ROOT);
            Matcher set = ASSIGNED.matcher(update.group(2));
            while (set.find()) {
                column.put(Integer.parseInt(set.group(2)), set.group(1).toLowerCase(Locale.ROOT));
                assigned.put(Integer.parseInt(set.group(2)), true);
            }
            Matcher where = ASSIGNED.matcher(update.group(3));
            while (where.find()) {
                column.put(Integer.parseInt(where.group(2)), where.group(1).toLowerCase(Locale.ROOT));
                assigned.put(Integer.parseInt(where.group(2)), false);
            }
        } else {
            Matcher from = FROM.matcher(sql);
            table = from.find() ? from.group(1).toLowerCase(Locale.ROOT) : null;
            Matcher where = ASSIGNED.matcher(sql);
            while (where.find()) {
                column.put(Integer.parseInt(where.group(2)), where.group(1).toLowerCase(Locale.ROOT));
                assigned.put(Integer.parseInt(where.group(2)), false);
            }
        }
        Map<String, String> columns = new java.util.HashMap<>();
        column.forEach((number, name) -> columns.put(name, number <= logged.parameters().size()
                ? logged.parameters().get(number - 1) : null));
        if (JOURNAL_APPEND.matcher(sql).find()) {
            // the columns of the insert in the order of its placeholders, bound by name when replayed
            List<Parameter> named = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(sql);
            while (placeholder.find()) {
                named.add(new Parameter(Kind.CONSTANT, column.get(Integer.parseInt(placeholder.group(1))), false));
            }
            columns.put(OWN_ORGANISATION, Boolean.toString("Organisation".equals(columns.get("subject_type"))
                    && Long.toString(organisation).equals(columns.get("subject_id"))));
            return new Template(logged.session(), jdbc, "journal_entry", named, Step.APPEND, columns);
        }
        if (sql.toLowerCase(Locale.ROOT).contains("nextval(")) {
            return new Template(logged.session(), sql, null, List.of(), Step.SKIP, Map.of());
        }
        List<Parameter> parameters = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        while (placeholder.find()) {
            int number = Integer.parseInt(placeholder.group(1));
            String value = number <= logged.parameters().size() ? logged.parameters().get(number - 1) : null;
            String name = column.get(number);
            Kind kind = Kind.CONSTANT;
            if (name != null) {
                boolean set = assigned.getOrDefault(number, false);
                String entity = name.equals("id") ? table : name.endsWith("_id")
                        ? name.substring(0, name.length() - 3) : null;
                if (name.equals("id") && set && "INSERT".equals(word)) {
                    kind = Kind.NEW_ID;
                } else if ("membership".equals(entity) && Long.toString(membership).equals(value)) {
                    kind = Kind.MEMBERSHIP;
                } else if ("organisation".equals(entity) && Long.toString(organisation).equals(value)) {
                    kind = Kind.ORGANISATION;
                } else if (name.equals("version") && "UPDATE".equals(word)) {
                    kind = set ? Kind.VERSION_AFTER : Kind.VERSION_BEFORE;
                }
            }
            boolean row = "id".equals(name) && !assigned.getOrDefault(number, false);
            parameters.add(new Parameter(kind, value, row));
        }
        return new Template(logged.session(), jdbc, table, parameters, Step.STATEMENT, columns);
    }

    /** Just enough of RFC 4180 for PostgreSQL's CSV log: quoted fields, doubled quotes, newlines inside quotes. */
    private static final class Csv {
        static List<List<String>> read(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            return records;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What each process spent (/proc) and what PostgreSQL ran (pg_stat_statements)

    /** CPU time of Payara Micro, of PostgreSQL (the postmaster, its live children and those it reaped), and ours. */
    private static final class Cpu {
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

        Sample sample() {
            long postgres = ticks(postmaster, true);
            for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.children().toList())
                    .orElse(List.of())) {
                postgres += ticks(child.pid(), false);
            }
            return new Sample(ticks(payara, false), postgres, ticks(client, false));
        }

        /** utime + stime (and cutime + cstime: the children waited for), from {@code /proc/PID/stat}. */
        private static long ticks(long pid, boolean reaped) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields[0] is the state, field 3 of proc(5): utime is field 14, stime 15, cutime 16, cstime 17
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return reaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }
    }

    /** The application role's statements in the platform's database, from {@code pg_stat_statements}. */
    private static final class Statements {
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
                            Long.parseLong(parts[0]) / (double) operations, abbreviated(parts[1])));
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

    // ---------------------------------------------------------------------------------------------------------------
    // After: the journal, and what the production password hashing would have cost

    private void verifyJournal() throws IOException, InterruptedException {
        HttpResponse<String> answer = expect(200, newClient(), HttpRequest.newBuilder(api.resolve("journal/verify"))
                .header("Authorization", authorization).timeout(Duration.ofMinutes(5)).GET().build());
        String body = answer.body();
        boolean intact = body.contains("\"intact\":true");
        System.out.printf(Locale.ROOT, "%nJournal verified through GET /api/v1/journal/verify: %s entries checked in "
                        + "%s ms, %s%n", member(body, "entriesChecked"), member(body, "durationMillis"),
                intact ? "intact" : "BROKEN at " + member(body, "firstBrokenSeq") + ": " + body);
        if (!intact) {
            throw new IllegalStateException("The journal's chain is broken after the benchmark");
        }
    }

    /**
     * What HTTP Basic costs at the production iteration count, measured here in this JVM: every API request pays one
     * verification, and requests of one account pay them one at a time ({@code Logins.check} holds the account's row
     * lock while it verifies, then writes the last login).
     */
    private static void passwordCost(int iterations) throws Exception {
        int production;
        try (InputStream defaults = TransitionBenchmark.class.getResourceAsStream(
                "/META-INF/microprofile-config.properties")) {
            Properties properties = new Properties();
            if (defaults != null) {
                properties.load(defaults);
            }
            production = Integer.parseInt(properties.getProperty("identity.password.iterations", "210000"));
        }
        if (iterations >= production) {
            return;
        }
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        long[] nanos = new long[5];
        for (int i = 0; i < nanos.length; i++) {
            long began = System.nanoTime();
            pbkdf2.generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), new byte[32], production, 256)).getEncoded();
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        double millis = nanos[nanos.length / 2] / 1e6;
        System.out.printf(Locale.ROOT, "%nHTTP Basic at the production count (%,d PBKDF2 iterations, not this run's "
                        + "%,d): %.0f ms of CPU per request on this machine (median of %d here): at most about %.0f "
                        + "requests/s per core, whatever the number of clients.%n", production, iterations, millis,
                nanos.length, 1000 / millis);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private HttpRequest transition(int index, String action) {
        return transition(index, action, authorization);
    }

    private HttpRequest transition(int index, String action, String credentials) {
        String agreement = action.equals("ACTIVATE") ? ",\"agreement\":\"CONV-ESSAI-" + (index + 1) + "\"" : "";
        return post("memberships/" + memberships[index] + "/transitions",
                "{\"action\":\"" + action + "\",\"version\":" + versions[index] + agreement + "}", credentials);
    }

    private HttpRequest post(String path, String json, boolean authenticated) {
        return post(path, json, authenticated ? authorization : null);
    }

    private HttpRequest post(String path, String json, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (credentials != null) {
            request.header("Authorization", credentials);
        }
        return request.build();
    }

    private static HttpResponse<String> expect(int status, HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ", not " + status + ": " + response.body());
        }
        return response;
    }

    private static int version(HttpResponse<String> response) {
        Matcher version = VERSION.matcher(response.body());
        if (!version.find()) {
            throw new IllegalStateException("No version in " + response.body());
        }
        return Integer.parseInt(version.group(1));
    }

    /** A number or boolean member of a flat JSON object, as text. */
    private static String member(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        return value.find() ? value.group(1) : "?";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The servers

    /**
     * The benchmark's own PostgreSQL and Payara Micro, on loopback: started fresh, stopped by {@link #close}, which
     * the shutdown hook also calls on Ctrl-C (it is idempotent).
     */
    private static final class Servers implements AutoCloseable {
        private LocalDatabase database;
        private Process micro;
        private Path log;
        private Path statementLog;
        private Cpu cpu;
        private Statements statements;
        private URI base;
        private String payaraVersion = "Payara Micro";
        private String postgresVersion = "PostgreSQL";

        void start(Path checkout, Path work, int iterations) throws Exception {
            // another build's archive may be measured with this benchmark (before and after a change, same run)
            Path war = Path.of(System.getProperty("bench.war",
                    checkout.resolve("web/target/platform-web-micro.war").toString())).toAbsolutePath();
            Path runtime = checkout.resolve("web/target/payara-micro.jar");
            for (Path needed : List.of(war, runtime)) {
                if (!Files.isRegularFile(needed)) {
                    throw new IllegalStateException(needed + " is missing: build first (ops/bench/transitions does)");
                }
            }
            Path rootDir = work.resolve("payara-micro");
            delete(rootDir);
            Files.createDirectories(work);
            long started = System.nanoTime();
            synchronized (this) {
                // pg_stat_statements counts the statements per run; the CSV statement log, on until one RENEW
                // request is captured after the warm-up, gives PostgreSQL alone what to replay
                Path logs = work.resolve("postgres-log");
                delete(logs);
                Files.createDirectories(logs);
                statementLog = logs.resolve("statements.csv");
                database = LocalDatabase.start(work.resolve("postgres/data"), 0, true, Map.of(
                        "shared_preload_libraries", "pg_stat_statements",
                        "pg_stat_statements.track", "all",
                        "logging_collector", "on",
                        "log_destination", "csvlog",
                        "log_directory", logs.toString(),
                        "log_filename", "statements",
                        "log_rotation_size", "0",
                        "log_statement", "all"));
            }
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                    LocalDatabase.PASSWORD)) {
                postgresVersion = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
            }
            try (Connection superuser = database.superuser("postgres");
                 Statement statement = superuser.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            }
            statements = new Statements(database);
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
            // for its 64 memberships from one address, which the limit of applications per hour would refuse
            command.addAll(List.of("-Dplatform.demo-data=true", "-Dhazelcast.socket.bind.any=false",
                    "-Dlimits.exempt-addresses=127.0.0.1",
                    "-Didentity.password.iterations=" + iterations,
                    "-Ddb.url=" + database.jdbcUrl(), "-Ddb.user=" + LocalDatabase.USER,
                    "-Ddb.password=" + LocalDatabase.PASSWORD, "-Ddb.migration.user=" + LocalDatabase.OWNER,
                    "-Ddb.migration.password=" + LocalDatabase.OWNER_PASSWORD,
                    "-jar", runtime.toString(), "--deploy", war.toString(), "--contextroot", "/",
                    "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                    "--rootdir", rootDir.toString(),
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

        String describe() {
            return payaraVersion + " with the micro WAR, " + postgresVersion + ", on 127.0.0.1";
        }

        private void awaitReady(Duration timeout) throws Exception {
            HttpClient http = newClient();
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
    }
}
