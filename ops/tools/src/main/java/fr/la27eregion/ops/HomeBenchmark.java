package fr.la27eregion.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static fr.la27eregion.ops.BenchHttp.expect;
import static fr.la27eregion.ops.BenchHttp.newClient;

/**
 * The secretariat's intranet home (issue 12; not a test): the demo data plus N generated label applications (default
 * 50,000) in every state the home counts, read by the demo {@code secretariat} account at 8 concurrent clients,
 * measured in the same run as
 * <ol>
 *     <li>PostgreSQL alone: the statements one home page sends, as PostgreSQL's statement log shows them, replayed
 *     as they are over JDBC ({@link StatementReplay#verbatim}), a connection per client;</li>
 *     <li>the service: {@code GET /api/v1/home} with a personal access token per client;</li>
 *     <li>the home page {@code /app/index.xhtml} (HTML, its menu's badges included), each client logged in once
 *     through the login form.</li>
 * </ol>
 * The aim (issue 12): the page's p95 under 200 ms at 8 clients. Starts its own embedded PostgreSQL (with the
 * statement log and {@code pg_stat_statements}) and Payara Micro ({@link BenchServers#start}), and stops them.
 *
 * <p>The applications are written by SQL, not the API, so that 50,000 take seconds: projects by
 * {@link ProjectGenerator}, ten campaigns of the demo programme open now (one closing within the reminder days),
 * and per project and campaign one application whose state, assessments (assigned, overdue, recused, submitted) and
 * last message (the applicant's or the secretariat's) follow its number, as a busy year would leave them; and
 * mail: 50,000 sent, 200 failed for good.
 *
 * <p>Usage: {@code HomeBenchmark CHECKOUT [APPLICATIONS [SECONDS [CLIENTS]]]} (50,000, 20 s per measure, 8 clients).
 */
public final class HomeBenchmark {

    private static final int PROJECTS = 5_000;
    private static final String ACCOUNT = "secretariat";

    private final URI base;
    private final String jdbcUrl;
    private final long millis;
    private final int clients;

    private HomeBenchmark(URI base, String jdbcUrl, long millis, int clients) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.millis = millis;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HomeBenchmark CHECKOUT [APPLICATIONS [SECONDS [CLIENTS]]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        int applications = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.start(checkout, checkout.resolve("ops/tools/target/bench-home"), 1024);
            HomeBenchmark benchmark = new HomeBenchmark(servers.base, servers.database.jdbcUrl(), seconds * 1000,
                    clients);
            benchmark.generate(applications);
            servers.database.analyze();
            benchmark.measure(servers, applications);
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** The projects, campaigns, applications, assessments, messages and mail, in one transaction. */
    private void generate(int count) throws Exception {
        long started = System.nanoTime();
        int projects = Math.min(PROJECTS, count);
        int campaigns = (count + projects - 1) / projects;
        try (Connection connection = connect()) {
            ProjectGenerator.generate(connection, projects, 12L);
        }
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            long[] reviewers = reviewers(sql);
            long secretariat = number(sql, "SELECT id FROM account WHERE username = 'secretariat'");
            long coordinator = number(sql, "SELECT id FROM account WHERE username = 'coordinator'");
            // open now; the first closes within the reminder days, the others later
            sql.executeUpdate("INSERT INTO campaign (programme_id, grid_id, code, title_fr, title_en, opens_at, "
                    + "closes_at, jury_on, created_at, updated_at) SELECT c.programme_id, c.grid_id, "
                    + "'ACCUEIL-' || lpad(n::text, 4, '0'), 'Campagne du banc n° ' || n, "
                    + "'Benchmark campaign no. ' || n, "
                    + "now() - interval '60 days', now() + (n * 9 - 6) * interval '1 day', "
                    + "(now() + (n * 9 + 30) * interval '1 day')::date, now(), now() "
                    + "FROM (SELECT * FROM campaign ORDER BY closes_at DESC LIMIT 1) c, generate_series(1, "
                    + campaigns + ") n");
            // one application per project and campaign, its state by its number (of 20: 3 drafts, 3 submitted
            // without reviewers, 1 submitted with one, 4 in review, 1 in review with a recusal, 1 with changes
            // requested, 2 reviewed, 5 decided)
            sql.executeUpdate("INSERT INTO label_application (campaign_id, project_id, organisation_id, state, "
                    + "created_at, updated_at, changed_at, created_by, submitted_at, reviewed_at, decided_at) "
                    + "SELECT campaign_id, project_id, organisation_id, state, at, at, at, 'bench', "
                    + "CASE WHEN state <> 'DRAFT' THEN at END, CASE WHEN state IN ('REVIEWED', 'AWARDED', "
                    + "'REJECTED') THEN at END, CASE WHEN state IN ('AWARDED', 'REJECTED') THEN at END "
                    + "FROM (SELECT c.id AS campaign_id, p.id AS project_id, "
                    + "p.lead_organisation_id AS organisation_id, "
                    + "now() - (n % 60) * interval '1 day' - (n % 1440) * interval '1 minute' AS at, "
                    + "CASE WHEN n % 20 < 3 THEN 'DRAFT' WHEN n % 20 < 7 THEN 'SUBMITTED' WHEN n % 20 < 12 "
                    + "THEN 'IN_REVIEW' WHEN n % 20 = 12 THEN 'CHANGES_REQUESTED' WHEN n % 20 < 15 THEN 'REVIEWED' "
                    + "WHEN n % 20 < 18 THEN 'AWARDED' ELSE 'REJECTED' END AS state FROM (SELECT c.id, p.id AS pid, "
                    + "row_number() OVER (ORDER BY c.id, p.id) AS n FROM (SELECT id FROM campaign WHERE code LIKE "
                    + "'ACCUEIL-%') c CROSS JOIN (SELECT id FROM project ORDER BY id DESC LIMIT " + projects
                    + ") p) x JOIN campaign c ON c.id = x.id JOIN project p ON p.id = x.pid ORDER BY n LIMIT "
                    + count + ") a");
            String generated = "SELECT a.id, a.state, row_number() OVER (ORDER BY a.id) AS n FROM label_application "
                    + "a JOIN campaign c ON c.id = a.campaign_id WHERE c.code LIKE 'ACCUEIL-%'";
            // assessments: one assigned for the submitted with a reviewer (n % 20 = 6), two for those in review (a
            // third of them overdue; n % 20 = 11: the second recused), two submitted for the reviewed and decided
            for (int r = 0; r < 2; r++) {
                sql.executeUpdate("INSERT INTO assessment (application_id, reviewer_account_id, state, due_on, "
                        + "assigned_at, changed_at, submitted_at, weighted_total) SELECT g.id, " + reviewers[r] + ", "
                        + "CASE WHEN g.state IN ('REVIEWED', 'AWARDED', 'REJECTED') THEN 'SUBMITTED' "
                        + "WHEN " + r + " = 1 AND g.n % 20 = 11 THEN 'RECUSED' ELSE 'ASSIGNED' END, "
                        + "current_date + (CASE WHEN g.n % 3 = 0 THEN -5 ELSE 15 END), now(), now(), "
                        + "CASE WHEN g.state IN ('REVIEWED', 'AWARDED', 'REJECTED') THEN now() END, "
                        + "CASE WHEN g.state IN ('REVIEWED', 'AWARDED', 'REJECTED') THEN 50 + g.n % 50 END "
                        + "FROM (" + generated + ") g WHERE g.state IN ('IN_REVIEW', 'REVIEWED', 'AWARDED', "
                        + "'REJECTED') OR (" + r + " = 0 AND g.state = 'SUBMITTED' AND g.n % 20 = 6)");
            }
            // a conversation in one application of ten: the applicant spoke last in half of them
            sql.executeUpdate("INSERT INTO application_message (application_id, author_account_id, author_side, "
                    + "body, sent_at) SELECT g.id, CASE WHEN g.n % 20 = 5 THEN " + coordinator + " ELSE " + secretariat
                    + " END, CASE WHEN g.n % 20 = 5 THEN 'APPLICANT' ELSE 'SECRETARIAT' END, 'Message du banc.', "
                    + "now() - (g.n % 30) * interval '1 hour' - g.n * interval '1 second' FROM (" + generated
                    + ") g WHERE g.n % 10 = 5");
            sql.executeUpdate("INSERT INTO outgoing_mail (recipient, subject, body, created_at, attempts, "
                    + "next_attempt_at, sent_at, last_error) SELECT 'banc-' || n || '@example.org', 'Courriel du banc "
                    + "n° ' || n, 'Corps.', now() - n * interval '1 minute', CASE WHEN n <= 200 THEN 10 ELSE 1 END, "
                    + "now(), CASE WHEN n > 200 THEN now() END, CASE WHEN n <= 200 THEN 'Connection refused' END "
                    + "FROM generate_series(1, 50200) n");
            connection.commit();
        }
        System.out.printf(Locale.ROOT, "%,d label applications generated (%d projects, %d campaigns), with their "
                + "assessments, messages and 50,200 mails, by SQL in %.1f s%n", count, projects, campaigns,
                (System.nanoTime() - started) / 1e9);
        try (Connection connection = connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT state, count(*) FROM label_application GROUP BY state "
                     + "ORDER BY state")) {
            StringBuilder states = new StringBuilder("  by state:");
            while (rows.next()) {
                states.append(String.format(Locale.ROOT, " %s %,d", rows.getString(1), rows.getLong(2)));
            }
            System.out.println(states);
        }
    }

    /** Two reviewer accounts of the demo data. */
    private static long[] reviewers(Statement sql) throws java.sql.SQLException {
        List<Long> found = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT a.id FROM account a JOIN account_role r ON r.account_id = a.id"
                + " AND r.role = 'REVIEWER' ORDER BY a.id LIMIT 2")) {
            while (rows.next()) {
                found.add(rows.getLong(1));
            }
        }
        if (found.size() < 2) {
            throw new IllegalStateException("Two reviewer accounts are needed (the demo data has them)");
        }
        return new long[] {found.get(0), found.get(1)};
    }

    private void measure(BenchServers servers, int applications) throws Exception {
        URI page = base.resolve("app/index.xhtml");
        URI api = base.resolve("api/v1/");
        String[] bearers = servers.tokens(ACCOUNT, clients);
        // the home lists what waits: the secretariat's sections, each kind with its count
        String expected = "waiting-NETWORK_ADMIN-APPLICATIONS_SUBMITTED";
        // each client's session opened before the runs: a login is not what is measured
        HttpClient[] sessions = new HttpClient[clients];
        for (int c = 0; c < clients; c++) {
            sessions[c] = BenchHttp.loggedIn(base, ACCOUNT);
        }
        BenchLoad.Workers pageClient = client -> () -> BenchHttp.getPage(sessions[client], page, expected);
        BenchLoad.Workers apiClient = client -> {
            HttpClient http = newClient();
            return () -> expect(200, http, BenchHttp.get(api, "home", bearers[client]));
        };
        System.out.printf("Warming up (%d s each)...%n", Math.max(5, millis / 1000));
        BenchLoad.run(clients, pageClient, Math.max(10_000, millis));
        BenchLoad.run(clients, apiClient, Math.max(5000, millis / 2));
        BenchLoad.Workers alone = StatementReplay.verbatim(servers, "home page", () -> {
            BenchHttp.getPage(sessions[0], page, expected);
            return 0;
        });
        System.out.println("Measuring...");
        BenchLoad.Measured sqlRun = BenchLoad.measured(servers, clients, alone, millis);
        BenchLoad.Measured apiRun = BenchLoad.measured(servers, clients, apiClient, millis);
        BenchLoad.Measured pageRun = BenchLoad.measured(servers, clients, pageClient, millis);

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nSecretariat home benchmark: the demo data and %,d generated label "
                        + "applications, %d concurrent clients, %d s per measure%n%s%n%n", applications, clients,
                millis / 1000, servers.describe()));
        table.append("| measure | requests/s | p50 ms | p95 ms | CPU ms per request: Payara, PG, client, all "
                + "| statements |\n|---|---:|---:|---:|---|---:|\n");
        row(table, "PostgreSQL alone: the home page's statements replayed, JDBC", sqlRun);
        row(table, "service: GET /api/v1/home (JSON, token)", apiRun);
        row(table, "home page app/index.xhtml (HTML, badges included)", pageRun);
        table.append(String.format(Locale.ROOT, "%npage / PostgreSQL alone: p50 %.2f, p95 %.2f, requests/s %.2f; "
                        + "page p95 %s the aim of 200 ms%n", pageRun.run().percentile(50)
                        / sqlRun.run().percentile(50), pageRun.run().percentile(95) / sqlRun.run().percentile(95),
                pageRun.run().perSecond() / sqlRun.run().perSecond(),
                pageRun.run().percentile(95) < 200 ? "meets" : "misses"));
        table.append(String.format("%nStatements per home page (pg_stat_statements):%n%s",
                pageRun.statements().breakdown(pageRun.run().total())));
        System.out.println(table);
    }

    private static void row(StringBuilder table, String what, BenchLoad.Measured measured) {
        BenchLoad.Run run = measured.run();
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %.1f |%n", what, run.perSecond(),
                run.percentile(50), run.percentile(95), measured.cpu().trim().replaceAll("\\s+", ", "),
                measured.statementsPerOperation()));
    }

    private static long number(Statement sql, String query) throws java.sql.SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            if (!rows.next()) {
                throw new IllegalStateException("Nothing for " + query + " (start with the demo data)");
            }
            return rows.getLong(1);
        }
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl, LocalDatabase.USER, LocalDatabase.PASSWORD);
    }
}
