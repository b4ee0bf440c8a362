package fr.la27eregion.ops;

import fr.la27eregion.platform.demo.DemoData;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ops/run} prints once the platform answers: the URLs, then what its database holds today, read from
 * it (nothing is written here that the database does not say): the accounts one may log in with, each with its roles
 * and its organisation by name, the organisations with their membership, the label programmes and their campaigns.
 *
 * <p>Usage: {@code RunFacts PORT [JDBC_URL [USER [PASSWORD]]]}; what is not given comes from {@code DB_URL},
 * {@code DB_USER}, {@code DB_PASSWORD}. Exits 2 when the database cannot be read (ops/run then only says so).
 */
public final class RunFacts {

    /** At most this many rows of a list, then how many more. */
    static final int SHOWN = 30;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private RunFacts() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: RunFacts PORT [JDBC_URL [USER [PASSWORD]]]  (or DB_URL, DB_USER, DB_PASSWORD)");
            System.exit(2);
        }
        String url = argument(args, 1, "DB_URL");
        String user = argument(args, 2, "DB_USER");
        try (Connection connection = user == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, user, argument(args, 3, "DB_PASSWORD"))) {
            print(connection, args[0], System.out);
        } catch (SQLException unreadable) {
            System.err.println("The database could not be read: " + unreadable.getMessage());
            System.exit(2);
        }
    }

    /** Writes the whole text: the URLs, the logins, the organisations, programmes and campaigns. */
    static void print(Connection connection, String port, PrintStream out) throws SQLException {
        String base = "http://localhost:" + port + "/";
        out.printf("""

                  Public pages   %1$spublic/territories.xhtml   (projects: %1$spublic/projets.xhtml)
                  Open data API  %1$sapi/v1/territories   (OpenAPI: %1$sopenapi)
                  Health         %1$shealth               Metrics: %1$smetrics
                  Intranet       %1$slogin.xhtml
                  Logs           .data/payara-micro.log

                """, base);
        List<String> accounts = rows(connection, """
                SELECT a.username, string_agg(r.role, ', ' ORDER BY r.role), o.name
                FROM account a JOIN account_role r ON r.account_id = a.id
                LEFT JOIN organisation o ON o.id = a.organisation_id
                WHERE a.enabled GROUP BY a.id, a.username, o.name ORDER BY min(a.id)""", row -> String.format(
                "%-14s %-22s %s", row.getString(1), row.getString(2),
                row.getString(3) == null ? "" : "of " + row.getString(3)));
        section(out, "Logins (password " + DemoData.DEMO_PASSWORD + " for the demo ones)", accounts);
        out.printf("  API as a user  curl -u auditor:%s %sapi/v1/me%n%n", DemoData.DEMO_PASSWORD, base);
        section(out, "Organisations and their membership", rows(connection, """
                SELECT o.name, o.kind, (SELECT m.state FROM membership m WHERE m.organisation_id = o.id
                ORDER BY m.id DESC LIMIT 1) FROM organisation o ORDER BY o.name""", row -> String.format(
                "%-45s %-17s %s", row.getString(1), row.getString(2),
                row.getString(3) == null ? "no membership" : row.getString(3))));
        section(out, "Label programmes", rows(connection, """
                SELECT g.code, g.name_fr, (SELECT count(*) FROM campaign c WHERE c.programme_id = g.id)
                FROM label_programme g ORDER BY g.code""", row -> String.format("%-22s %s (%d campaigns)",
                row.getString(1), row.getString(2), row.getLong(3))));
        section(out, "Campaigns", rows(connection, """
                SELECT c.code, c.title_fr, c.opens_at, c.closes_at,
                (SELECT count(*) FROM label_application a WHERE a.campaign_id = c.id)
                FROM campaign c ORDER BY c.opens_at, c.code""", row -> String.format(
                "%-22s %s, %s to %s (%d applications)", row.getString(1), row.getString(2),
                day(row.getObject(3, OffsetDateTime.class)), day(row.getObject(4, OffsetDateTime.class)),
                row.getLong(5))));
    }

    /** One row as a line. */
    private interface Line {
        String of(ResultSet row) throws SQLException;
    }

    private static List<String> rows(Connection connection, String sql, Line line) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(line.of(rows));
            }
        }
        return lines;
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        out.printf("  %s: %d%n", title, lines.size());
        lines.stream().limit(SHOWN).forEach(line -> out.println("    " + line.strip()));
        if (lines.size() > SHOWN) {
            out.printf("    ... and %d more%n", lines.size() - SHOWN);
        }
        out.println();
    }

    private static String day(OffsetDateTime time) {
        return time.atZoneSameInstant(PARIS).format(DAY);
    }

    private static String argument(String[] args, int index, String variable) {
        return args.length > index ? args[index] : System.getenv(variable);
    }
}
