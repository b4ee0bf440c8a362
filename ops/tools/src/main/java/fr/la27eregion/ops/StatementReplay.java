package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL alone, the baseline of the workflow benchmarks: the statements of one transition request as
 * PostgreSQL's statement log (log_statement = all, CSV) shows them, captured in the run after the warm-up, then
 * replayed over JDBC with the ids, versions and transactions of each client's own records: whatever the platform
 * sends today, the replay sends it too. The journal's entry is numbered and hashed after the head it locked as
 * {@link ChainAppend} does, so the chain stays intact.
 */
final class StatementReplay {

    /**
     * What the replayed requests act on: the record's table, the words of the columns that hold its id
     * ({@code membership} for {@code membership_id}; the table's own name for {@code id}), and its entity type in
     * the journal.
     */
    record Target(String table, Set<String> names, String entityType) {
    }

    /** One transition request through the platform, on a record of the benchmark's: answers that record's id. */
    interface Request {
        long send() throws Exception;
    }

    /** The benchmark's records by index: each one's id, and the version a replayed update left it at. */
    interface Records {
        long id(int index);

        void seen(int index, int version);
    }

    /** One statement of the log, its {@code $n} parameters as logged (null for NULL). */
    record Logged(String session, String sql, List<String> parameters) {
    }

    /** How to bind one parameter of a replayed statement. */
    private enum Kind { CONSTANT, RECORD, ORGANISATION, VERSION_BEFORE, VERSION_AFTER, NEW_ID }

    /** {@code row}: the parameter is the id the statement's WHERE names (whose version an UPDATE checks). */
    private record Parameter(Kind kind, String value, boolean row) {
    }

    /** A logged statement ready to replay: JDBC text, its table, the parameters in order of {@code ?}. */
    private record Template(String session, String sql, String table, List<Parameter> parameters, Step step,
                            Map<String, String> columns) {
    }

    private enum Step { STATEMENT, BEGIN, COMMIT, ROLLBACK, LOCK_HEAD, APPEND, SKIP }

    /** Not a column: whether a logged journal entry's subject is the logged record's organisation. */
    private static final String OWN_ORGANISATION = "(subject is the record's organisation)";
    /** Not a column: whether a logged journal entry's subject is the logged record itself. */
    private static final String OWN_RECORD = "(subject is the record)";

    /** The journal's append as the platform sends it (today's {@link ChainAppend#INSERT_AND_MOVE_HEAD} or older). */
    private static final Pattern JOURNAL_APPEND = Pattern.compile("^\\s*WITH\\s+entry\\s+AS\\s*\\(\\s*INSERT\\s+INTO\\s+"
            + "journal_entry\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");
    private static final Pattern ASSIGNED = Pattern.compile("(?:\\w+\\.)?(\\w+)\\s*=\\s*\\$(\\d+)");
    private static final Pattern INSERT = Pattern.compile(
            "INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UPDATE = Pattern.compile("^\\s*UPDATE\\s+(\\w+)\\s+SET\\s+(.*?)\\s+WHERE\\s+(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern FROM = Pattern.compile("\\bFROM\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOGGED = Pattern.compile("^(?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);
    private static final Pattern LOGGED_PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");

    private final LocalDatabase database;
    private final Target target;
    private final List<Template> templates;
    private final Map<Long, Long> organisations;
    /** Ids of the rows the replay inserts where the platform gives ids itself (preallocated sequences). */
    private final AtomicLong ids = new AtomicLong(4_000_000_000L);

    private StatementReplay(LocalDatabase database, Target target, List<Template> templates,
                            Map<Long, Long> organisations) {
        this.database = database;
        this.target = target;
        this.templates = templates;
        this.organisations = organisations;
    }

    /** A replaying client number {@code client}: its records in the order {@code next} gives their indexes. */
    BenchLoad.Worker client(int client, IntSupplier next, Records records) {
        return new ReplayClient(client, next, records);
    }

    private final class ReplayClient implements BenchLoad.Worker {
        private final IntSupplier next;
        private final Records records;
        private final int client;
        private final Map<String, Connection> connections = new java.util.HashMap<>();
        /** The versions this client last saw, by table and id. */
        private final Map<String, Long> seen = new java.util.HashMap<>();
        private long n;
        /** The journal head the last logged lock read. */
        private long headSeq;
        private String headHash;

        ReplayClient(int client, IntSupplier next, Records records) {
            this.next = next;
            this.records = records;
            this.client = client;
        }

        private Connection connection(String session) throws SQLException {
            Connection connection = connections.get(session);
            if (connection == null) {
                connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                        LocalDatabase.PASSWORD);
                connections.put(session, connection);
            }
            return connection;
        }

        @Override
        public void once() throws SQLException {
            int index = next.getAsInt();
            long record = records.id(index);
            long organisation = organisations.get(record);
            for (Template template : templates) {
                Connection connection = connection(template.session());
                switch (template.step()) {
                    case BEGIN -> connection.setAutoCommit(false);
                    case COMMIT -> {
                        connection.commit();
                        connection.setAutoCommit(true);
                    }
                    case ROLLBACK -> {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    case LOCK_HEAD -> lockHead(connection, template);
                    case SKIP -> {
                        // sequences: the replay numbers its rows
                    }
                    case APPEND -> append(connection, template, record, organisation);
                    case STATEMENT -> execute(connection, template, record, organisation);
                }
            }
            Long version = seen.get(target.table() + ":" + record);
            if (version != null) {
                records.seen(index, version.intValue());
            }
        }

        /** The journal head as the logged lock read it: the next append chains after it. */
        private void lockHead(Connection connection, Template template) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement(template.sql());
                 ResultSet head = lock.executeQuery()) {
                if (!head.next()) {
                    throw new IllegalStateException("The journal head is missing");
                }
                headSeq = head.getLong(1);
                headHash = head.getString(2);
            }
        }

        /**
         * The logged append itself (whatever its columns: a build of another commit may write fewer), with the
         * logged entry's content for this client's record and organisation, numbered and hashed after the
         * head just locked as the platform does ({@link CanonicalEntry}), so the chain stays intact.
         */
        private void append(Connection connection, Template template, long record, long organisation)
                throws SQLException {
            Map<String, String> entry = template.columns();
            String entityId = target.entityType().equals(entry.get("entity_type")) ? Long.toString(record)
                    : entry.get("entity_id");
            String subjectId = Boolean.parseBoolean(entry.get(OWN_ORGANISATION)) ? Long.toString(organisation)
                    : Boolean.parseBoolean(entry.get(OWN_RECORD)) ? Long.toString(record) : entry.get("subject_id");
            CanonicalEntry content = new EntryDraft(entry.get("actor"), entry.get("actor_roles"),
                    entry.get("action"), entry.get("entity_type"), entityId, entry.get("state_before"),
                    entry.get("state_after"), entry.get("reason"), entry.get("details"),
                    String.format(Locale.ROOT, "bench-pg-%d-%d", client, n++))
                    .numbered(headSeq + 1, Instant.now().truncatedTo(ChronoUnit.MICROS));
            Map<String, Object> values = new java.util.HashMap<>();
            values.put("seq", content.seq());
            values.put("recorded_at", OffsetDateTime.ofInstant(content.recordedAt(), ZoneOffset.UTC));
            values.put("actor", content.actor());
            values.put("actor_roles", content.actorRoles());
            values.put("action", content.action());
            values.put("entity_type", content.entityType());
            values.put("entity_id", content.entityId());
            values.put("state_before", content.stateBefore());
            values.put("state_after", content.stateAfter());
            values.put("reason", content.reason());
            values.put("details", content.details());
            values.put("request_id", content.requestId());
            values.put("prev_hash", headHash);
            values.put("hash", content.hash(headHash));
            values.put("subject_type", entry.get("subject_type"));
            values.put("subject_id", entry.get("subject_type") == null ? null : subjectId);
            try (PreparedStatement insert = connection.prepareStatement(template.sql())) {
                int i = 1;
                for (Parameter parameter : template.parameters()) {
                    if (!values.containsKey(parameter.value())) {
                        throw new IllegalStateException("The journal's insert has a column the replay does not "
                                + "know: " + parameter.value());
                    }
                    Object value = values.get(parameter.value());
                    if (value == null) {
                        insert.setNull(i++, java.sql.Types.VARCHAR);
                    } else {
                        insert.setObject(i++, value);
                    }
                }
                insert.executeUpdate();
            }
        }

        private void execute(Connection connection, Template template, long record, long organisation)
                throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(template.sql())) {
                String row = null;
                Long newVersion = null;
                int i = 1;
                for (Parameter parameter : template.parameters()) {
                    String value = switch (parameter.kind()) {
                        case CONSTANT -> parameter.value();
                        case RECORD -> Long.toString(record);
                        case ORGANISATION -> Long.toString(organisation);
                        case NEW_ID -> Long.toString(ids.incrementAndGet());
                        case VERSION_BEFORE, VERSION_AFTER -> null; // once the row is known, below
                    };
                    if (parameter.row()) {
                        row = template.table() + ":" + value;
                    }
                    bind(statement, i++, value);
                }
                i = 1;
                for (Parameter parameter : template.parameters()) {
                    if (parameter.kind() == Kind.VERSION_BEFORE || parameter.kind() == Kind.VERSION_AFTER) {
                        Long before = seen.get(row);
                        long version = before != null ? before : Long.parseLong(parameter.value());
                        long value = parameter.kind() == Kind.VERSION_AFTER ? version + 1 : version;
                        if (parameter.kind() == Kind.VERSION_AFTER) {
                            newVersion = value;
                        }
                        bind(statement, i, Long.toString(value));
                    }
                    i++;
                }
                if (statement.execute()) {
                    try (ResultSet rows = statement.getResultSet()) {
                        track(template.table(), rows);
                    }
                } else if (newVersion != null && statement.getUpdateCount() == 1) {
                    seen.put(row, newVersion);
                }
            }
        }

        /** Remembers the version of each row read that has one (a later UPDATE checks it). */
        private void track(String table, ResultSet rows) throws SQLException {
            java.sql.ResultSetMetaData meta = rows.getMetaData();
            int id = 0;
            int version = 0;
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String label = meta.getColumnLabel(c).toLowerCase(Locale.ROOT);
                id = label.equals("id") ? c : id;
                version = label.equals("version") ? c : version;
            }
            while (rows.next()) {
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    rows.getObject(c);
                }
                if (id > 0 && version > 0 && table != null) {
                    seen.put(table + ":" + rows.getLong(id), rows.getLong(version));
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections.values()) {
                connection.close();
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.OTHER);
        } else {
            statement.setObject(index, value, java.sql.Types.OTHER);
        }
    }

    /**
     * Logs one transition request through the API (the last of three, the warm-up done), between two markers that the
     * benchmark writes to the log itself, turns the statement log off again, and makes of the request's statements a
     * replay for any record of the target's table.
     *
     * @param name    what the request is, for the printout ("RENEW")
     * @param request sends one request on a record of the benchmark's and answers that record's id
     */
    static StatementReplay capture(BenchServers servers, Target target, String name, Request request)
            throws Exception {
        LocalDatabase database = servers.database;
        long[] record = {-1};
        List<Logged> logged = logged(servers, name, () -> record[0] = request.send());
        // the organisation of every record of the table, read once: the replay binds it where the request had its own
        Map<Long, Long> organisations = new java.util.HashMap<>();
        try (Connection superuser = database.superuser(LocalDatabase.DATABASE);
             Statement select = superuser.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, organisation_id FROM " + target.table())) {
            while (rows.next()) {
                organisations.put(rows.getLong(1), rows.getLong(2));
            }
        }
        long organisation = organisations.get(record[0]);
        List<Template> templates = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        List<String> sessions = new ArrayList<>();
        for (Logged one : logged) {
            Template template = template(one, target, record[0], organisation);
            templates.add(template);
            if (!sessions.contains(one.session())) {
                sessions.add(one.session());
            }
            shown.append(String.format(Locale.ROOT, "  %2d. [session %d] %-9s %s%n", templates.size(),
                    sessions.indexOf(one.session()) + 1, template.step(), abbreviated(one.sql())));
        }
        System.out.printf(Locale.ROOT, "%nOne %s request as PostgreSQL's statement log shows it (%d statements on %d "
                + "session(s); replayed as PostgreSQL alone, the journal's entry chained as the platform chains it):%n%s",
                name, logged.size(), sessions.size(), shown);
        return new StatementReplay(database, target, templates, organisations);
    }

    /**
     * The statements of the last of three requests, between two markers the benchmark writes to the log itself; the
     * statement log is then turned off.
     */
    private static List<Logged> logged(BenchServers servers, String name, Request request) throws Exception {
        try (Connection superuser = servers.database.superuser(LocalDatabase.DATABASE);
             Statement statement = superuser.createStatement()) {
            for (int i = 0; i < 3; i++) {
                statement.execute("SELECT 'bench-capture-begin'");
                request.send();
                statement.execute("SELECT 'bench-capture-end'");
            }
            statement.execute("ALTER SYSTEM SET log_statement = 'none'");
            statement.execute("SELECT pg_reload_conf()");
            Thread.sleep(1000);
            return lastRequest(servers.statementLog, name);
        }
    }

    /**
     * PostgreSQL alone for a request that only reads (a page): its statements as logged, printed, then replayed as
     * they are, with the logged parameters and transactions, a connection per logged session and client, every row
     * read.
     */
    static BenchLoad.Workers verbatim(BenchServers servers, String name, Request request) throws Exception {
        List<Logged> logged = logged(servers, name, request);
        StringBuilder shown = new StringBuilder();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < logged.size(); i++) {
            Logged one = logged.get(i);
            if (!sessions.contains(one.session())) {
                sessions.add(one.session());
            }
            shown.append(String.format(Locale.ROOT, "  %2d. [session %d] %s%n", i + 1,
                    sessions.indexOf(one.session()) + 1, abbreviated(one.sql())));
        }
        System.out.printf(Locale.ROOT, "%nOne %s request as PostgreSQL's statement log shows it (%d statements on %d "
                + "session(s); replayed as they are as PostgreSQL alone):%n%s", name, logged.size(), sessions.size(),
                shown);
        LocalDatabase database = servers.database;
        System.out.printf("%nEach statement's execution time in PostgreSQL (EXPLAIN ANALYZE, the best of 5, one "
                + "client):%n");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                LocalDatabase.PASSWORD)) {
            double all = 0;
            for (int i = 0; i < logged.size(); i++) {
                Logged one = logged.get(i);
                if (!one.sql().regionMatches(true, 0, "SELECT", 0, 6) && !one.sql().regionMatches(true, 0, "WITH",
                        0, 4)) {
                    continue;
                }
                double best = Double.MAX_VALUE;
                for (int run = 0; run < 5; run++) {
                    best = Math.min(best, explained(connection, one));
                }
                all += best;
                System.out.printf(Locale.ROOT, "  %2d. %8.3f ms  %s%n", i + 1, best, abbreviated(one.sql()));
                if (best > SLOW_MILLIS) {
                    System.out.print(plan(connection, one));
                }
            }
            System.out.printf(Locale.ROOT, "      %8.3f ms  in all%n", all);
        }
        return client -> new BenchLoad.Worker() {
            private final Map<String, Connection> connections = new java.util.HashMap<>();

            @Override
            public void once() throws SQLException {
                for (Logged one : logged) {
                    Connection connection = connections.get(one.session());
                    if (connection == null) {
                        connection = DriverManager.getConnection(database.jdbcUrl(), LocalDatabase.USER,
                                LocalDatabase.PASSWORD);
                        connections.put(one.session(), connection);
                    }
                    String word = one.sql().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                    switch (word) {
                        case "BEGIN" -> connection.setAutoCommit(false);
                        case "COMMIT" -> {
                            connection.commit();
                            connection.setAutoCommit(true);
                        }
                        case "ROLLBACK" -> {
                            connection.rollback();
                            connection.setAutoCommit(true);
                        }
                        default -> {
                            try (PreparedStatement statement = connection.prepareStatement(
                                    PLACEHOLDER.matcher(one.sql()).replaceAll("?"))) {
                                for (int i = 0; i < one.parameters().size(); i++) {
                                    bind(statement, i + 1, one.parameters().get(i));
                                }
                                if (statement.execute()) {
                                    try (ResultSet rows = statement.getResultSet()) {
                                        int columns = rows.getMetaData().getColumnCount();
                                        while (rows.next()) {
                                            for (int c = 1; c <= columns; c++) {
                                                rows.getObject(c);
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                for (Connection connection : connections.values()) {
                    connection.close();
                }
            }
        };
    }

    /** A statement slower than this shows its plan. */
    private static final double SLOW_MILLIS = 2;

    /** The whole statement and its plan, as PostgreSQL ran it, indented. */
    private static String plan(Connection connection, Logged one) throws SQLException {
        StringBuilder text = new StringBuilder("      ").append(one.sql().replaceAll("\\s+", " "))
                .append(System.lineSeparator()).append("      ").append(one.parameters())
                .append(System.lineSeparator());
        explain(connection, one, "ANALYZE, BUFFERS").forEach(line -> text.append("        ").append(line)
                .append(System.lineSeparator()));
        return text.toString();
    }

    /** The execution time PostgreSQL reports for one logged statement. */
    private static double explained(Connection connection, Logged one) throws SQLException {
        Matcher time = Pattern.compile("\"Execution Time\":\\s*([0-9.]+)")
                .matcher(String.join("", explain(connection, one, "ANALYZE, FORMAT JSON")));
        return time.find() ? Double.parseDouble(time.group(1)) : Double.NaN;
    }

    /** EXPLAIN with these options of one logged statement, run with its logged parameters, then rolled back. */
    private static List<String> explain(Connection connection, Logged one, String options) throws SQLException {
        List<String> lines = new ArrayList<>();
        connection.setAutoCommit(false);
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (" + options + ") "
                + PLACEHOLDER.matcher(one.sql()).replaceAll("?"))) {
            for (int i = 0; i < one.parameters().size(); i++) {
                bind(explain, i + 1, one.parameters().get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
                while (plan.next()) {
                    lines.add(plan.getString(1));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return lines;
    }

    static String abbreviated(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() > 110 ? one.substring(0, 107) + "..." : one;
    }

    /** The application role's statements between the last pair of markers of the CSV log. */
    private static List<Logged> lastRequest(Path log, String name) throws IOException {
        // the markers are near the end of a log of the whole run so far: its last 16 MB, from the first marker on
        byte[] tail;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 16 * 1024 * 1024);
            tail = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(tail);
        }
        String text = new String(tail, StandardCharsets.UTF_8);
        int marker = text.indexOf("'bench-capture-begin'");
        if (marker < 0) {
            throw new IllegalStateException("No capture marker in the statement log " + log);
        }
        List<List<String>> records = Csv.read(text.substring(text.lastIndexOf('\n', marker) + 1));
        List<Logged> window = null;
        List<Logged> last = null;
        for (List<String> record : records) {
            if (record.size() < 15) {
                continue;
            }
            String user = record.get(1);
            String message = record.get(13);
            if (message.contains("'bench-capture-begin'")) {
                window = new ArrayList<>();
            } else if (message.contains("'bench-capture-end'")) {
                if (window != null && !window.isEmpty()) {
                    last = window;
                }
                window = null;
            } else if (window != null && LocalDatabase.USER.equals(user)) {
                Matcher statement = LOGGED.matcher(message);
                if (statement.matches()) {
                    window.add(new Logged(record.get(5), statement.group(1).trim(), parameters(record.get(14))));
                }
            }
        }
        if (last == null) {
            throw new IllegalStateException("No " + name + " request found in the statement log " + log);
        }
        return last;
    }

    /** {@code parameters: $1 = '...', $2 = NULL} as a list, $1 first. */
    private static List<String> parameters(String detail) {
        List<String> values = new ArrayList<>();
        if (detail == null || !detail.regionMatches(true, 0, "parameters:", 0, 11)) {
            return values;
        }
        Matcher parameter = LOGGED_PARAMETER.matcher(detail);
        while (parameter.find()) {
            int number = Integer.parseInt(parameter.group(1));
            while (values.size() < number) {
                values.add(null);
            }
            values.set(number - 1, parameter.group(3) == null ? null : parameter.group(3).replace("''", "'"));
        }
        return values;
    }

    /** How to replay one logged statement for any record of the target: which parameters are its ids and versions. */
    private static Template template(Logged logged, Target target, long record, long organisation) {
        String sql = logged.sql();
        String word = sql.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        String jdbc = PLACEHOLDER.matcher(sql).replaceAll("?");
        if (sql.equalsIgnoreCase("BEGIN")) {
            return new Template(logged.session(), sql, null, List.of(), Step.BEGIN, Map.of());
        }
        if (sql.equalsIgnoreCase("COMMIT")) {
            return new Template(logged.session(), sql, null, List.of(), Step.COMMIT, Map.of());
        }
        if (sql.equalsIgnoreCase("ROLLBACK")) {
            return new Template(logged.session(), sql, null, List.of(), Step.ROLLBACK, Map.of());
        }
        if (jdbc.equals(ChainAppend.LOCK_HEAD)) {
            return new Template(logged.session(), jdbc, "journal_head", List.of(), Step.LOCK_HEAD, Map.of());
        }
        // which column each $n is compared with or assigned to, and where (SET or WHERE of an UPDATE)
        Map<Integer, String> column = new java.util.HashMap<>();
        Map<Integer, Boolean> assigned = new java.util.HashMap<>();
        String table = null;
        Matcher insert = INSERT.matcher(sql);
        Matcher update = UPDATE.matcher(sql);
        if (insert.find()) {
            table = insert.group(1).toLowerCase(Locale.ROOT);
            String[] names = insert.group(2).split(",");
            String[] values = insert.group(3).split(",");
            for (int i = 0; i < Math.min(names.length, values.length); i++) {
                Matcher number = PLACEHOLDER.matcher(values[i].trim());
                if (number.matches()) {
                    column.put(Integer.parseInt(number.group(1)), names[i].trim().toLowerCase(Locale.ROOT));
                    assigned.put(Integer.parseInt(number.group(1)), true);
                }
            }
        } else if (update.find()) {
            table = update.group(1).toLowerCase(Locale.ROOT);
            Matcher set = ASSIGNED.matcher(update.group(2));
            while (set.find()) {
                column.put(Integer.parseInt(set.group(2)), set.group(1).toLowerCase(Locale.ROOT));
                assigned.put(Integer.parseInt(set.group(2)), true);
            }
            Matcher where = ASSIGNED.matcher(update.group(3));
            while (where.find()) {
                column.put(Integer.parseInt(where.group(2)), where.group(1).toLowerCase(Locale.ROOT));
                assigned.put(Integer.parseInt(where.group(2)), false);
            }
        } else {
            Matcher from = FROM.matcher(sql);
            table = from.find() ? from.group(1).toLowerCase(Locale.ROOT) : null;
            Matcher where = ASSIGNED.matcher(sql);
            while (where.find()) {
                column.put(Integer.parseInt(where.group(2)), where.group(1).toLowerCase(Locale.ROOT));
                assigned.put(Integer.parseInt(where.group(2)), false);
            }
        }
        Map<String, String> columns = new java.util.HashMap<>();
        column.forEach((number, name) -> columns.put(name, number <= logged.parameters().size()
                ? logged.parameters().get(number - 1) : null));
        if (JOURNAL_APPEND.matcher(sql).find()) {
            // the columns of the insert in the order of its placeholders, bound by name when replayed
            List<Parameter> named = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(sql);
            while (placeholder.find()) {
                named.add(new Parameter(Kind.CONSTANT, column.get(Integer.parseInt(placeholder.group(1))), false));
            }
            columns.put(OWN_ORGANISATION, Boolean.toString("Organisation".equals(columns.get("subject_type"))
                    && Long.toString(organisation).equals(columns.get("subject_id"))));
            columns.put(OWN_RECORD, Boolean.toString(target.entityType().equals(columns.get("subject_type"))
                    && Long.toString(record).equals(columns.get("subject_id"))));
            return new Template(logged.session(), jdbc, "journal_entry", named, Step.APPEND, columns);
        }
        if (sql.toLowerCase(Locale.ROOT).contains("nextval(")) {
            return new Template(logged.session(), sql, null, List.of(), Step.SKIP, Map.of());
        }
        List<Parameter> parameters = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        while (placeholder.find()) {
            int number = Integer.parseInt(placeholder.group(1));
            String value = number <= logged.parameters().size() ? logged.parameters().get(number - 1) : null;
            String name = column.get(number);
            Kind kind = Kind.CONSTANT;
            if (name != null) {
                boolean set = assigned.getOrDefault(number, false);
                String entity = name.equals("id") ? table : name.endsWith("_id")
                        ? name.substring(0, name.length() - 3) : null;
                if (name.equals("id") && set && "INSERT".equals(word)) {
                    kind = Kind.NEW_ID;
                } else if (entity != null && target.names().contains(entity) && Long.toString(record).equals(value)) {
                    kind = Kind.RECORD;
                } else if ("organisation".equals(entity) && Long.toString(organisation).equals(value)) {
                    kind = Kind.ORGANISATION;
                } else if (name.equals("version") && "UPDATE".equals(word)) {
                    kind = set ? Kind.VERSION_AFTER : Kind.VERSION_BEFORE;
                }
            }
            boolean row = "id".equals(name) && !assigned.getOrDefault(number, false);
            parameters.add(new Parameter(kind, value, row));
        }
        return new Template(logged.session(), jdbc, table, parameters, Step.STATEMENT, columns);
    }

    /** Just enough of RFC 4180 for PostgreSQL's CSV log: quoted fields, doubled quotes, newlines inside quotes. */
    private static final class Csv {
        static List<List<String>> read(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n') {
                    record.add(field.length() == 0 && !wasQuoted ? null : field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            return records;
        }
    }
}
