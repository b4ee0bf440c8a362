package fr.la27eregion.platform.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away cluster of Debian's PostgreSQL (the {@code postgresql-15} package, {@code /usr/lib/postgresql/15/bin},
 * or {@code -Dpg.bin}), the server on-premises teams run and whose {@code pg_dump} the operations scripts use: the
 * test run's embedded PostgreSQL ships none. initdb into a temporary folder, one free loopback port, trust
 * authentication on loopback only, fsync off (a test cluster). Run as {@code postgres} when the tests run as root
 * (the server refuses root). The roles of a platform database are created: {@code platform_owner} (owns it, runs
 * the migrations) and {@code platform} (the application's narrow role).
 */
final class DebianPostgres implements AutoCloseable {

    static final String OWNER = "platform_owner";
    static final String APPLICATION = "platform";

    private final Path bin;
    private final Path folder;
    private final int port;

    private DebianPostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    static Path bin() {
        Path bin = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));
        if (!Files.isExecutable(bin.resolve("pg_dump")) || !Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalStateException("Debian's PostgreSQL 15 is needed in " + bin
                    + " (apt-get install postgresql-15; ops/test installs it), or -Dpg.bin=<its bin folder>");
        }
        return bin;
    }

    static DebianPostgres start() throws IOException, InterruptedException, SQLException {
        Path bin = bin();
        Path folder = Files.createTempDirectory("platform-postgres-");
        int port = freePort();
        if (root()) {
            run(List.of("chown", "postgres", folder.toString()), Map.of());
        }
        DebianPostgres cluster = new DebianPostgres(bin, folder, port);
        cluster.asServer(List.of(bin.resolve("initdb").toString(), "-D", cluster.data(), "-A", "trust", "-U",
                "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        cluster.asServer(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.data(), "-l",
                folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -F -c synchronous_commit=off", "start"));
        try (Connection superuser = cluster.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER + "'");
            sql.execute("CREATE ROLE " + APPLICATION + " LOGIN PASSWORD '" + APPLICATION + "'");
        }
        return cluster;
    }

    void createDatabase(String name) throws SQLException {
        try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " OWNER " + OWNER);
        }
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?user=postgres");
    }

    Connection owner(String database) throws SQLException {
        return DriverManager.getConnection(url(database), OWNER, OWNER);
    }

    /** The environment an ops/ script needs to reach {@code database} as its owner with these binaries. */
    Map<String, String> environment(String database) {
        return Map.of("DB_URL", url(database), "DB_USER", OWNER, "DB_PASSWORD", OWNER, "PG_BIN", bin.toString());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asServer(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop"));
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void asServer(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (root()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Result result = run(full, Map.of());
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output());
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** What a command printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    /** Runs {@code command} with {@code environment} added to this one's, for at most two minutes. */
    static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("PG") || key.startsWith("DB_"));
        builder.environment().putAll(environment);
        Path output = Files.createTempFile("platform-ops-", ".out");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within 2 minutes: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
