package fr.la27eregion.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro a test starts as a process, the way {@code ops/run} starts the platform: {@code java -jar
 * target/payara-micro.jar --deploy <war> --contextroot /} on a free loopback port, no cluster, no phone-home, the
 * preboot commands of {@code ops/payara} (HTTP and the data grid on loopback), its output in
 * {@code target/<name>.log}. Stopped by its own process id ({@link #close()}), never by name.
 */
public final class MicroProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final URI base;
    private final Path log;

    private MicroProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts Payara Micro with {@code war} at the root, a heap of {@code heap} ({@code 768m}), the given system
     * properties ({@code -Dname=value} each) and {@code target/<name>.log}, {@code target/<name>-unpack}; returns at
     * once (wait with {@link #awaitStatus}).
     */
    public static MicroProcess start(Path war, String name, String heap, List<String> systemProperties) {
        Path target = Path.of("target").toAbsolutePath();
        Path log = target.resolve(name + ".log");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dhazelcast.socket.bind.any=false"));
        command.addAll(systemProperties);
        command.addAll(List.of("-jar", target.resolve("payara-micro.jar").toString(),
                "--deploy", war.toAbsolutePath().toString(), "--contextroot", "/", "--port", Integer.toString(port),
                "--nocluster", "--disablephonehome",
                "--unpackdir", target.resolve(name + "-unpack").toString(),
                "--prebootcommandfile",
                Path.of("..", "ops", "payara", "micro-preboot.asadmin").toAbsolutePath().toString()));
        try {
            Files.deleteIfExists(log);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new MicroProcess(process, URI.create("http://127.0.0.1:" + port + "/"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Payara Micro; see " + log, e);
        }
    }

    /** The application, {@code http://127.0.0.1:<port>/}. */
    public URI base() {
        return base;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** A GET of {@code path} (relative to the application). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code path} answers {@code status}; fails at once if Payara Micro stopped. */
    public void awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped; see " + log);
            }
            try {
                if (get(path).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(path + " did not answer " + status + " within " + timeout + "; see " + log);
    }

    /** Stops this Payara Micro, the process this object started, by its id (forcibly after 30 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A TCP port free on this machine now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
