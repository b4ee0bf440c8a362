package fr.la27eregion.ops;

import static fr.la27eregion.ops.BenchHttp.expect;
import static fr.la27eregion.ops.BenchHttp.newClient;
import static fr.la27eregion.ops.BenchHttp.version;

import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.membership.entity.Siret;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The replay's records: the memberships, by the platform's and the replay's name for them. */
    private static final StatementReplay.Target TARGET = new StatementReplay.Target("membership",
            java.util.Set.of("membership"), "Membership");

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
        try (BenchServers servers = new BenchServers()) {
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

    private void transitions(BenchServers servers, int iterations) throws Exception {
        String[] bearers = servers.tokens(ACCOUNT, CLIENTS[CLIENTS.length - 1]);
        warmUp(servers, bearers);
        List<String> withTokens = new ArrayList<>();
        HttpClient capturing = newClient();
        StatementReplay replay = StatementReplay.capture(servers, TARGET, "RENEW", () -> {
            versions[0] = version(expect(200, capturing, transition(0, "RENEW")));
            return memberships[0];
        });
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
            BenchLoad.Measured renew = BenchLoad.measured(servers, clients, c -> new ApiClient(http[c], c, clients, true), millisPerRun);
            Timings during = timings().since(before);
            if (breakdown == null) {
                breakdown = renew.statements().breakdown(renew.run().total());
            }
            BenchLoad.Measured read = BenchLoad.measured(servers, clients, c -> new ApiClient(http[c], c, clients, false), millisPerRun);
            BenchLoad.Measured alone = BenchLoad.measured(servers, clients, c -> replay.client(c, new Share(c, clients)::next, records), millisPerRun);
            // the same, each client with its own personal access token instead of the account's password
            if (bearers != null) {
                BenchLoad.Measured tokenRenew = BenchLoad.measured(servers, clients,
                        c -> new ApiClient(http[c], c, clients, true, bearers[c]), millisPerRun);
                BenchLoad.Measured tokenRead = BenchLoad.measured(servers, clients,
                        c -> new ApiClient(http[c], c, clients, false, bearers[c]), millisPerRun);
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
                + "COMMIT)%n", BenchServers.Cpu.MILLIS_PER_TICK);
        System.out.printf("%-8s %-30s   %-30s   %-30s   %11s%n", "clients", "transition: Payara PG client all",
                "read: Payara PG client all", "PostgreSQL alone: - PG client all", "statements");
        costs.forEach(System.out::println);
        System.out.println("  statements: per transition through the platform, then per replayed transition "
                + "(PostgreSQL alone)");
        System.out.printf("%nStatements per transition through the platform, 1 client (pg_stat_statements):%n%s",
                breakdown);
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
                .timeout(BenchHttp.REQUEST_TIMEOUT).GET().build()).body();
        return new Timings(BenchHttp.metric(metrics, "api_memberships_transition_seconds_count"),
                BenchHttp.metric(metrics, "api_memberships_transition_seconds_sum"),
                BenchHttp.metric(metrics, "journal_append_seconds_count"), BenchHttp.metric(metrics, "journal_append_seconds_sum"));
    }

    /**
     * Transitions then reads with all clients, not counted, until the JIT has compiled the server's path
     * ({@link BenchLoad#warmUp}). With tokens (when the build has them) rather than HTTP Basic: at the production
     * PBKDF2 count Basic runs some 20 requests/s, far too few for the JIT, and the token rates measured after such a
     * warm-up were half of what the same server reaches once warm. The path behind the authentication is the same.
     */
    private void warmUp(BenchServers servers, String[] bearers) throws Exception {
        int clients = CLIENTS[CLIENTS.length - 1];
        HttpClient http = newClient();
        BenchLoad.warmUp(servers, "transitions", clients, c -> bearers == null
                ? new ApiClient(http, c, clients, true) : new ApiClient(http, c, clients, true, bearers[c]), 6);
        BenchLoad.warmUp(servers, "reads", clients, c -> bearers == null
                ? new ApiClient(http, c, clients, false) : new ApiClient(http, c, clients, false, bearers[c]), 2);
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

    /** The memberships as the replay reads them: ids, and the versions its updates leave. */
    private final StatementReplay.Records records = new StatementReplay.Records() {
        @Override
        public long id(int index) {
            return memberships[index];
        }

        @Override
        public void seen(int index, int version) {
            versions[index] = version;
        }
    };

    /** A client of the API on its share of the memberships: RENEW with the version it last saw, or a GET. */
    private final class ApiClient implements BenchLoad.Worker {
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
                    : BenchHttp.get(api, "memberships/" + memberships[index], credentials);
            versions[index] = version(expect(200, http, request));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // After: the journal, and what the production password hashing would have cost

    private void verifyJournal() throws IOException, InterruptedException {
        BenchHttp.verifyJournal(api, authorization);
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
        return BenchHttp.post(api, path, json, credentials);
    }
}
