package fr.la27eregion.ops;

import fr.la27eregion.label.control.JuryRankingSql;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jury page's benchmark (issue 11; not a test): a campaign of N reviewed applications (generated in SQL: the
 * projects by {@link ProjectGenerator}, then per application two submitted assessments with a score per criterion of
 * the demo programme's six, totals as the server computes them), read by the campaign's jury chair at 8 concurrent
 * clients, measured in the same run as
 * <ol>
 *     <li>PostgreSQL alone: the ranking's very statements ({@link JuryRankingSql}), over JDBC, a connection per
 *     client;</li>
 *     <li>the service: {@code GET /api/v1/campaigns/{id}/jury} (the whole ranking as JSON), and inside the server the
 *     boundary's timer ({@code labels_jury_ranking_seconds} in {@code /metrics});</li>
 *     <li>the jury page {@code /app/labels/jury.xhtml?campaign=} (HTML, its first 50 rows), each client logged in
 *     once through the login form as the demo {@code jury} account (its session then serves the page and the
 *     API).</li>
 * </ol>
 * Starts its own embedded PostgreSQL and Payara Micro (demo data on) as {@link ProjectBenchmark} does
 * ({@link BenchServers#startForReads}), and stops them.
 *
 * <p>Usage: {@code JuryBenchmark CHECKOUT [APPLICATIONS [SECONDS [CLIENTS]]]} (500, 20 s per measure, 8 clients).
 */
public final class JuryBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String jdbcUrl;
    private final long millis;
    private final int clients;
    private long campaignId;

    private JuryBenchmark(URI base, String jdbcUrl, long millis, int clients) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.millis = millis;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JuryBenchmark CHECKOUT [APPLICATIONS [SECONDS [CLIENTS]]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        int applications = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.startForReads(checkout, checkout.resolve("ops/tools/target/bench-jury"));
            JuryBenchmark benchmark = new JuryBenchmark(servers.base, servers.database.jdbcUrl(), seconds * 1000,
                    clients);
            benchmark.generate(applications);
            servers.database.analyze();
            benchmark.measure(servers, applications);
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** The campaign, its projects and reviewed applications with two assessments each, in one transaction. */
    private void generate(int applications) throws Exception {
        demoDecisions();
        long started = System.nanoTime();
        try (Connection connection = connect()) {
            ProjectGenerator.generate(connection, applications, 11L);
        }
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            long programme = number(connection, "SELECT id FROM label_programme WHERE code = 'INNOVATION-PUBLIQUE'");
            long grid = number(connection, "SELECT id FROM scoring_grid WHERE programme_id = " + programme
                    + " ORDER BY grid_version DESC LIMIT 1");
            long chair = number(connection, "SELECT id FROM account WHERE username = 'jury'");
            List<Long> reviewers = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT a.id FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = 'REVIEWER'"
                            + " ORDER BY a.id LIMIT 2")) {
                while (rows.next()) {
                    reviewers.add(rows.getLong(1));
                }
            }
            if (reviewers.size() < 2) {
                throw new IllegalStateException("Two reviewer accounts are needed (the demo data has them)");
            }
            List<long[]> criteria = new ArrayList<>();
            double weights = 0;
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT id, weight * 100, max_score FROM scoring_criterion WHERE grid_id = " + grid
                            + " ORDER BY position")) {
                while (rows.next()) {
                    criteria.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)});
                    weights += rows.getLong(2) * rows.getLong(3);
                }
            }
            campaignId = number(connection, "INSERT INTO campaign (programme_id, grid_id, code, title_fr, title_en,"
                    + " opens_at, closes_at, jury_on, jury_chair_account_id, created_at, updated_at) VALUES (" + programme
                    + ", " + grid + ", 'BENCH-JURY-" + System.currentTimeMillis() % 100000 + "', 'Campagne du banc',"
                    + " 'Benchmark campaign', now() - interval '90 days', now() - interval '30 days', current_date, "
                    + chair + ", now(), now()) RETURNING id");
            SplittableRandom random = new SplittableRandom(27);
            try (PreparedStatement application = connection.prepareStatement("INSERT INTO label_application"
                    + " (campaign_id, project_id, organisation_id, state, created_at, updated_at, changed_at,"
                    + " submitted_at, reviewed_at, weighted_total) SELECT ?, p.id, p.lead_organisation_id, 'REVIEWED',"
                    + " now(), now(), now(), now(), now(), ? FROM project p WHERE p.id = ? RETURNING id");
                 PreparedStatement assessment = connection.prepareStatement("INSERT INTO assessment (application_id,"
                         + " reviewer_account_id, state, due_on, comments, weighted_total, assigned_at, changed_at,"
                         + " submitted_at) VALUES (?, ?, 'SUBMITTED', current_date, 'Avis du banc.', ?, now(), now(),"
                         + " now()) RETURNING id");
                 PreparedStatement score = connection.prepareStatement("INSERT INTO assessment_score"
                         + " (assessment_id, criterion_id, score) VALUES (?, ?, ?)");
                 Statement projects = connection.createStatement();
                 ResultSet ids = projects.executeQuery("SELECT id FROM project ORDER BY id DESC LIMIT "
                         + applications)) {
                List<Long> projectIds = new ArrayList<>();
                while (ids.next()) {
                    projectIds.add(ids.getLong(1));
                }
                for (long project : projectIds) {
                    int[][] given = new int[2][criteria.size()];
                    double[] totals = new double[2];
                    for (int r = 0; r < 2; r++) {
                        double sum = 0;
                        for (int c = 0; c < criteria.size(); c++) {
                            given[r][c] = random.nextInt((int) criteria.get(c)[2] + 1);
                            sum += given[r][c] * criteria.get(c)[1];
                        }
                        totals[r] = Math.round(sum / weights * 100 * 100) / 100.0;
                    }
                    application.setLong(1, campaignId);
                    application.setBigDecimal(2, java.math.BigDecimal.valueOf((totals[0] + totals[1]) / 2)
                            .setScale(2, java.math.RoundingMode.HALF_UP));
                    application.setLong(3, project);
                    long applicationId;
                    try (ResultSet row = application.executeQuery()) {
                        row.next();
                        applicationId = row.getLong(1);
                    }
                    for (int r = 0; r < 2; r++) {
                        assessment.setLong(1, applicationId);
                        assessment.setLong(2, reviewers.get(r));
                        assessment.setBigDecimal(3, java.math.BigDecimal.valueOf(totals[r]));
                        long assessmentId;
                        try (ResultSet row = assessment.executeQuery()) {
                            row.next();
                            assessmentId = row.getLong(1);
                        }
                        for (int c = 0; c < criteria.size(); c++) {
                            score.setLong(1, assessmentId);
                            score.setLong(2, criteria.get(c)[0]);
                            score.setInt(3, given[r][c]);
                            score.addBatch();
                        }
                    }
                }
                score.executeBatch();
            }
            connection.commit();
        }
        System.out.printf(Locale.ROOT, "Campaign %d: %,d reviewed applications with 2 assessments each, made in %.0f s%n",
                campaignId, applications, (System.nanoTime() - started) / 1e9);
    }

    /**
     * What the demo data decided (the server started with it): the demo programme's applications and labels by
     * campaign and state, printed; a run whose demo has no expired or renewed label stops here.
     */
    private void demoDecisions() throws Exception {
        StringBuilder found = new StringBuilder("Demo data, decided campaigns:\n");
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.code, a.state, l.certificate_number, l.state,"
                     + " l.awarded_on, l.valid_until FROM label_application a JOIN campaign c ON c.id = a.campaign_id"
                     + " JOIN label_programme p ON p.id = c.programme_id LEFT JOIN label l ON l.application_id = a.id"
                     + " WHERE p.code = 'INNOVATION-PUBLIQUE' AND a.state IN ('AWARDED', 'REJECTED')"
                     + " ORDER BY c.code, a.id")) {
            while (rows.next()) {
                found.append(String.format(Locale.ROOT, "  %s %-8s %s %s %s %s%n", rows.getString(1),
                        rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6)));
            }
        }
        System.out.print(found);
        if (!found.toString().contains(" EXPIRED ") || !found.toString().contains(" RENEWED ")) {
            throw new IllegalStateException("The demo data has no expired or no renewed label");
        }
    }

    private void measure(BenchServers servers, int applications) throws Exception {
        URI api = base.resolve("api/v1/campaigns/" + campaignId + "/jury");
        URI page = base.resolve("app/labels/jury.xhtml?campaign=" + campaignId);
        BenchLoad.Workers sql = client -> {
            Connection connection = connect();
            return new BenchLoad.Worker() {
                @Override
                public void once() throws Exception {
                    if (JuryRankingSql.rank(connection, campaignId).size() != applications) {
                        throw new IllegalStateException("The ranking misses applications");
                    }
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        };
        BenchLoad.Workers apiClient = client -> {
            HttpClient http = BenchHttp.loggedIn(base, "jury");
            return () -> BenchHttp.getPage(http, api, "\"applicationId\"");
        };
        BenchLoad.Workers pageClient = client -> {
            HttpClient http = BenchHttp.loggedIn(base, "jury");
            return () -> BenchHttp.getPage(http, page, "jury-decide");
        };
        System.out.printf("Warming up (%d s each)...%n", Math.max(5, millis / 2000));
        for (BenchLoad.Workers workers : List.of(sql, apiClient, pageClient)) {
            BenchLoad.run(clients, workers, Math.max(5000, millis / 2));
        }
        System.out.println("Measuring...");
        BenchLoad.Run sqlRun = BenchLoad.run(clients, sql, millis);
        HttpClient probe = HttpClient.newHttpClient();
        double[] before = timer(probe);
        BenchLoad.Run apiRun = BenchLoad.run(clients, apiClient, millis);
        double[] after = timer(probe);
        BenchLoad.Run pageRun = BenchLoad.run(clients, pageClient, millis);
        double boundaryMean = (after[1] - before[1]) / Math.max(1, after[0] - before[0]) * 1000;

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nJury benchmark: a campaign of %,d reviewed applications (2 "
                        + "assessments of 6 criteria each), %d concurrent clients, %d s per measure%n%s%n%n",
                applications, clients, millis / 1000, servers.describe()));
        table.append("| measure | requests/s | p50 ms | p95 ms |\n|---|---:|---:|---:|\n");
        row(table, "PostgreSQL alone: the ranking's SQL (2 statements), JDBC", sqlRun);
        row(table, "service: GET /api/v1/campaigns/{id}/jury (JSON, whole ranking)", apiRun);
        table.append(String.format(Locale.ROOT, "| service: inside the boundary (Juries.ranking, /metrics) "
                + "| %.1f | mean %.1f | |%n", (after[0] - before[0]) / (millis / 1000.0), boundaryMean));
        row(table, "jury page app/labels/jury.xhtml (HTML, first 50 rows)", pageRun);
        table.append(String.format(Locale.ROOT, "%npage / SQL: p50 %.2f, p95 %.2f; API / SQL: p95 %.2f; page p95 "
                        + "%s the aim of 300 ms%n", pageRun.percentile(50) / sqlRun.percentile(50),
                pageRun.percentile(95) / sqlRun.percentile(95), apiRun.percentile(95) / sqlRun.percentile(95),
                pageRun.percentile(95) < 300 ? "meets" : "misses"));
        System.out.println(table);
    }

    /** The boundary's timer: how many rankings, how many seconds in all. */
    private double[] timer(HttpClient http) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("metrics")).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new double[] {metric(metrics, "labels_jury_ranking_seconds_count"),
                metric(metrics, "labels_jury_ranking_seconds_sum")};
    }

    private static double metric(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        if (!line.find()) {
            throw new IllegalStateException("No " + name + " in /metrics");
        }
        return Double.parseDouble(line.group(1));
    }

    private static void row(StringBuilder table, String what, BenchLoad.Run run) {
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", what, run.perSecond(),
                run.percentile(50), run.percentile(95)));
    }

    private static long number(Connection connection, String sql) throws java.sql.SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl, LocalDatabase.USER, LocalDatabase.PASSWORD);
    }
}
