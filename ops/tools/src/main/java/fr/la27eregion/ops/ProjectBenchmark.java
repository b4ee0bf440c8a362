package fr.la27eregion.ops;

import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectResults;
import fr.la27eregion.project.control.ProjectScope;
import fr.la27eregion.project.control.ProjectSearchSql;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project search's benchmark (issue 10; not a test): with N generated projects ({@link ProjectGenerator}), a
 * search for a common word by anonymous visitors at 16 concurrent clients, measured four ways in the same run:
 * <ol>
 *     <li>PostgreSQL alone: the very statements of the search ({@link ProjectSearchSql}: the ranked page with its
 *     snippets, and the count), over JDBC, one connection per client;</li>
 *     <li>the service: {@code GET /api/v1/projects?q=} (HTTP, the boundary and the JSON), and inside the server the
 *     boundary's own timer ({@code projects.search} in {@code /metrics}: its mean over the run, from the difference
 *     of its sum and count before and after);</li>
 *     <li>the whole public search page ({@code /public/projets.xhtml?q=}, HTML);</li>
 *     <li>a public project page ({@code /public/projets/{id}-{slug}}, with its similar projects), random ids.</li>
 * </ol>
 * Starts its own embedded PostgreSQL and Payara Micro on 127.0.0.1 (free ports, {@link BenchServers#startForReads})
 * and stops them, by their processes, also on failure; its clients are {@link BenchLoad}'s.
 *
 * <p>Usage: {@code ProjectBenchmark CHECKOUT [PROJECTS [SECONDS [WORD]]]} (100,000, 20 s per measure, "école").
 */
public final class ProjectBenchmark {

    static final int CLIENTS = 16;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String jdbcUrl;
    private final long millis;
    private final String word;
    private long[] publicProjects;
    private String[] publicSlugs;

    private ProjectBenchmark(URI base, String jdbcUrl, long millis, String word) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.millis = millis;
        this.word = word;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ProjectBenchmark CHECKOUT [PROJECTS [SECONDS [WORD]]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        int projects = args.length > 1 ? Integer.parseInt(args[1]) : ProjectGenerator.DEFAULT_COUNT;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 20;
        String word = args.length > 3 ? args[3] : "école";
        Path work = checkout.resolve("ops/tools/target/bench-projects");
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.startForReads(checkout, work);
            ProjectBenchmark benchmark = new ProjectBenchmark(servers.base, servers.database.jdbcUrl(),
                    seconds * 1000, word);
            benchmark.generate(projects);
            servers.database.analyze();
            benchmark.measure(servers, projects);
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    private void generate(int projects) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = connect()) {
            ProjectGenerator.generate(connection, projects, 27L);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            List<Long> ids = new ArrayList<>();
            List<String> slugs = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT id, slug FROM project WHERE visibility = 'PUBLIC'"
                    + " ORDER BY id")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    slugs.add(rows.getString(2));
                }
            }
            publicProjects = ids.stream().mapToLong(Long::longValue).toArray();
            publicSlugs = slugs.toArray(String[]::new);
        }
        System.out.printf(Locale.ROOT, "%,d projects generated and analysed in %.0f s (%,d public)%n", projects,
                (System.nanoTime() - started) / 1e9, publicProjects.length);
    }

    private void measure(BenchServers servers, int projects) throws Exception {
        ProjectQuery query = ProjectQuery.of(word);
        long matches;
        long counted;
        try (Connection connection = connect()) {
            // every match, for the report; the search itself counts up to its limit
            try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM project p"
                    + " WHERE p.visibility = 'PUBLIC' AND p.search_vector @@ websearch_to_tsquery('"
                    + ProjectSearchSql.CONFIG + "', ?)")) {
                statement.setString(1, word);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    matches = rows.getLong(1);
                }
            }
            counted = Math.min(ProjectSearchSql.COUNT_LIMIT,
                    ProjectSearchSql.count(connection, query, ProjectScope.publicOnly()));
        }
        String encoded = URLEncoder.encode(word, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        URI api = base.resolve("api/v1/projects?q=" + encoded);
        URI page = base.resolve("public/projets.xhtml?q=" + encoded);
        BenchLoad.Workers sql = client -> {
            Connection connection = connect();
            return new BenchLoad.Worker() {
                @Override
                public void once() throws Exception {
                    ProjectResults results = ProjectSearchSql.search(connection, query, ProjectScope.publicOnly());
                    if (results.hits().isEmpty()) {
                        throw new IllegalStateException("No result for " + word);
                    }
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        };
        BenchLoad.Workers apiClient = client -> () -> get(http, api, "\"total\":" + counted);
        BenchLoad.Workers pageClient = client -> () -> get(http, page, "<mark>");
        BenchLoad.Workers projectClient = client -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(client);
            return () -> {
                int index = random.nextInt(publicProjects.length);
                get(http, base.resolve("public/projets/" + publicProjects[index] + "-" + publicSlugs[index]),
                        "similar-heading");
            };
        };
        System.out.printf("Warming up (%d s each)...%n", Math.max(5, millis / 2000));
        for (BenchLoad.Workers workers : List.of(sql, apiClient, pageClient, projectClient)) {
            BenchLoad.run(CLIENTS, workers, Math.max(5000, millis / 2));
        }
        System.out.println("Measuring...");
        BenchLoad.Run sqlRun = BenchLoad.run(CLIENTS, sql, millis);
        Timer before = timer(http);
        BenchLoad.Run apiRun = BenchLoad.run(CLIENTS, apiClient, millis);
        Timer after = timer(http);
        BenchLoad.Run pageRun = BenchLoad.run(CLIENTS, pageClient, millis);
        BenchLoad.Run projectRun = BenchLoad.run(CLIENTS, projectClient, millis);
        double boundaryMean = (after.sum() - before.sum()) / Math.max(1, after.count() - before.count()) * 1000;

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nProject search benchmark: %,d projects (%,d public), \"%s\" found "
                        + "in %,d public projects, %d concurrent clients, %d s per measure%n%s%n%n", projects,
                publicProjects.length, word, matches, CLIENTS, millis / 1000, servers.describe()));
        table.append("| measure | requests/s | p50 ms | p95 ms |\n|---|---:|---:|---:|\n");
        row(table, "PostgreSQL alone: the search's SQL (page + count), JDBC", sqlRun);
        row(table, "service: GET /api/v1/projects?q= (HTTP)", apiRun);
        table.append(String.format(Locale.ROOT, "| service: inside the boundary (ProjectSearch.search, /metrics) "
                + "| %.1f | mean %.1f | |%n", (after.count() - before.count()) / (millis / 1000.0), boundaryMean));
        row(table, "whole public search page (HTML)", pageRun);
        row(table, "public project page with similar projects (HTML)", projectRun);
        table.append(String.format(Locale.ROOT, "%nservice / SQL: p50 %.2f, p95 %.2f (HTTP API); boundary mean / SQL "
                        + "mean %.2f%n", apiRun.percentile(50) / sqlRun.percentile(50),
                apiRun.percentile(95) / sqlRun.percentile(95), boundaryMean / sqlRun.mean()));
        System.out.println(table);
    }

    private static void row(StringBuilder table, String what, BenchLoad.Run run) {
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", what, run.perSecond(),
                run.percentile(50), run.percentile(95)));
    }

    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl, LocalDatabase.USER, LocalDatabase.PASSWORD);
    }

    private static void get(HttpClient http, URI uri, String expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept-Language", "fr").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + " without " + expected
                    + ": " + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    /** The boundary's timer: how many searches, how many seconds in all. */
    private record Timer(double count, double sum) {
    }

    private Timer timer(HttpClient http) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("metrics")).timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return new Timer(metric(metrics, "projects_search_seconds_count"), metric(metrics,
                "projects_search_seconds_sum"));
    }

    private static double metric(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        if (!line.find()) {
            throw new IllegalStateException("No " + name + " in /metrics");
        }
        return Double.parseDouble(line.group(1));
    }
}
