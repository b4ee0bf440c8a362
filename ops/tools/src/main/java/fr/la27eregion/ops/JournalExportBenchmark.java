package fr.la27eregion.ops;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static fr.la27eregion.ops.BenchHttp.expect;
import static fr.la27eregion.ops.BenchHttp.newClient;

/**
 * Measures the auditor's exports (issue 13) on a journal of N entries (10 million by default, generated as
 * {@link JournalBrowseBenchmark} does), exporting the last M of them (1 million) selected by period, in one run on
 * one embedded PostgreSQL and one Payara Micro:
 * <ol>
 *     <li>PostgreSQL alone: {@code COPY (SELECT the export's columns ... WHERE recorded_at >= ... ORDER BY seq) TO
 *     STDOUT (FORMAT csv)} read over JDBC to nowhere: the rate at which the database itself hands out these rows;</li>
 *     <li>the platform: {@code POST /api/v1/exports?format=CSV|XLSX&from=...}, followed until DONE (the export's own
 *     requested and finished times), then its file downloaded and its SHA-256 checked against the manifest.</li>
 * </ol>
 * Rows per second for each, the ratio platform / PostgreSQL alone, and Payara Micro's heap during the export
 * ({@code memory_usedHeap_bytes} of /metrics every 100 ms: garbage included, so an upper bound of what it held; the
 * server runs with -Xmx1g).
 *
 * <p>Usage: {@code JournalExportBenchmark CHECKOUT [ENTRIES [EXPORTED]]}.
 */
public final class JournalExportBenchmark {

    private static final String ACCOUNT = "auditor";
    private static final String COLUMNS = "seq, recorded_at, actor, actor_roles, action, entity_type, entity_id, "
            + "state_before, state_after, reason, details, request_id, prev_hash, hash, subject_type, subject_id";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JournalExportBenchmark CHECKOUT [ENTRIES [EXPORTED]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        long entries = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        long exported = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000L;
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.startForReads(checkout, checkout.resolve("ops/tools/target/bench-journal-export"));
            new JournalBrowseBenchmark(servers.base, servers.database.jdbcUrl(), 0, 1)
                    .generate(servers.database, entries);
            servers.database.analyze();
            measure(servers, entries, exported);
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    private static void measure(BenchServers servers, long entries, long exported) throws Exception {
        Instant from;
        long rows;
        try (Connection superuser = servers.database.superuser(LocalDatabase.DATABASE);
             Statement sql = superuser.createStatement();
             ResultSet found = sql.executeQuery("SELECT recorded_at FROM journal_entry WHERE seq = (SELECT seq FROM"
                     + " journal_head) - " + (exported - 1))) {
            found.next();
            from = found.getObject(1, OffsetDateTime.class).toInstant();
        }
        try (Connection superuser = servers.database.superuser(LocalDatabase.DATABASE);
             PreparedStatement count = superuser.prepareStatement("SELECT count(*) FROM journal_entry"
                     + " WHERE recorded_at >= ?")) {
            count.setObject(1, from.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet n = count.executeQuery()) {
                n.next();
                rows = n.getLong(1);
            }
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%nJournal export benchmark: %,d journal "
                + "entries, the last %,d exported (from %s)%n%s%n%n| | rows/s | seconds | ratio to PostgreSQL alone "
                + "| file MB | download MB/s | heap before MB | heap peak MB |%n|---|---:|---:|---:|---:|---:|---:|---:|%n",
                entries, rows, from, servers.describe()));
        double alone = 0;
        for (int round = 1; round <= 2; round++) {
            alone = copyAlone(servers, from);
        }
        table.append(String.format(Locale.ROOT, "| PostgreSQL alone (COPY ... TO STDOUT CSV) | %,.0f | %.1f | 1 "
                + "| | | | |%n", rows / alone, alone));
        String bearer = servers.tokens(ACCOUNT, 1)[0];
        for (String format : new String[] {"CSV", "XLSX"}) {
            table.append(platform(servers, bearer, format, from, rows, alone));
        }
        System.out.println(table);
    }

    /** Seconds PostgreSQL takes to hand out the rows as CSV, read to nowhere over JDBC. */
    private static double copyAlone(BenchServers servers, Instant from) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(servers.database.jdbcUrl(),
                LocalDatabase.USER, LocalDatabase.PASSWORD)) {
            long started = System.nanoTime();
            long lines = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT " + COLUMNS
                    + " FROM journal_entry e WHERE e.recorded_at >= '" + from + "' ORDER BY e.seq) TO STDOUT"
                    + " (FORMAT csv, HEADER)", OutputStream.nullOutputStream());
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "PostgreSQL alone: %,d rows of CSV in %.1f s%n", lines - 1, seconds);
            return seconds;
        }
    }

    /** One export through the platform, followed and downloaded: a line of the table. */
    private static String platform(BenchServers servers, String bearer, String format, Instant from, long rows,
                                   double alone) throws Exception {
        URI api = servers.base.resolve("api/v1/");
        HttpClient http = newClient();
        double before = heap(http, servers.base);
        AtomicLong peak = new AtomicLong((long) before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            HttpClient own = newClient();
            while (running.get()) {
                try {
                    peak.accumulateAndGet((long) heap(own, servers.base), Math::max);
                    Thread.sleep(100);
                } catch (Exception stop) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        String asked = expect(202, http, HttpRequest.newBuilder(api.resolve("exports?format=" + format + "&from="
                + from)).header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody()).build()).body();
        String id = BenchHttp.member(asked, "id");
        String job;
        do {
            Thread.sleep(200);
            job = expect(200, http, BenchHttp.get(api, "exports/" + id, bearer)).body();
            if (job.contains("\"state\":\"FAILED\"")) {
                throw new IllegalStateException("The export failed: " + job);
            }
        } while (!job.contains("\"state\":\"DONE\""));
        running.set(false);
        sampler.join();
        double seconds = (Instant.parse(text(job, "finishedAt")).toEpochMilli()
                - Instant.parse(text(job, "requestedAt")).toEpochMilli()) / 1000.0;
        long written = Long.parseLong(BenchHttp.member(job, "rowsWritten"));
        // the export is of the journal up to its head when it ran: the entries since the count (the export's own
        // journal.export entry) are in it
        long expected;
        try (Connection superuser = servers.database.superuser(LocalDatabase.DATABASE);
             PreparedStatement count = superuser.prepareStatement("SELECT count(*) FROM journal_entry"
                     + " WHERE recorded_at >= ? AND seq <= ?")) {
            count.setObject(1, from.atOffset(java.time.ZoneOffset.UTC));
            count.setLong(2, Long.parseLong(BenchHttp.member(job, "headSeq")));
            try (ResultSet n = count.executeQuery()) {
                n.next();
                expected = n.getLong(1);
            }
        }
        if (written != expected || written < rows) {
            throw new IllegalStateException("The export wrote " + written + " rows, not " + expected);
        }
        long started = System.nanoTime();
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long bytes;
        HttpResponse<InputStream> file = http.send(BenchHttp.get(api, "exports/" + id + "/file", bearer),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = new DigestInputStream(file.body(), sha256)) {
            bytes = in.transferTo(OutputStream.nullOutputStream());
        }
        double download = (System.nanoTime() - started) / 1e9;
        if (!HexFormat.of().formatHex(sha256.digest()).equals(text(job, "sha256"))) {
            throw new IllegalStateException("The downloaded file's SHA-256 is not the export's");
        }
        System.out.printf(Locale.ROOT, "Platform %s: %,d rows in %.1f s, %,d bytes downloaded in %.1f s%n", format,
                written, seconds, bytes, download);
        return String.format(Locale.ROOT, "| platform, %s | %,.0f | %.1f | %.2f | %.0f | %.0f | %.0f | %.0f |%n",
                format, written / seconds, seconds, alone / seconds, bytes / 1e6, bytes / 1e6 / download,
                before / 1e6, peak.get() / 1e6);
    }

    /** Payara Micro's used heap, in bytes, from its metrics (MicroProfile Metrics' base scope). */
    private static double heap(HttpClient http, URI base) throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("metrics?scope=base"))
                .timeout(BenchHttp.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
        double used = BenchHttp.metric(metrics, "memory_usedHeap_bytes");
        return used > 0 ? used : BenchHttp.metric(metrics, "base_memory_usedHeap_bytes");
    }

    private static String text(String json, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]*)\"")
                .matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return value.group(1);
    }
}
