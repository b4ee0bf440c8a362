package fr.la27eregion.ops;

import java.io.IOException;
import java.net.URI;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public side's throughput (issue 14; not a test): wrk at 32 connections (two threads) against, in one run,
 * a static file of the same Payara Micro (the baseline: what the server does without the application), then each
 * public page and public API address on the demo data, as anonymous readers who send no validator (each answer a
 * 200 with its body: the application alone, no proxy cache in front). Reports requests per second, the ratio to the
 * static file's (measured again after each address: each ratio is to the mean of the static measures just before and
 * after it, since the load of a shared machine moves during a run), and the share of answers that were not 200. The aim (issue 14): 0.5 of static for the home page,
 * members, the project search, the label register, the verification and the public API.
 *
 * <p>Before measuring, each address is read once and checked: a 200, and no {@code JSESSIONID} (an anonymous reader
 * of a public address gets no session). Starts its own PostgreSQL and Payara Micro ({@link BenchServers}), and stops
 * them. The machine may be shared: the ratios, taken in the same run, are the figures to compare.
 *
 * <p>Usage: {@code PublicBenchmark CHECKOUT [SECONDS [CONNECTIONS]]} (20 s per address, 32 connections).
 */
public final class PublicBenchmark {

    /** The baseline: a static file of the same Payara Micro, relative to its base address. */
    static final String STATIC_FILE = "resources/platform/css/platform.css";
    static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern P99 = Pattern.compile("(?m)^\\s+99%\\s+(\\S+)");

    private PublicBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PublicBenchmark CHECKOUT [SECONDS [CONNECTIONS]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.startForReads(checkout, checkout.resolve("ops/tools/target/bench-public"));
            Map<String, String> addresses = addresses(servers.database.jdbcUrl());
            checkAnonymous(servers.base, addresses);
            warmUp(servers.base, servers.base, addresses, seconds, connections);
            System.out.printf(Locale.ROOT, "%nwrk, %d connections, %d s per address; %s%n", connections, seconds,
                    servers.describe());
            measure(servers.base, servers.base, addresses, seconds, connections, 0.5, Column.NONE);
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /**
     * What is measured besides the static file, by name: the public pages and API addresses, relative to a base
     * address; the verification of the first label of the database at {@code jdbcUrl}.
     */
    static Map<String, String> addresses(String jdbcUrl) throws Exception {
        String code = null;
        String word = "service";
        try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalDatabase.USER,
                LocalDatabase.PASSWORD); Statement sql = connection.createStatement()) {
            try (ResultSet label = sql.executeQuery("SELECT verification_code FROM label ORDER BY id LIMIT 1")) {
                if (label.next()) {
                    code = label.getString(1);
                }
            }
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("/", "");
        addresses.put("/public/members.xhtml", "public/members.xhtml");
        addresses.put("members, filtered and sorted", "public/members.xhtml?state=ACTIVE&sort=until");
        addresses.put("territories, filtered", "public/territories.xhtml?area=OVERSEAS&mergedInto=grand");
        addresses.put("project search", "public/projets.xhtml?q=" + word);
        addresses.put("label register", "public/labels.xhtml");
        addresses.put("verification" + (code == null ? " (no label in the data: the empty form)" : ""),
                "public/verification.xhtml" + (code == null ? "" : "?code=" + code));
        addresses.put("GET /api/v1/organisations", "api/v1/organisations");
        addresses.put("GET /api/v1/themes", "api/v1/themes");
        addresses.put("GET /api/v1/labels", "api/v1/labels");
        addresses.put("GET /api/v1/projects", "api/v1/projects?q=" + word);
        addresses.put("open data: projects.csv", "opendata/projects.csv");
        addresses.put("open data: catalogue", "opendata/catalog.jsonld");
        addresses.put("news feed", "feeds/news.atom");
        return addresses;
    }

    /** Each address (and the static file) read once: a 200, and no session for an anonymous reader. */
    private static void checkAnonymous(URI base, Map<String, String> addresses) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String path : withStaticFile(addresses)) {
            URI uri = base.resolve(path);
            HttpResponse<String> once = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            boolean session = once.headers().allValues("Set-Cookie").stream()
                    .anyMatch(cookie -> cookie.startsWith("JSESSIONID"));
            if (once.statusCode() != 200 || session) {
                throw new IllegalStateException(uri + ": " + once.statusCode() + (session ? ", a session" : ""));
            }
        }
    }

    private static List<String> withStaticFile(Map<String, String> addresses) {
        List<String> paths = new ArrayList<>();
        paths.add(STATIC_FILE);
        paths.addAll(addresses.values());
        return paths;
    }

    /** A warm-up of the static file and of each address (compilation, the application's copies, a cache). */
    static void warmUp(URI pages, URI statics, Map<String, String> addresses, int seconds, int connections)
            throws Exception {
        wrk(statics.resolve(STATIC_FILE), Math.max(2, seconds / 4), connections);
        for (String path : addresses.values()) {
            wrk(pages.resolve(path), Math.max(2, seconds / 4), connections);
        }
    }

    /**
     * More to say of each address's measure, at the end of its line: {@link #before} just before its wrk run,
     * {@link #after} just after it, which gives the text.
     */
    interface Column {
        Column NONE = new Column() {
            @Override
            public String header() {
                return "";
            }

            @Override
            public void before(String address) {
            }

            @Override
            public String after(String address) {
                return "";
            }
        };

        String header();

        void before(String address) throws Exception;

        String after(String address) throws Exception;
    }

    /**
     * Measures each address under {@code pages} and the static file under {@code statics}, prints the table and
     * whether every address reached {@code aim} of the static file; returns the names of those below it.
     */
    static List<String> measure(URI pages, URI statics, Map<String, String> addresses, int seconds,
            int connections, double aim, Column column) throws Exception {
        String more = column.header().isEmpty() ? "" : "  " + column.header();
        System.out.printf(Locale.ROOT, "%-48s %10s %10s %9s %10s %8s%s%n", "address", "requests/s",
                "static", "of static", "p99", "not 200", more);
        // the static file is measured again after each address, and each address is compared with the mean of the
        // static measures just before and after it: on a shared machine the load moves during a run
        List<String> below = new ArrayList<>();
        URI staticFile = statics.resolve(STATIC_FILE);
        double before = number(RATE, wrk(staticFile, seconds, connections));
        for (Map.Entry<String, String> address : addresses.entrySet()) {
            column.before(address.getKey());
            String report = wrk(pages.resolve(address.getValue()), seconds, connections);
            String said = column.after(address.getKey());
            double after = number(RATE, wrk(staticFile, seconds, connections));
            double baseline = (before + after) / 2;
            double rate = number(RATE, report);
            double ratio = rate / baseline;
            if (ratio < aim) {
                below.add(address.getKey());
            }
            System.out.printf(Locale.ROOT, "%-48s %10.0f %10.0f %9.2f %10s %7.2f%%%s%n", address.getKey(), rate,
                    baseline, ratio, p99(report), notOk(report), said.isEmpty() ? "" : "  " + said);
            before = after;
        }
        System.out.println(below.isEmpty() ? "Every address at " + aim + " of the static file or more."
                : "Below " + aim + " of the static file: " + String.join(", ", below));
        return below;
    }

    static String p99(String report) {
        Matcher p99 = P99.matcher(report);
        return p99.find() ? p99.group(1) : "?";
    }

    /** The share of wrk's answers that were not 2xx or 3xx, in percent. */
    static double notOk(String report) {
        long total = (long) number(TOTAL, report);
        Matcher failed = NON_2XX.matcher(report);
        long notOk = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        return total == 0 ? 0 : 100.0 * notOk / total;
    }

    static String wrk(URI uri, int seconds, int connections) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                uri.toString()).redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + uri + ":\n" + report);
        }
        return report;
    }

    static double number(Pattern pattern, String report) {
        Matcher found = pattern.matcher(report);
        if (!found.find()) {
            throw new IllegalStateException("wrk said:\n" + report);
        }
        return Double.parseDouble(found.group(1));
    }
}
