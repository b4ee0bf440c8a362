package fr.la27eregion.ops;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static fr.la27eregion.ops.BenchHttp.expect;
import static fr.la27eregion.ops.BenchHttp.newClient;

/**
 * The auditor's journal browser on a journal of N entries (issue 13; not a test; default 10,000,000): a page of
 * 50 entries, newest first, for each kind of filter (none, actor, action, record, organisation, programme, one day,
 * and deep "next" pages), read by the demo {@code auditor} account at 4 concurrent clients, measured in the same run
 * as
 * <ol>
 *     <li>PostgreSQL alone: the statements one API request sends, as PostgreSQL's statement log shows them,
 *     replayed as they are over JDBC ({@link StatementReplay#verbatim}; with their plans, EXPLAIN ANALYZE);</li>
 *     <li>the service: {@code GET /api/v1/journal?...} with a personal access token per client;</li>
 *     <li>the page {@code /app/audit/journal.xhtml?...} (HTML), each client logged in once.</li>
 * </ol>
 * The aim (issue 13): a filtered page under 100 ms p95.
 *
 * <p>The entries are written by one {@code INSERT ... SELECT FROM generate_series} after the demo data's (the
 * secondary indexes dropped meanwhile and built again after, as a restore would): valid-looking rows (actors,
 * roles, actions of the platform, application and organisation entries with their subjects, logins and other
 * account events without one, three seconds apart over the last year), but their hashes are not computed over
 * their content: the chain does not verify, which browsing does not need ({@link JournalBenchmark} measures the
 * verification on a real chain). Applications to label: one per generated project ({@link ProjectGenerator}) in
 * the demo's campaigns, so the organisation and programme filters have records to follow.
 *
 * <p>Usage: {@code JournalBrowseBenchmark CHECKOUT [ENTRIES [SECONDS [CLIENTS]]]} (10,000,000, 5 s per measure,
 * 4 clients).
 */
public final class JournalBrowseBenchmark {

    private static final String ACCOUNT = "auditor";
    private static final int PROJECTS = 2_000;
    private static final int SIZE = 50;

    private final URI base;
    private final String jdbcUrl;
    private final long millis;
    private final int clients;

    JournalBrowseBenchmark(URI base, String jdbcUrl, long millis, int clients) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.millis = millis;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: JournalBrowseBenchmark CHECKOUT [ENTRIES [SECONDS [CLIENTS]]]");
            System.exit(2);
        }
        System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
        Path checkout = Path.of(args[0]).toAbsolutePath();
        long entries = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 5;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (BenchServers servers = new BenchServers()) {
            Thread stopOnExit = new Thread(servers::close, "stop-benchmark-servers");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            servers.start(checkout, checkout.resolve("ops/tools/target/bench-journal-browse"), 1024);
            JournalBrowseBenchmark benchmark = new JournalBrowseBenchmark(servers.base, servers.database.jdbcUrl(),
                    seconds * 1000, clients);
            long kept = benchmark.entries();
            if (kept >= entries) {
                System.out.printf("Measuring the %,d entries kept from a previous run (bench.keep-database)%n", kept);
            } else {
                benchmark.generate(servers.database, entries);
                servers.database.analyze();
            }
            benchmark.measure(servers, entries, benchmark.filters(servers.database));
            servers.close();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** The entries the journal holds (its head's number). */
    long entries() throws SQLException {
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, LocalDatabase.USER,
                LocalDatabase.PASSWORD); Statement sql = connection.createStatement();
             ResultSet head = sql.executeQuery("SELECT seq FROM journal_head")) {
            return head.next() ? head.getLong(1) : 0;
        }
    }

    /**
     * The applications, then the entries with the secondary indexes dropped, then the indexes again (also the
     * journal of {@link JournalExportBenchmark}).
     */
    void generate(LocalDatabase database, long count) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl, LocalDatabase.USER,
                LocalDatabase.PASSWORD)) {
            ProjectGenerator.generate(connection, PROJECTS, 13L);
        }
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement sql = superuser.createStatement()) {
            sql.executeUpdate("INSERT INTO label_application (campaign_id, project_id, organisation_id, state, "
                    + "created_at, updated_at, changed_at, created_by, submitted_at) SELECT c.id, p.id, "
                    + "p.lead_organisation_id, 'SUBMITTED', now(), now(), now(), 'bench', now() FROM "
                    + "(SELECT id, lead_organisation_id FROM project ORDER BY id DESC LIMIT " + PROJECTS + ") p "
                    + "CROSS JOIN LATERAL "
                    + "(SELECT id FROM campaign ORDER BY (id + p.id) % 7, id LIMIT 1) c");
            superuser.setAutoCommit(false);
            // the head lets one entry at a time through its trigger: the bulk moves it once, with triggers off
            sql.execute("SET session_replication_role = replica");
            List<String> rebuild = new ArrayList<>();
            try (ResultSet indexes = sql.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i "
                    + "WHERE i.tablename = 'journal_entry' AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                    + "WHERE c.conname = i.indexname)")) {
                while (indexes.next()) {
                    rebuild.add(indexes.getString(2));
                    rebuild.add("-" + indexes.getString(1));
                }
            }
            String hashConstraint;
            try (ResultSet unique = sql.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = 'journal_entry'::regclass AND contype = 'u'")) {
                unique.next();
                hashConstraint = unique.getString(1);
                rebuild.add("ALTER TABLE journal_entry ADD CONSTRAINT " + hashConstraint + " "
                        + unique.getString(2));
            }
            for (String one : rebuild) {
                if (one.startsWith("-")) {
                    sql.execute("DROP INDEX " + one.substring(1));
                }
            }
            sql.execute("ALTER TABLE journal_entry DROP CONSTRAINT " + hashConstraint);
            sql.execute("CREATE TEMP TABLE bench_app AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id "
                    + "FROM label_application");
            sql.execute("CREATE TEMP TABLE bench_org AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id "
                    + "FROM organisation");
            long apps = number(sql, "SELECT count(*) FROM bench_app");
            long orgs = number(sql, "SELECT count(*) FROM bench_org");
            long head = number(sql, "SELECT seq FROM journal_head");
            sql.execute("SET work_mem = '512MB'");
            String hash = "md5((%1$s)::text) || md5(((%1$s) + 1000000000000)::text)";
            // of ten entries: four about an application (its subject), two about an organisation, four about
            // accounts (logins, sessions, tokens: no subject)
            sql.executeUpdate("INSERT INTO journal_entry (seq, recorded_at, actor, actor_roles, action, entity_type,"
                    + " entity_id, state_before, state_after, reason, details, request_id, prev_hash, hash,"
                    + " subject_type, subject_id) SELECT " + head + " + n,"
                    + " date_trunc('second', now()) - (" + count + " - n) * interval '3 seconds',"
                    + " actor, CASE WHEN actor IN ('system', 'anonymous') THEN '' ELSE 'CONTRIBUTOR,"
                    + "MEMBER_COORDINATOR' END,"
                    + " CASE WHEN k < 4 THEN (ARRAY['label-application.create', 'label-application.submit',"
                    + " 'label-application.answer', 'label-application.message', 'assessment.assign',"
                    + " 'assessment.save', 'label-application.review', 'label-application.award'])[1 + (n / 10) % 8]"
                    + " WHEN k < 6 THEN (ARRAY['membership.renew', 'contact.update', 'organisation.update',"
                    + " 'project.update', 'project.publish'])[1 + (n / 10) % 5]"
                    + " ELSE (ARRAY['login', 'logout', 'session.ended', 'login.failed', 'token.create',"
                    + " 'account.language'])[1 + (n / 10) % 6] END,"
                    + " CASE WHEN k < 4 THEN 'LabelApplication' WHEN k < 6 THEN 'Organisation' ELSE 'Account' END,"
                    + " CASE WHEN k < 4 THEN a.id::text WHEN k < 6 THEN o.id::text ELSE actor END,"
                    + " CASE WHEN k < 4 THEN 'SUBMITTED' END, CASE WHEN k < 4 THEN 'IN_REVIEW' END,"
                    + " CASE WHEN n % 50 = 0 THEN 'Motif saisi n° ' || n END,"
                    + " '{\"bench\":' || n || '}', 'bench-' || n,"
                    + " CASE WHEN n = 1 THEN (SELECT hash FROM journal_head) ELSE " + String.format(hash, "n - 1")
                    + " END, " + String.format(hash, "n") + ","
                    + " CASE WHEN k < 4 THEN 'LabelApplication' WHEN k < 6 THEN 'Organisation' END,"
                    + " CASE WHEN k < 4 THEN a.id::text WHEN k < 6 THEN o.id::text END"
                    + " FROM (SELECT n, n % 10 AS k, CASE WHEN n % 20 = 0 THEN 'system' WHEN n % 20 = 1 THEN"
                    + " 'anonymous' ELSE 'user-' || (n * 7 % 997) END AS actor FROM generate_series(1::bigint, " + count
                    + ") n) g JOIN bench_app a ON a.i = (g.n * 7919) % " + apps
                    + " JOIN bench_org o ON o.i = (g.n * 104729) % " + orgs + " ORDER BY n");
            sql.executeUpdate("UPDATE journal_head SET seq = " + (head + count) + ", hash = "
                    + String.format(hash, Long.toString(count)));
            superuser.commit();
            System.out.printf(Locale.ROOT, "%,d entries inserted in %.1f s; indexes...%n", count,
                    (System.nanoTime() - started) / 1e9);
            superuser.setAutoCommit(true);
            sql.execute("SET maintenance_work_mem = '512MB'");
            for (String one : rebuild) {
                if (!one.startsWith("-")) {
                    sql.execute(one);
                }
            }
            sql.execute("VACUUM ANALYZE journal_entry");
        }
        System.out.printf(Locale.ROOT, "%,d journal entries and %,d label applications generated by SQL, indexed "
                + "and analysed in %.1f s%n", count, PROJECTS, (System.nanoTime() - started) / 1e9);
    }

    /** The filters measured, by name: the query of a page of each, its values taken from the data. */
    private Map<String, String> filters(LocalDatabase database) throws SQLException {
        Map<String, String> filters = new LinkedHashMap<>();
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement sql = superuser.createStatement()) {
            long head = number(sql, "SELECT seq FROM journal_head");
            long application = number(sql, "SELECT id FROM label_application ORDER BY id LIMIT 1");
            long organisation = number(sql, "SELECT organisation_id FROM label_application GROUP BY organisation_id"
                    + " ORDER BY count(*) DESC LIMIT 1");
            long programme = number(sql, "SELECT c.programme_id FROM label_application a JOIN campaign c ON c.id ="
                    + " a.campaign_id GROUP BY c.programme_id ORDER BY count(*) DESC LIMIT 1");
            LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(30);
            filters.put("none", "");
            filters.put("actor", "actor=user-123");
            filters.put("action", "action=label-application.submit");
            filters.put("record", "entityType=LabelApplication&entityId=" + application);
            filters.put("organisation (largest)", "organisation=" + organisation);
            filters.put("programme (largest)", "programme=" + programme);
            filters.put("one day, a month ago", "from=" + day + "&to=" + day);
            filters.put("actor, next page half-way", "actor=user-123&before=" + head / 2);
            filters.put("organisation, next page half-way", "organisation=" + organisation + "&before=" + head / 2);
            filters.put("none, next page at 1 %", "before=" + head / 100);
        }
        return filters;
    }

    private void measure(BenchServers servers, long entries, Map<String, String> filters) throws Exception {
        URI api = base.resolve("api/v1/");
        String[] bearers = servers.tokens(ACCOUNT, clients);
        HttpClient[] sessions = new HttpClient[clients];
        for (int c = 0; c < clients; c++) {
            sessions[c] = BenchHttp.loggedIn(base, ACCOUNT);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nJournal browser benchmark: %,d journal entries, %d concurrent "
                + "clients, %d s per measure, pages of %d entries%n%s%n%n", entries, clients, millis / 1000, SIZE,
                servers.describe()));
        table.append("| filter | PostgreSQL alone p50 / p95 ms | API p50 / p95 ms | API requests/s | page p50 / p95 ms "
                + "| page requests/s |\n|---|---:|---:|---:|---:|---:|\n");
        warmUp(servers, filters, bearers, sessions);
        double worst = 0;
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            String path = apiPath(filter.getValue());
            URI page = page(filter.getValue());
            BenchLoad.Workers apiClient = client -> {
                HttpClient http = newClient();
                return () -> expect(200, http, BenchHttp.get(api, path, bearers[client]));
            };
            BenchLoad.Workers pageClient = client -> () -> BenchHttp.getPage(sessions[client], page,
                    "id=\"results-heading\"");
            BenchLoad.run(clients, apiClient, Math.max(2000, millis / 2));
            BenchLoad.run(clients, pageClient, Math.max(2000, millis / 2));
            HttpClient probe = newClient();
            logStatements(servers.database);
            BenchLoad.Workers alone = StatementReplay.verbatim(servers, "journal " + filter.getKey(), () -> {
                expect(200, probe, BenchHttp.get(api, path, bearers[0]));
                return 0;
            });
            System.out.println("Measuring " + filter.getKey() + " (" + encoded(path.substring(path.indexOf('?') + 1))
                    + ")...");
            BenchLoad.Run sqlRun = BenchLoad.measured(servers, clients, alone, millis).run();
            BenchLoad.Run apiRun = BenchLoad.measured(servers, clients, apiClient, millis).run();
            BenchLoad.Run pageRun = BenchLoad.measured(servers, clients, pageClient, millis).run();
            worst = Math.max(worst, Math.max(apiRun.percentile(95), pageRun.percentile(95)));
            table.append(String.format(Locale.ROOT, "| %s | %.1f / %.1f | %.1f / %.1f | %.0f | %.1f / %.1f | %.0f |%n",
                    filter.getKey(), sqlRun.percentile(50), sqlRun.percentile(95), apiRun.percentile(50),
                    apiRun.percentile(95), apiRun.perSecond(), pageRun.percentile(50), pageRun.percentile(95),
                    pageRun.perSecond()));
        }
        table.append(String.format(Locale.ROOT, "%nWorst p95 of the API and the page: %.1f ms: %s the aim of 100 ms%n",
                worst, worst < 100 ? "meets" : "misses"));
        System.out.println(table);
    }

    /**
     * Every filter's API request and page in turn, each client its own round, not counted, until the JIT compiled
     * the server's path ({@link BenchLoad#warmUp}); each filter then has a short warm-up of its own (the database's
     * pages of its entries).
     */
    private void warmUp(BenchServers servers, Map<String, String> filters, String[] bearers, HttpClient[] sessions)
            throws Exception {
        URI api = base.resolve("api/v1/");
        List<String> queries = List.copyOf(filters.values());
        BenchLoad.warmUp(servers, "every filter's API request and page", clients, client -> {
            HttpClient http = newClient();
            int[] next = {client};
            return () -> {
                String filter = queries.get(next[0]++ % queries.size());
                expect(200, http, BenchHttp.get(api, apiPath(filter), bearers[client]));
                BenchHttp.getPage(sessions[client], page(filter), "id=\"results-heading\"");
            };
        }, 4);
    }

    /** A page of the API's journal for a filter (its query, empty for none), relative to {@code api/v1/}. */
    private static String apiPath(String filter) {
        return "journal?" + (filter.isEmpty() ? "" : filter + "&") + "size=" + SIZE;
    }

    /** The journal's page for a filter (its query, empty for none), as the auditor opens it. */
    private URI page(String filter) {
        return base.resolve("app/audit/journal.xhtml" + (filter.isEmpty() ? "" : "?" + filter));
    }

    /** Turns the statement log on again: each capture turns it off after it ({@link StatementReplay}). */
    private static void logStatements(LocalDatabase database) throws Exception {
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement sql = superuser.createStatement()) {
            sql.execute("ALTER SYSTEM SET log_statement = 'all'");
            sql.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(1000);
    }

    private static String encoded(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8).replace("%3D", "=").replace("%26", "&");
    }

    private static long number(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            if (!rows.next()) {
                throw new IllegalStateException("Nothing for " + query + " (start with the demo data)");
            }
            return rows.getLong(1);
        }
    }
}
