package fr.la27eregion.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.la27eregion.ops.BenchHttp.expect;
import static fr.la27eregion.ops.BenchHttp.newClient;

/**
 * Measures the label applications' workflow (issue 11) through the deployed platform at scale: {@code
 * REQUEST_CHANGES} (SUBMITTED → CHANGES_REQUESTED, with a reason) through {@code POST
 * /api/v1/label-applications/{id}/transitions} as the secretariat, with personal access tokens, on a database of
 * N generated applications (default 80,000), against two baselines measured in the same run on the same servers:
 * <ul>
 *   <li><b>reads</b>: {@code GET /api/v1/label-applications/{id}} by the same clients with the same tokens;</li>
 *   <li><b>PostgreSQL alone</b>: the statements one such request sends (the application read and locked by its
 *       version, its update, the applicant's notification and mails in the outbox, the journal's head locked and
 *       its entry appended), captured from PostgreSQL's statement log and replayed over JDBC on other applications
 *       ({@link StatementReplay}).</li>
 * </ul>
 * with 1, 4 and 8 concurrent clients. Each transition takes an application no one touched yet (the step leaves
 * SUBMITTED for good), so no two requests race for a row and every version is the one generated.
 *
 * <p>The applications are written by SQL, not the API, so that 50,000 take seconds: projects by
 * {@link ProjectGenerator} (spread over the demo organisations), campaigns of the demo programme (its open
 * campaign's frozen grid), one SUBMITTED application per project and campaign. They have no journal entries of
 * their own before the benchmark (the journal still verifies: its chain is about its entries, not the rows).
 *
 * <p>Usage: {@code LabelTransitionBenchmark CHECKOUT [SECONDS_PER_RUN [APPLICATIONS]]} (defaults 10 and 80,000).
 */
public final class LabelTransitionBenchmark {

    private static final int[] CLIENTS = {1, 4, 8};
    private static final String ACCOUNT = "secretariat";
    private static final int PROJECTS = 5_000;
    private static final String REASON = "Merci de préciser comment l'impact sera évalué (banc d'essai).";
    private static final StatementReplay.Target TARGET = new StatementReplay.Target("label_application",
            Set.of("label_application", "application"), "LabelApplication");

    private final URI api;
    private final long millisPerRun;
    /** The generated applications, SUBMITTED, version 0, in the order the clients take them. */
    private long[] applications;
    /** The next application no request has taken yet. */
    private final AtomicInteger fresh = new AtomicInteger();

    private LabelTransitionBenchmark(URI base, long millisPerRun) {
        this.api = base.resolve("api/v1/");
        this.millisPerRun = millisPerRun;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LabelTransitionBenchmark CHECKOUT [SECONDS_PER_RUN [APPLICATIONS]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 80_000;
        Path work = checkout.resolve("ops/tools/target/bench-label-transitions");
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.start(checkout, work, 1024);
            LabelTransitionBenchmark benchmark = new LabelTransitionBenchmark(servers.base, seconds * 1000);
            benchmark.generate(servers.database, count);
            servers.database.analyze();
            benchmark.measure(servers);
            benchmark.verifyJournal(servers);
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The applications

    private void generate(LocalDatabase database, int count) throws Exception {
        long started = System.nanoTime();
        int projects = Math.min(PROJECTS, count);
        int campaigns = (count + projects - 1) / projects;
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                LocalDatabase.PASSWORD)) {
            ProjectGenerator.generate(connection, projects, 11L);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // campaigns of the demo programme, open now, each with the grid its open campaign froze
                int made = statement.executeUpdate("INSERT INTO campaign (programme_id, grid_id, code, title_fr, "
                        + "title_en, opens_at, closes_at, jury_on, created_at, updated_at) "
                        + "SELECT c.programme_id, c.grid_id, 'BANC-' || lpad(n::text, 4, '0'), "
                        + "'Banc d''essai n° ' || n, 'Benchmark no. ' || n, now() - interval '30 days', "
                        + "now() + interval '60 days', (now() + interval '90 days')::date, now(), now() "
                        + "FROM (SELECT * FROM campaign ORDER BY closes_at DESC LIMIT 1) c, "
                        + "generate_series(1, " + campaigns + ") n");
                if (made != campaigns) {
                    throw new IllegalStateException("No demo campaign to copy: start with the demo data");
                }
                // the newest projects (the generated ones) in every benchmark campaign, as many as asked for
                statement.executeUpdate("INSERT INTO label_application (campaign_id, project_id, organisation_id, "
                        + "state, created_at, updated_at, changed_at, created_by, submitted_at) "
                        + "SELECT c.id, p.id, p.lead_organisation_id, 'SUBMITTED', now(), now(), now(), 'bench', now() "
                        + "FROM (SELECT id FROM campaign WHERE code LIKE 'BANC-%') c "
                        + "CROSS JOIN (SELECT id, lead_organisation_id FROM project ORDER BY id DESC LIMIT "
                        + projects + ") p ORDER BY c.id, p.id LIMIT " + count);
            }
            connection.commit();
            List<Long> ids = new ArrayList<>(count);
            try (PreparedStatement select = connection.prepareStatement("SELECT a.id FROM label_application a "
                    + "JOIN campaign c ON c.id = a.campaign_id WHERE c.code LIKE 'BANC-%' ORDER BY random()");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            connection.commit();
            applications = ids.stream().mapToLong(Long::longValue).toArray();
        }
        System.out.printf(Locale.ROOT, "%,d label applications SUBMITTED (%d projects generated, %d campaigns) written "
                + "by SQL in %.1f s%n", applications.length, projects, campaigns, (System.nanoTime() - started) / 1e9);
    }

    /** The next application no one has moved: each transition takes one for good. */
    private int takeFresh() {
        int index = fresh.getAndIncrement();
        if (index >= applications.length) {
            throw new IllegalStateException("All " + applications.length + " applications were moved: generate more "
                    + "(third argument) or measure shorter runs");
        }
        return index;
    }

    /** The replay's view of the applications: their ids; the versions it leaves are of no further use. */
    private final StatementReplay.Records records = new StatementReplay.Records() {
        @Override
        public long id(int index) {
            return applications[index];
        }

        @Override
        public void seen(int index, int version) {
            // each application is moved once: its new version is never sent again
        }
    };

    // ---------------------------------------------------------------------------------------------------------------
    // Measurement

    private void measure(BenchServers servers) throws Exception {
        int most = CLIENTS[CLIENTS.length - 1];
        String[] bearers = servers.tokens(ACCOUNT, most);
        if (bearers == null) {
            throw new IllegalStateException("This build has no personal access tokens");
        }
        warmUp(servers, bearers);
        HttpClient capturing = newClient();
        StatementReplay replay = StatementReplay.capture(servers, TARGET, "REQUEST_CHANGES", () -> {
            int index = takeFresh();
            expect(200, capturing, transition(index, bearers[0]));
            return applications[index];
        });
        System.out.printf(Locale.ROOT, "%nLabel application transitions per second (REQUEST_CHANGES through the API, "
                        + "personal access tokens of the %s account, one per client; %d s per run; %,d applications; "
                        + "%s; HTTP/1.1 keep-alive, one connection per client)%n", ACCOUNT, millisPerRun / 1000,
                applications.length, servers.describe());
        System.out.printf("%-8s %13s %8s %13s %18s %23s %7s %7s %11s%n", "clients", "transitions/s", "reads/s",
                "PostgreSQL/s", "transitions/reads", "transitions/PostgreSQL", "p50 ms", "p95 ms", "journal ms");
        List<String> costs = new ArrayList<>();
        String breakdown = null;
        for (int clients : CLIENTS) {
            HttpClient[] http = new HttpClient[clients];
            for (int c = 0; c < clients; c++) {
                http[c] = newClient();
            }
            double[] journalBefore = journal();
            BenchLoad.Measured moved = BenchLoad.measured(servers, clients,
                    c -> new ApiClient(http[c], bearers[c], true, c, clients), millisPerRun);
            double[] journalAfter = journal();
            if (breakdown == null) {
                breakdown = moved.statements().breakdown(moved.run().total());
            }
            BenchLoad.Measured read = BenchLoad.measured(servers, clients,
                    c -> new ApiClient(http[c], bearers[c], false, c, clients), millisPerRun);
            BenchLoad.Measured alone = BenchLoad.measured(servers, clients,
                    c -> replay.client(c, this::takeFresh, records), millisPerRun);
            double journalMillis = (journalAfter[1] - journalBefore[1]) / Math.max(1, journalAfter[0]
                    - journalBefore[0]) * 1000;
            System.out.printf(Locale.ROOT, "%-8d %13.0f %8.0f %13.0f %18.2f %23.2f %7.1f %7.1f %11.1f%n", clients,
                    moved.run().perSecond(), read.run().perSecond(), alone.run().perSecond(),
                    moved.run().perSecond() / read.run().perSecond(),
                    moved.run().perSecond() / alone.run().perSecond(), moved.run().percentile(50),
                    moved.run().percentile(95), journalMillis);
            costs.add(String.format(Locale.ROOT, "%-8d %s   %s   %s   %5.1f %5.1f   %3.0f %% %3.0f %%", clients,
                    moved.cpu(), read.cpu(), alone.cpu(), moved.statementsPerOperation(),
                    alone.statementsPerOperation(), 100 * moved.jitShare(), 100 * read.jitShare()));
        }
        System.out.println("  p50, p95: a transition as its client saw it; journal: mean time in the journal's append, "
                + "the wait for the chain head included (/metrics, during the transitions' run)");
        System.out.printf(Locale.ROOT, "%nCPU per operation in ms (/proc utime+stime, clock ticks of %d ms) by "
                + "process: Payara Micro, PostgreSQL (all its processes), the benchmark's client JVM, in all;%n"
                + "statements per operation (pg_stat_statements, the application role's)%n",
                BenchServers.Cpu.MILLIS_PER_TICK);
        System.out.printf("%-8s %-30s   %-30s   %-30s   %11s   %s%n", "clients", "transition: Payara PG client all",
                "read: Payara PG client all", "PostgreSQL alone: - PG client all", "statements",
                "JIT's share of Payara's CPU: transition, read");
        costs.forEach(System.out::println);
        System.out.printf("%nStatements per transition through the platform, 1 client (pg_stat_statements):%n%s",
                breakdown);
        System.out.printf(Locale.ROOT, "%n%,d of the %,d applications moved in all (warm-up, capture, runs)%n",
                Math.min(fresh.get(), applications.length), applications.length);
    }

    /** The journal's appends so far: how many, and how many seconds in all (from /metrics). */
    private double[] journal() throws Exception {
        String metrics = expect(200, newClient(), HttpRequest.newBuilder(api.resolve("/metrics"))
                .timeout(BenchHttp.REQUEST_TIMEOUT).GET().build()).body();
        return new double[] {BenchHttp.metric(metrics, "journal_append_seconds_count"),
            BenchHttp.metric(metrics, "journal_append_seconds_sum")};
    }

    /** Transitions, then reads, at 8 clients, not counted, until the server's path is compiled. */
    private void warmUp(BenchServers servers, String[] bearers) throws Exception {
        int clients = CLIENTS[CLIENTS.length - 1];
        HttpClient http = newClient();
        BenchLoad.warmUp(servers, "transitions", clients, c -> new ApiClient(http, bearers[c], true, c, clients), 6);
        BenchLoad.warmUp(servers, "reads", clients, c -> new ApiClient(http, bearers[c], false, c, clients), 2);
    }

    /**
     * A client of the API: a transition on an application no one moved yet, or a GET of one of those already moved
     * (every client reads its own share of them, in turn).
     */
    private final class ApiClient implements BenchLoad.Worker {
        private final HttpClient http;
        private final String credentials;
        private final boolean transition;
        private int read;

        ApiClient(HttpClient http, String credentials, boolean transition, int client, int clients) {
            this.http = http;
            this.credentials = credentials;
            this.transition = transition;
            this.read = client;
        }

        @Override
        public void once() throws Exception {
            if (transition) {
                expect(200, http, transition(takeFresh(), credentials));
            } else {
                int index = read % applications.length;
                read += CLIENTS[CLIENTS.length - 1];
                expect(200, http, BenchHttp.get(api, "label-applications/" + applications[index], credentials));
            }
        }
    }

    private HttpRequest transition(int index, String credentials) {
        return BenchHttp.post(api, "label-applications/" + applications[index] + "/transitions",
                "{\"action\":\"REQUEST_CHANGES\",\"version\":0,\"reason\":\"" + REASON + "\"}", credentials);
    }

    private void verifyJournal(BenchServers servers) throws Exception {
        BenchHttp.verifyJournal(api, servers.tokens(ACCOUNT, 1)[0]);
    }
}
