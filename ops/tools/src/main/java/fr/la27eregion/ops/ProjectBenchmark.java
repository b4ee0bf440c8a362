package fr.la27eregion.ops;

import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectResults;
import fr.la27eregion.project.control.ProjectScope;
import fr.la27eregion.project.control.ProjectSearchSql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
 * Starts its own embedded PostgreSQL and Payara Micro on 127.0.0.1 (free ports) and stops them, by their processes,
 * also on failure.
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
        try (Servers servers = new Servers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.start(checkout, work);
            ProjectBenchmark benchmark = new ProjectBenchmark(servers.base, servers.database.jdbcUrl(),
                    seconds * 1000, word);
            benchmark.generate(projects);
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
            // as a database some hours after a bulk load: statistics and the visibility map up to date
            statement.execute("VACUUM ANALYZE project");
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

    private void measure(Servers servers, int projects) throws Exception {
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
        Worker sql = client -> {
            Connection connection = connect();
            return new Closeable(() -> {
                ProjectResults results = ProjectSearchSql.search(connection, query, ProjectScope.publicOnly());
                if (results.hits().isEmpty()) {
                    throw new IllegalStateException("No result for " + word);
                }
            }, connection::close);
        };
        Worker apiClient = client -> new Closeable(() -> get(http, api, "\"total\":" + counted), () -> { });
        Worker pageClient = client -> new Closeable(() -> get(http, page, "<mark>"), () -> { });
        Worker projectClient = client -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(client);
            return new Closeable(() -> {
                int index = random.nextInt(publicProjects.length);
                get(http, base.resolve("public/projets/" + publicProjects[index] + "-" + publicSlugs[index]),
                        "similar-heading");
            }, () -> { });
        };
        System.out.printf("Warming up (%d s each)...%n", Math.max(5, millis / 2000));
        for (Worker worker : List.of(sql, apiClient, pageClient, projectClient)) {
            run(worker, Math.max(5000, millis / 2));
        }
        System.out.println("Measuring...");
        Run sqlRun = run(sql, millis);
        Timer before = timer(http);
        Run apiRun = run(apiClient, millis);
        Timer after = timer(http);
        Run pageRun = run(pageClient, millis);
        Run projectRun = run(projectClient, millis);
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

    private static void row(StringBuilder table, String what, Run run) {
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

    // ---------------------------------------------------------------------------------------------------------------

    /** Opens one client's worker (its connection, its random ids). */
    interface Worker {
        Closeable open(int client) throws Exception;
    }

    /** What a client does once, and what it closes at the end. */
    record Closeable(Action step, Action finish) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            finish.run();
        }
    }

    interface Action {
        void run() throws Exception;
    }

    record Run(double perSecond, long[] nanos) {
        double percentile(int p) {
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos.length == 0 ? Double.NaN : nanos[Math.max(0, rank - 1)] / 1e6;
        }

        double mean() {
            return Arrays.stream(nanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    /** {@link #CLIENTS} clients together for {@code duration} ms; each request's time. */
    private static Run run(Worker worker, long duration) throws Exception {
        return run(worker, duration, CLIENTS);
    }

    /** {@code clients} clients together for {@code duration} ms; each request's time (the jury's benchmark too). */
    static Run run(Worker worker, long duration, int clients) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
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
                try (Closeable once = worker.open(client)) {
                    ready.countDown();
                    start.await();
                    while (!stop.get()) {
                        long began = System.nanoTime();
                        once.step().run();
                        if (n == nanos.length) {
                            nanos = Arrays.copyOf(nanos, n * 2);
                        }
                        nanos[n++] = System.nanoTime() - began;
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
        long deadline = started + duration * 1_000_000;
        while (!stop.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A client failed", failures.get(0));
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(all.length / elapsed, all);
    }

    /** Embedded PostgreSQL and Payara Micro with the micro WAR, on 127.0.0.1, stopped by their processes. */
    static final class Servers implements AutoCloseable {
        LocalDatabase database;
        private Process micro;
        URI base;
        private Path log;
        private String versions = "";

        void start(Path checkout, Path work) throws Exception {
            Path war = checkout.resolve("web/target/platform-web-micro.war");
            Path runtime = checkout.resolve("web/target/payara-micro.jar");
            for (Path needed : List.of(war, runtime)) {
                if (!Files.isRegularFile(needed)) {
                    throw new IllegalStateException(needed + " is missing: build first (ops/bench/projects does)");
                }
            }
            Path rootDir = work.resolve("payara-micro");
            delete(rootDir);
            Files.createDirectories(work);
            synchronized (this) {
                // the catalogue's tables and indexes (about 400 MB for 100,000 projects) held in memory
                database = LocalDatabase.start(work.resolve("postgres/data"), 0, true, Map.of(
                        "shared_buffers", "512MB", "effective_cache_size", "1GB", "work_mem", "16MB"));
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            base = URI.create("http://127.0.0.1:" + port + "/");
            log = work.resolve("payara-micro.log");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Dplatform.demo-data=true", "-Dhazelcast.socket.bind.any=false",
                    "-Dlimits.exempt-addresses=127.0.0.1",
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
            awaitReady(Duration.ofMinutes(15));
            List<ListeningSockets.Bound> outside = ListeningSockets.of(micro.pid()).stream()
                    .filter(socket -> !socket.address().isLoopbackAddress()).toList();
            if (!outside.isEmpty()) {
                throw new IllegalStateException("Payara Micro listens beyond loopback: " + outside);
            }
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                    LocalDatabase.PASSWORD); Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                String payara = lines.map(Pattern.compile("(Payara Micro \\S+) \\(build")::matcher)
                        .filter(Matcher::find).findFirst().map(found -> found.group(1)).orElse("Payara Micro");
                versions = payara + " with the micro WAR, PostgreSQL "
                        + connection.getMetaData().getDatabaseProductVersion() + " (shared_buffers 512MB), on "
                        + "127.0.0.1, " + Runtime.getRuntime().availableProcessors() + " processors";
            }
        }

        String describe() {
            return versions;
        }

        private void awaitReady(Duration timeout) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!micro.isAlive()) {
                    throw new IllegalStateException("Payara Micro stopped during start; see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(base.resolve("health/ready")).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Payara Micro not ready after " + timeout + "; see " + log);
        }

        @Override
        public synchronized void close() {
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
