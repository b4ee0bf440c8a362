package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 *       replayed over JDBC with no application server (the same head lock, {@link ChainAppend} for the journal,
 *       so the chain stays intact).</li>
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
            benchmark.transitions(servers.describe(), iterations);
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

    private void transitions(String servers, int iterations) throws Exception {
        warmUp();
        System.out.printf(Locale.ROOT, "%nMembership transitions per second (%d s per run; %d memberships ACTIVE; %s;"
                        + "%n  HTTP/1.1 keep-alive, one connection per client, HTTP Basic as %s, PBKDF2 at %,d "
                        + "iterations in this run)%n", millisPerRun / 1000, memberships.length, servers, ACCOUNT,
                iterations);
        System.out.printf("%-8s %13s %8s %13s %18s %23s %7s %7s %10s %11s%n", "clients", "transitions/s",
                "reads/s", "PostgreSQL/s", "transitions/reads", "transitions/PostgreSQL", "p50 ms", "p95 ms",
                "server ms", "journal ms");
        for (int clients : CLIENTS) {
            HttpClient[] http = new HttpClient[clients];
            for (int c = 0; c < clients; c++) {
                http[c] = newClient();
            }
            Timings before = timings();
            Run renew = run(clients, c -> new ApiClient(http[c], c, clients, true));
            Timings during = timings().since(before);
            Run read = run(clients, c -> new ApiClient(http[c], c, clients, false));
            Run alone = run(clients, c -> new PostgresClient(c, clients));
            System.out.printf(Locale.ROOT, "%-8d %13.0f %8.0f %13.0f %18.2f %23.2f %7.1f %7.1f %10.1f %11.1f%n",
                    clients, renew.perSecond(), read.perSecond(), alone.perSecond(),
                    renew.perSecond() / read.perSecond(), renew.perSecond() / alone.perSecond(),
                    renew.percentile(50), renew.percentile(95), during.transitionMillis(), during.journalMillis());
        }
        System.out.println("  p50, p95: a transition as its client saw it. server: mean time in the transition's "
                + "resource method (after authentication);\n  journal: mean time in the journal's append, the wait "
                + "for the chain head included (both from /metrics, during the transitions' run)");
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

    /** A few seconds of both kinds of request, not counted: the server's code compiled before the first run. */
    private void warmUp() throws Exception {
        int clients = CLIENTS[CLIENTS.length - 1];
        long seconds = Math.max(2, millisPerRun / 1000 / 2);
        HttpClient http = newClient();
        long started = System.nanoTime();
        run(clients, c -> new ApiClient(http, c, clients, true), seconds * 1000);
        run(clients, c -> new ApiClient(http, c, clients, false), seconds * 1000);
        System.out.printf(Locale.ROOT, "Warm-up (not counted): %d s of transitions and reads, %.1f s in all%n",
                seconds * 2, (System.nanoTime() - started) / 1e9);
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
    private record Run(double perSecond, long[] nanos) {
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

        ApiClient(HttpClient http, int client, int clients, boolean renew) {
            this.http = http;
            this.share = new Share(client, clients);
            this.renew = renew;
        }

        @Override
        public void once() throws IOException, InterruptedException {
            int index = share.next();
            HttpRequest request = renew ? transition(index, "RENEW")
                    : HttpRequest.newBuilder(api.resolve("memberships/" + memberships[index]))
                    .header("Authorization", authorization).timeout(REQUEST_TIMEOUT).GET().build();
            versions[index] = version(expect(200, http, request));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // PostgreSQL alone: the statements of one RENEW request, as PostgreSQL's statement log (log_statement = all)
    // shows them for the platform of November 2026; take them again from that log when the use case changes.

    /** The connection pool checks each connection it hands out. */
    private static final String VALIDATE = "SELECT 1";
    private static final String LOGIN = "SELECT ID, created_at, display_name, EMAIL, ENABLED, failed_logins, "
            + "last_login_at, locked_until, organisation_id, password_hash, USERNAME, VERSION FROM account "
            + "WHERE (USERNAME = ?) FOR UPDATE";
    private static final String ROLES = "SELECT t0.role FROM account_role t0 WHERE (t0.account_id = ?)";
    private static final String LAST_LOGIN = "UPDATE account SET last_login_at = ?, VERSION = ? "
            + "WHERE ((ID = ?) AND (VERSION = ?))";
    private static final String MEMBERSHIP = "SELECT ID, agreement_reference, applied_at, CATEGORY, changed_at, FEE, "
            + "last_reason, period_end, period_start, reminded_for, STATE, VERSION, organisation_id FROM membership "
            + "WHERE (ID = ?)";
    private static final String ORGANISATION = "SELECT ID, ADDRESS, created_at, KIND, NAME, SIRET, VERSION, WEBSITE, "
            + "territory_id FROM organisation WHERE (ID = ?)";
    private static final String RENEW = "UPDATE membership SET period_end = ?, changed_at = ?, VERSION = ? "
            + "WHERE ((ID = ?) AND (VERSION = ?))";
    private static final String CONTACTS = "SELECT ID, account_id, EMAIL, full_name, job_title, LANGUAGE, "
            + "network_role, VERSION, organisation_id FROM contact WHERE (organisation_id = ?) "
            + "ORDER BY network_role, full_name";
    private static final String NOTIFICATION = "INSERT INTO notification (ARGUMENTS, created_at, message_key, "
            + "organisation_id, read_at) VALUES (?, ?, ?, ?, ?)";
    private static final String MAIL = "INSERT INTO outgoing_mail (ATTEMPTS, BODY, created_at, last_error, "
            + "next_attempt_at, RECIPIENT, secret_until, sent_at, SUBJECT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String LAST_ID = "select lastval()";
    /** Sent on the connection the journal takes, before the append (by the pool or the driver, not the platform). */
    private static final String CATALOGUE = "SELECT t.typlen FROM pg_catalog.pg_type t, pg_catalog.pg_namespace n "
            + "WHERE t.typnamespace=n.oid AND t.typname='name' AND n.nspname='pg_catalog'";

    /**
     * One connection as the application's role, replaying a RENEW request: the login check (its own transaction,
     * the account's row locked and its last login written), the membership read, the transition's transaction
     * (update, contacts, notification, outbox mail, journal append with the head lock, commit), the read for the
     * answer. No application server: no HTTP, JSON, EJB, JPA, PBKDF2 nor pool.
     */
    private final class PostgresClient implements Worker {
        private final Connection connection;
        private final Share share;
        private final int client;
        private long n;

        PostgresClient(int client, int clients) throws SQLException {
            this.connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                    LocalDatabase.PASSWORD);
            this.share = new Share(client, clients);
            this.client = client;
        }

        @Override
        public void once() throws SQLException {
            int index = share.next();
            long id = memberships[index];
            login();
            Seen seen = read(id);
            versions[index] = renew(id, seen);
            read(id);
        }

        private void login() throws SQLException {
            validate();
            connection.setAutoCommit(false);
            long account;
            int version;
            try (PreparedStatement select = connection.prepareStatement(LOGIN)) {
                select.setString(1, ACCOUNT);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    account = row.getLong("ID");
                    version = row.getInt("VERSION");
                }
            }
            try (PreparedStatement roles = connection.prepareStatement(ROLES)) {
                roles.setLong(1, account);
                drain(roles);
            }
            try (PreparedStatement update = connection.prepareStatement(LAST_LOGIN)) {
                update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                update.setInt(2, version + 1);
                update.setLong(3, account);
                update.setInt(4, version);
                exactlyOneRow(update);
            }
            connection.commit();
        }

        /** What the platform knows of a membership once it has read it. */
        private record Seen(int version, LocalDate periodStart, LocalDate periodEnd, String agreement,
                            long organisation, String name) {
        }

        /** The membership and its organisation, outside a transaction as the platform reads them. */
        private Seen read(long id) throws SQLException {
            connection.setAutoCommit(true);
            validate();
            int version;
            LocalDate periodStart;
            LocalDate periodEnd;
            String agreement;
            long organisation;
            try (PreparedStatement select = connection.prepareStatement(MEMBERSHIP)) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    version = row.getInt("VERSION");
                    periodStart = row.getObject("period_start", LocalDate.class);
                    periodEnd = row.getObject("period_end", LocalDate.class);
                    agreement = row.getString("agreement_reference");
                    organisation = row.getLong("organisation_id");
                }
            }
            validate();
            try (PreparedStatement select = connection.prepareStatement(ORGANISATION)) {
                select.setLong(1, organisation);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return new Seen(version, periodStart, periodEnd, agreement, organisation, row.getString("NAME"));
                }
            }
        }

        /** The transition's transaction; returns the new version. */
        private int renew(long id, Seen seen) throws SQLException {
            validate();
            connection.setAutoCommit(false);
            LocalDate renewedTo = seen.periodEnd().plusDays(1).plusYears(1).minusDays(1);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            int version = seen.version() + 1;
            try (PreparedStatement update = connection.prepareStatement(RENEW)) {
                update.setObject(1, renewedTo);
                update.setObject(2, now);
                update.setInt(3, version);
                update.setLong(4, id);
                update.setInt(5, seen.version());
                exactlyOneRow(update);
            }
            String coordinator = null;
            try (PreparedStatement contacts = connection.prepareStatement(CONTACTS)) {
                contacts.setLong(1, seen.organisation());
                try (ResultSet rows = contacts.executeQuery()) {
                    while (rows.next()) {
                        if (coordinator == null && "COORDINATOR".equals(rows.getString("network_role"))) {
                            coordinator = rows.getString("EMAIL");
                        }
                    }
                }
            }
            String name = seen.name();
            String page = "http://localhost:8080/app/membership/organisation.xhtml?id=" + seen.organisation();
            try (PreparedStatement notification = connection.prepareStatement(NOTIFICATION)) {
                notification.setString(1, "[\"" + name + "\",\"\",\"" + DAY.format(renewedTo) + "\",\"" + page + "\"]");
                notification.setObject(2, now);
                notification.setString(3, "membership.renew");
                notification.setLong(4, seen.organisation());
                notification.setObject(5, null);
                exactlyOneRow(notification);
            }
            lastId();
            try (PreparedStatement mail = connection.prepareStatement(MAIL)) {
                mail.setInt(1, 0);
                mail.setString(2, "Bonjour,\n\nL'adhésion de " + name + " est renouvelée jusqu'au "
                        + DAY.format(renewedTo) + ".\n\nSuivre l'adhésion : " + page + "\n\n--\nLa 27e Région — "
                        + "secrétariat du réseau\nCe message est envoyé automatiquement ; pour répondre, "
                        + "écrivez au secrétariat.");
                mail.setObject(3, now);
                mail.setObject(4, null);
                mail.setObject(5, now);
                mail.setString(6, coordinator);
                mail.setObject(7, null);
                mail.setObject(8, null);
                mail.setString(9, "Adhésion renouvelée : " + name);
                exactlyOneRow(mail);
            }
            lastId();
            validate();
            try (Statement catalogue = connection.createStatement()) {
                catalogue.executeQuery(CATALOGUE).close();
            }
            String details = "{\"agreement\":\"" + seen.agreement() + "\",\"category\":\"ASSOCIATE\","
                    + "\"organisation\":" + seen.organisation() + ",\"periodEnd\":\"" + renewedTo
                    + "\",\"periodStart\":\"" + seen.periodStart() + "\",\"version\":" + version + "}";
            // the platform's own append, so the chain stays intact; the request id says who wrote these entries
            ChainAppend.append(connection, Clock.systemUTC(), new EntryDraft(ACCOUNT, "NETWORK_ADMIN",
                    "membership.renew", "Membership", Long.toString(id), "ACTIVE", "ACTIVE", null, details,
                    String.format(Locale.ROOT, "bench-pg-%d-%d", client, n++)));
            connection.commit();
            return version;
        }

        private void validate() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery(VALIDATE).close();
            }
        }

        private void lastId() throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery(LAST_ID).close();
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static void exactlyOneRow(PreparedStatement update) throws SQLException {
        int rows = update.executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException(rows + " rows changed, not 1: " + update);
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
                        + "%,d): %.0f ms of CPU per request on this machine (median of %d here), spent while the "
                        + "account's row is locked: at most about %.0f requests/s per account whatever the number of "
                        + "clients.%n", production, iterations, millis, nanos.length, 1000 / millis);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private HttpRequest transition(int index, String action) {
        String agreement = action.equals("ACTIVATE") ? ",\"agreement\":\"CONV-ESSAI-" + (index + 1) + "\"" : "";
        return post("memberships/" + memberships[index] + "/transitions",
                "{\"action\":\"" + action + "\",\"version\":" + versions[index] + agreement + "}", true);
    }

    private HttpRequest post(String path, String json, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authenticated) {
            request.header("Authorization", authorization);
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
        private URI base;
        private String payaraVersion = "Payara Micro";
        private String postgresVersion = "PostgreSQL";

        void start(Path checkout, Path work, int iterations) throws Exception {
            Path war = checkout.resolve("web/target/platform-web-micro.war");
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
                database = LocalDatabase.start(work.resolve("postgres/data"), 0, true);
            }
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                    LocalDatabase.PASSWORD)) {
                postgresVersion = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
            }
            int port = freePort();
            base = URI.create("http://127.0.0.1:" + port + "/");
            log = work.resolve("payara-micro.log");
            // as ops/run starts it: loopback only (preboot file + hazelcast.socket.bind.any=false), no cluster, no
            // phone-home, demo data (the secretariat account); the database as system properties (DB_URL...)
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Dplatform.demo-data=true", "-Dhazelcast.socket.bind.any=false",
                    "-Didentity.password.iterations=" + iterations,
                    "-Ddb.url=" + database.jdbcUrl(), "-Ddb.user=" + LocalDatabase.USER,
                    "-Ddb.password=" + LocalDatabase.PASSWORD, "-Ddb.migration.user=" + LocalDatabase.OWNER,
                    "-Ddb.migration.password=" + LocalDatabase.OWNER_PASSWORD,
                    "-jar", runtime.toString(), "--deploy", war.toString(), "--contextroot", "/",
                    "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                    "--rootdir", rootDir.toString(),
                    "--prebootcommandfile", checkout.resolve("ops/payara/micro-preboot.asadmin").toString());
            synchronized (this) {
                micro = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            }
            System.out.printf("Payara Micro starting (pid %d, log %s)...%n", micro.pid(), checkout.relativize(log));
            awaitReady(Duration.ofSeconds(300));
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
