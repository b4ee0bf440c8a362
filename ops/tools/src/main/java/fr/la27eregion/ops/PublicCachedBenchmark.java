package fr.la27eregion.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public side's throughput with nginx's cache in front (issue 14; not a test): the same addresses as
 * {@link PublicBenchmark}, read through nginx (ops/cluster with one instance: TLS, the cache of
 * ops/nginx/platform.conf) by anonymous readers who send no validator, so that the answers come from nginx's cache;
 * the baseline is the static file read directly from the instance, measured before and after each address. The aim
 * (issue 14): 0.9 of the static file.
 *
 * <p>Before measuring, each address is read twice with curl: the second answer must be a 200 from the cache
 * ({@code X-Cache-Status: HIT}) without a session. During each address's measure, nginx's access log says what
 * the cache did for each request ({@code cache=}: HIT, REVALIDATED when an answer expired after its max-age and the
 * application confirmed it with a 304, EXPIRED when it was fetched again, MISS, UPDATING), and /proc the CPU used by
 * nginx, the instance and wrk (this process's children).
 *
 * <p>ops/bench/public-cached starts the cluster and stops it. Usage:
 * {@code PublicCachedBenchmark CLUSTER_DIR JDBC_URL HTTPS_PORT INSTANCE_PORT [SECONDS [CONNECTIONS]]}.
 */
public final class PublicCachedBenchmark {

    private static final Pattern CACHE = Pattern.compile(" cache=(\\S+)");
    private static final List<String> STATUSES = List.of("HIT", "REVALIDATED", "EXPIRED", "MISS", "UPDATING");

    private PublicCachedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: PublicCachedBenchmark CLUSTER_DIR JDBC_URL HTTPS_PORT INSTANCE_PORT"
                    + " [SECONDS [CONNECTIONS]]");
            System.exit(2);
        }
        Path cluster = Path.of(args[0]).toAbsolutePath();
        URI pages = URI.create("https://127.0.0.1:" + Integer.parseInt(args[2]) + "/");
        URI statics = URI.create("http://127.0.0.1:" + Integer.parseInt(args[3]) + "/");
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        Map<String, String> addresses = PublicBenchmark.addresses(args[1]);

        // each address twice with curl: the second answer from the cache, a 200, no session
        Map<String, String> seen = new TreeMap<>();
        for (Map.Entry<String, String> address : addresses.entrySet()) {
            URI uri = pages.resolve(address.getValue());
            String first = cacheStatus(uri);
            String second = cacheStatus(uri);
            if (!"HIT".equals(second)) {
                throw new IllegalStateException(uri + ": read a second time, not from nginx's cache (" + second + ")");
            }
            seen.put(address.getKey(), first + " " + second);
        }
        String staticSeen = cacheStatus(pages.resolve(PublicBenchmark.STATIC_FILE)) + " "
                + cacheStatus(pages.resolve(PublicBenchmark.STATIC_FILE));

        PublicBenchmark.warmUp(pages, statics, addresses, seconds, connections);
        Usage usage = new Usage(cluster);
        System.out.printf(Locale.ROOT, "%nwrk, %d connections, %d s per address, through nginx %s (ops/cluster,"
                + " 1 instance, %s) over TLS (HTTP/1.1, keep-alive); the static file read directly from the"
                + " instance (%s) is the baseline; %d processors%n", connections, seconds, nginxVersion(),
                workers(cluster), statics, Runtime.getRuntime().availableProcessors());
        usage.before("");
        String viaNginx = PublicBenchmark.wrk(pages.resolve(PublicBenchmark.STATIC_FILE), seconds, connections);
        String viaNginxUsage = usage.after("");
        String direct = PublicBenchmark.wrk(statics.resolve(PublicBenchmark.STATIC_FILE), seconds, connections);
        System.out.printf(Locale.ROOT, "For context, the static file through nginx (curl: %s): %.0f requests/s,"
                + " p99 %s, %.2f%% not 200; directly from the instance just after: %.0f requests/s, p99 %s%n"
                + "  (%s)%n%n", staticSeen, PublicBenchmark.number(PublicBenchmark.RATE, viaNginx),
                PublicBenchmark.p99(viaNginx), PublicBenchmark.notOk(viaNginx),
                PublicBenchmark.number(PublicBenchmark.RATE, direct), PublicBenchmark.p99(direct), viaNginxUsage);
        PublicBenchmark.measure(pages, statics, addresses, seconds, connections, 0.9, new PublicBenchmark.Column() {
            @Override
            public String header() {
                return "curl     nginx's log during the measure: cache=, and CPU of one core";
            }

            @Override
            public void before(String address) throws IOException {
                usage.before(address);
            }

            @Override
            public String after(String address) throws IOException {
                return String.format(Locale.ROOT, "%-8s %s", seen.get(address).replace(' ', '>'),
                        usage.after(address));
            }
        });
    }

    /**
     * One anonymous request with curl (no validator, no cookie); its {@code X-Cache-Status} ({@code -} when none).
     * Fails unless it is a 200 without a session.
     */
    private static String cacheStatus(URI uri) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-sk", "--max-time", "60", "-o", "/dev/null", "-D", "-",
                uri.toString()).redirectErrorStream(true).start();
        String headers = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (curl.waitFor() != 0) {
            throw new IllegalStateException("curl failed on " + uri + ":\n" + headers);
        }
        String status = header(headers, "x-cache-status");
        boolean ok = headers.matches("(?s)HTTP/\\S+ 200 .*");
        boolean session = headers.toLowerCase(Locale.ROOT).contains("\nset-cookie: jsessionid");
        if (!ok || session) {
            throw new IllegalStateException(uri + ": " + (ok ? "" : "not a 200") + (session ? ", a session" : "")
                    + "\n" + headers);
        }
        return status == null ? "-" : status;
    }

    private static String header(String headers, String name) {
        Matcher found = Pattern.compile("(?im)^" + name + ":\\s*(\\S+)").matcher(headers);
        return found.find() ? found.group(1) : null;
    }

    private static String nginxVersion() throws IOException, InterruptedException {
        Process nginx = new ProcessBuilder("/usr/sbin/nginx", "-v").redirectErrorStream(true).start();
        String said = new String(nginx.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        nginx.waitFor();
        return said.replaceFirst(".*nginx/", "");
    }

    private static String workers(Path cluster) throws IOException {
        Matcher found = Pattern.compile("(?m)^worker_processes\\s+(\\S+);")
                .matcher(Files.readString(cluster.resolve("nginx/nginx.conf")));
        return found.find() ? found.group(1) + " worker process(es)" : "worker processes unknown";
    }

    /**
     * What happened during a measure: the cache statuses in nginx's access log (the lines written meanwhile) and
     * the CPU used by nginx (master and workers), the instance and wrk (this process's reaped children), as a share
     * of one core over the measure's wall time.
     */
    private static final class Usage {
        private final Path log;
        private final long nginx;
        private final long instance;
        private final long self = ProcessHandle.current().pid();
        private long offset;
        private long started;
        private long[] ticks;

        Usage(Path cluster) throws IOException {
            log = cluster.resolve("nginx/access.log");
            nginx = Long.parseLong(Files.readString(cluster.resolve("nginx/nginx.pid")).trim());
            instance = Long.parseLong(Files.readString(cluster.resolve("instance-1.pid")).trim());
        }

        void before(String address) throws IOException {
            offset = Files.size(log);
            ticks = ticks();
            started = System.nanoTime();
        }

        String after(String address) throws IOException {
            double millis = (System.nanoTime() - started) / 1e6;
            long[] now = ticks();
            Map<String, Long> counts = new TreeMap<>();
            long total = 0;
            try (BufferedReader lines = newLines()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher cache = CACHE.matcher(line);
                    counts.merge(cache.find() ? cache.group(1) : "?", 1L, Long::sum);
                    total++;
                }
            }
            List<String> said = new ArrayList<>();
            for (String status : STATUSES) {
                said.add(status + " " + counts.getOrDefault(status, 0L));
            }
            counts.keySet().stream().filter(status -> !STATUSES.contains(status))
                    .forEach(status -> said.add(status + " " + counts.get(status)));
            return String.format(Locale.ROOT, "%s of %d; CPU nginx %.0f%%, instance %.0f%%, wrk %.0f%%",
                    String.join(", ", said), total, share(now[0] - ticks[0], millis),
                    share(now[1] - ticks[1], millis), share(now[2] - ticks[2], millis));
        }

        private static double share(long ticks, double millis) {
            return 100.0 * ticks * BenchServers.Cpu.MILLIS_PER_TICK / millis;
        }

        /**
         * The log's lines written since {@link #before}, read one at a time: a quiet run of 20 s writes some 200,000
         * lines (40 MB) per address, more than this benchmark's heap should hold at once.
         */
        private BufferedReader newLines() throws IOException {
            InputStream in = Files.newInputStream(log);
            try {
                in.skipNBytes(offset);
            } catch (IOException | RuntimeException failed) {
                in.close();
                throw failed;
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        }

        private long[] ticks() {
            long nginxTicks = BenchServers.Cpu.ticks(nginx, false);
            for (ProcessHandle worker : ProcessHandle.of(nginx).map(p -> p.children().toList()).orElse(List.of())) {
                nginxTicks += BenchServers.Cpu.ticks(worker.pid(), false);
            }
            return new long[] {nginxTicks, BenchServers.Cpu.ticks(instance, false),
                    BenchServers.Cpu.ticks(self, true) - BenchServers.Cpu.ticks(self, false)};
        }
    }
}
