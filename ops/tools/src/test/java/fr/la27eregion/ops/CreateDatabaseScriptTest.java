package fr.la27eregion.ops;

import fr.la27eregion.platform.database.ReferenceDataMigration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ops/db/create-database} against a throw-away PostgreSQL of the operating system's packages (Debian's
 * PostgreSQL 15 server binaries, {@code /usr/lib/postgresql/15/bin}; another with {@code -Dpostgresql.bin=DIR}),
 * initialised with password authentication (SCRAM) as a production server is: the script creates the two roles and
 * the database; the platform's own migrations then run as {@code platform_owner} (what the platform does at its first
 * start with {@code DB_MIGRATION_USER}), and {@code platform} reads and appends to the journal but can neither change
 * an entry nor create a table. A second run changes nothing and keeps the generated password.
 */
class CreateDatabaseScriptTest {

    private static final Path SCRIPT = Path.of("../db/create-database").toAbsolutePath().normalize();
    private static final Path BIN = Path.of(System.getProperty("postgresql.bin", "/usr/lib/postgresql/15/bin"));
    private static final String SUPERUSER_PASSWORD = "super-secret-1";
    /** With a quote and a backslash: the script passes it to SQL as a literal. */
    private static final String APPLICATION_PASSWORD = "it's a \\ pass-phrase";

    private static Path work;
    private static int port;
    private static boolean asPostgresUser;

    @BeforeAll
    static void startPostgreSql() throws Exception {
        assertThat(BIN.resolve("initdb")).as("PostgreSQL's server binaries (Debian: postgresql-15)").isExecutable();
        assertThat(SCRIPT).isExecutable();
        // the server refuses to run as root: then it runs as the system's postgres user, as on a real server
        asPostgresUser = "root".equals(System.getProperty("user.name"));
        work = Files.createTempDirectory("create-database-test");
        Files.writeString(work.resolve("pwfile"), SUPERUSER_PASSWORD + "\n");
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres", work.toString()), Map.of(), false);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(List.of(BIN.resolve("initdb").toString(), "-D", work.resolve("data").toString(), "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + work.resolve("pwfile"), "-E", "UTF8", "--locale=C"), Map.of(), true);
        run(List.of(BIN.resolve("pg_ctl").toString(), "-D", work.resolve("data").toString(), "-w", "-t", "60",
                "-l", work.resolve("postgres.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + work, "start"), Map.of(), true);
    }

    @AfterAll
    static void stopPostgreSql() throws Exception {
        if (work != null && Files.isDirectory(work.resolve("data"))) {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", work.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"), Map.of(), true);
            run(List.of("rm", "-rf", work.toString()), Map.of(), false);
        }
    }

    @Test
    void createsTheRolesAndTheDatabaseThatThePlatformMigratesAsItsOwner() throws Exception {
        Map<String, String> settings = createDatabase();
        assertThat(settings).containsEntry("DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/platform")
                .containsEntry("DB_USER", "platform").containsEntry("DB_MIGRATION_USER", "platform_owner")
                .containsEntry("DB_PASSWORD", APPLICATION_PASSWORD);
        String ownerPassword = settings.get("DB_MIGRATION_PASSWORD");
        assertThat(ownerPassword).as("the owner's generated password").matches("[A-Za-z0-9]{32}");

        try (Connection superuser = connect("postgres", "postgres", SUPERUSER_PASSWORD);
             ResultSet database = superuser.createStatement().executeQuery("SELECT pg_get_userbyid(datdba), "
                     + "pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'platform'")) {
            assertThat(database.next()).isTrue();
            assertThat(database.getString(1)).isEqualTo("platform_owner");
            assertThat(database.getString(2)).isEqualTo("UTF8");
        }

        // what the platform does at start with DB_MIGRATION_USER (fr.la27eregion.platform.database.Migrations)
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(settings.get("DB_URL"), "platform_owner", ownerPassword)
                .locations("classpath:db/migration")
                .javaMigrations(new ReferenceDataMigration())
                .placeholders(Map.of("application_role", "platform"))
                .failOnMissingLocations(true)
                .load().migrate();
        assertThat(result.migrationsExecuted).isGreaterThan(20);

        try (Connection application = connect("platform", "platform", APPLICATION_PASSWORD);
             Statement statement = application.createStatement()) {
            try (ResultSet regions = statement.executeQuery("SELECT count(*) FROM territory")) {
                regions.next();
                assertThat(regions.getInt(1)).as("the reference data, readable by the application").isPositive();
            }
            statement.executeQuery("SELECT count(*) FROM journal_entry").close();
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE journal_entry SET seq = seq"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE intruder (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }

        // a second run: nothing created twice, the owner's password (not given) kept
        Map<String, String> again = createDatabase();
        assertThat(again).containsEntry("#DB_MIGRATION_PASSWORD", "(unchanged)").containsEntry("DB_PASSWORD", APPLICATION_PASSWORD);
        connect("platform", "platform_owner", ownerPassword).close();
    }

    private static Map<String, String> createDatabase() throws Exception {
        String printed = run(List.of(SCRIPT.toString()), Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(port),
                "PGUSER", "postgres", "PGPASSWORD", SUPERUSER_PASSWORD, "DB_PASSWORD", APPLICATION_PASSWORD,
                "DB_MIGRATION_PASSWORD", ""), false);
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : printed.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return settings;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }

    /** Runs a command (as postgres when asked and this test runs as root); returns its standard output. */
    private static String run(List<String> command, Map<String, String> environment, boolean asPostgres)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path errors = Files.createTempFile("create-database-test", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(full).redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", full) + " finished").isTrue();
            assertThat(process.exitValue()).as(String.join(" ", full) + ":\n" + output + Files.readString(errors))
                    .isZero();
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
