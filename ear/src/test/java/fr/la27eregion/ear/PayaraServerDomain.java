package fr.la27eregion.ear;

import fr.la27eregion.ops.ListeningSockets;
import fr.la27eregion.ops.ListeningSockets.Bound;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away Payara Server domain under {@code target/}, driven with {@code asadmin} as an operator would:
 * {@code create-domain}, {@code start-domain}, {@code deploy}, {@code stop-domain}.
 *
 * <p>It is configured so that a test run stays on this machine: every socket of the server (HTTP, HTTPS, admin,
 * IIOP, the JMS proxy, the Data Grid of the DAS, the H2 server of the EJB timer service) is bound to 127.0.0.1,
 * remote JMX is off, and neither Payara's nor Hazelcast's phone-home runs. Most of it is a pre-boot command
 * file of {@code set} commands, so it holds from the very first start; only the JVM options are written into
 * {@code domain.xml} before that start, because {@code asadmin} changes them on a running server only (they
 * would then need a restart). Pre-boot commands that fail are only reported on the server's console: the
 * tests check the result (listening sockets, phone-home) instead.
 */
final class PayaraServerDomain {

    /** The ports of a domain are its port base plus these offsets (see {@code create-domain --portbase}). */
    private static final int ADMIN = 48;
    private static final int HTTP = 80;
    private static final int HTTPS = 81;
    private static final int IIOP = 37;
    private static final int IIOP_SSL = 38;
    private static final int IIOP_MUTUAL_AUTH = 39;
    private static final int JMS = 76;
    private static final int JMX = 86;
    private static final int OSGI_SHELL = 66;
    private static final int DEBUGGER = 9;
    private static final int DATA_GRID_DAS = 49;
    private static final int DATA_GRID_START = 59;
    private static final int[] OFFSETS = {ADMIN, HTTP, HTTPS, IIOP, IIOP_SSL, IIOP_MUTUAL_AUTH, JMS, JMX,
            OSGI_SHELL, DEBUGGER, DATA_GRID_DAS, DATA_GRID_START};

    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(1);

    private final Path home;
    private final Path domainsDir;
    private final String name;
    private final int portBase;

    private PayaraServerDomain(Path home, Path domainsDir, String name, int portBase) {
        this.home = home;
        this.domainsDir = domainsDir;
        this.name = name;
        this.portBase = portBase;
    }

    /**
     * The domain {@code name} in {@code domainsDir}, on the first port base from {@code firstPortBase} (in steps
     * of 100) whose ports are all free on this machine.
     */
    static PayaraServerDomain on(Path home, Path domainsDir, String name, int firstPortBase) {
        if (!Files.isExecutable(home.resolve("bin/asadmin"))) {
            throw new IllegalStateException("No Payara Server in " + home + " (mvn verify unpacks it there)");
        }
        for (int base = firstPortBase; base < firstPortBase + 1000 && base + 100 < 65536; base += 100) {
            if (allFree(base)) {
                return new PayaraServerDomain(home, domainsDir, name, base);
            }
        }
        throw new IllegalStateException("No free port base from " + firstPortBase
                + " on: choose another with -Dpayara.test.portbase=N");
    }

    int portBase() {
        return portBase;
    }

    int httpPort() {
        return portBase + HTTP;
    }

    int adminPort() {
        return portBase + ADMIN;
    }

    /** Every port the domain may listen on. */
    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (int offset : OFFSETS) {
            ports.add(portBase + offset);
        }
        return ports;
    }

    Path directory() {
        return domainsDir.resolve(name);
    }

    Path serverLog() {
        return directory().resolve("logs/server.log");
    }

    /** Removes what a previous run left (stopping its server first if it still runs), then creates the domain. */
    void create() throws IOException, InterruptedException {
        if (Files.isDirectory(directory())) {
            stop();
            deleteRecursively(directory());
        }
        Files.createDirectories(domainsDir);
        asadmin(CREATE_TIMEOUT, "create-domain", "--nopassword", "--portbase", Integer.toString(portBase),
                "--domaindir", domainsDir.toString(), name);
    }

    /**
     * Everything the first start must already see. The JVM options go into {@code domain.xml} (the launcher reads
     * them from there); the rest is a pre-boot command file of {@code set} commands, run by the server before
     * its services start.
     *
     * @param systemProperties set with {@code -D} on the server JVM
     */
    void configure(Map<String, String> systemProperties) throws Exception {
        List<String> jvmOptions = new ArrayList<>();
        // the Data Grid of the DAS binds to every interface unless told otherwise, whatever its interface setting
        jvmOptions.add("-Dhazelcast.socket.bind.any=false");
        // Hazelcast's own phone-home, which Payara's switch does not cover
        jvmOptions.add("-Dhazelcast.phone.home.enabled=false");
        // the H2 database of the EJB timer service (AUTO_SERVER=TRUE) opens a TCP server on a random port of
        // every interface when the first application with timers is deployed
        jvmOptions.add("-Dh2.bindAddress=127.0.0.1");
        systemProperties.forEach((key, value) -> jvmOptions.add("-D" + key + "=" + value));
        addJvmOptions(jvmOptions);

        String config = "configs.config.server-config";
        String listener = config + ".network-config.network-listeners.network-listener";
        String iiop = config + ".iiop-service.iiop-listener";
        String grid = "hazelcast-runtime-configuration";
        List<String> commands = List.of(
                "set " + listener + ".http-listener-1.address=127.0.0.1",
                "set " + listener + ".http-listener-2.address=127.0.0.1",
                "set " + listener + ".admin-listener.address=127.0.0.1",
                "set " + iiop + ".orb-listener-1.address=127.0.0.1",
                "set " + iiop + ".SSL.address=127.0.0.1",
                "set " + iiop + ".SSL_MUTUALAUTH.address=127.0.0.1",
                // no remote JMX at all: asadmin talks to the admin listener (bound to 127.0.0.1 just above);
                // an RMI connector bound to 127.0.0.1 would work but logs a SEVERE error at every stop
                "set " + config + ".admin-service.jmx-connector.system.address=127.0.0.1",
                "set " + config + ".admin-service.jmx-connector.system.enabled=false",
                "set " + grid + ".das-bind-address=127.0.0.1",
                "set " + grid + ".das-public-address=127.0.0.1",
                "set " + grid + ".interface=127.0.0.1",
                // a list- command first: it creates the configuration element that the set then changes
                // (a fresh domain has neither; disable-phone-home does not work before the server is up)
                "list-phone-home",
                "set " + config + ".phone-home-runtime-configuration.enabled=false",
                // the JMS proxy binds to 0.0.0.0 when its host is "localhost" (the default), to the host otherwise
                "list-jms-hosts",
                "set " + config + ".jms-service.jms-host.default_JMS_host.host=127.0.0.1");
        Files.write(preBootCommands(), commands, StandardCharsets.UTF_8);
    }

    void start() throws IOException, InterruptedException {
        asadmin(START_TIMEOUT, "start-domain", "--domaindir", domainsDir.toString(),
                "--prebootcommandfile", preBootCommands().toString(), name);
    }

    void deploy(Path archive) throws IOException, InterruptedException {
        remote(DEPLOY_TIMEOUT, "deploy", archive.toString());
    }

    /**
     * Installs the archive as an operator does, with {@code ops/payara-server/install} (system properties from the
     * env file, {@code deploy --force}, wait until ready); fails with what it printed if it fails.
     */
    void install(Path script, Path envFile, Path archive, java.net.URI base) throws IOException, InterruptedException {
        run(DEPLOY_TIMEOUT, List.of(script.toString(), "--asadmin", home.resolve("bin/asadmin").toString(),
                "--admin-port", Integer.toString(adminPort()), "--env", envFile.toString(), "--ear", archive.toString(),
                "--url", base.toString(), "--ready-seconds", "240"));
    }

    /** Runs a command on the running server and returns what it printed. */
    String remote(Duration timeout, String... command) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("--host", "127.0.0.1", "--port",
                Integer.toString(adminPort()), "--interactive=false"));
        arguments.addAll(List.of(command));
        return asadmin(timeout, arguments.toArray(String[]::new));
    }

    String remote(String... command) throws IOException, InterruptedException {
        return remote(COMMAND_TIMEOUT, command);
    }

    /**
     * Stops the server, then makes sure its process is gone (by the process id the server wrote at start).
     * Does nothing if the domain was never started.
     */
    void stop() {
        Optional<ProcessHandle> server = serverProcess();
        if (server.isEmpty()) {
            return;
        }
        try {
            asadmin(STOP_TIMEOUT, "stop-domain", "--domaindir", domainsDir.toString(), name);
        } catch (Exception e) {
            System.err.println("stop-domain failed: " + e.getMessage());
        }
        server.ifPresent(process -> {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                System.err.println("Payara Server (pid " + process.pid() + ") did not stop: killing it");
                process.destroyForcibly();
            }
        });
    }

    /** The server process, from the pid file it writes when it starts and removes when it stops. */
    Optional<ProcessHandle> serverProcess() {
        Path pidFile = directory().resolve("config/pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    /** A socket the server listens on (TCP) or is bound to (UDP). */
    /**
     * Every socket the server process listens on, as {@code ss -ltunp} shows them (see {@link ListeningSockets}).
     * Empty when {@code /proc} cannot tell (not Linux).
     */
    List<Bound> boundSockets() throws IOException {
        Optional<ProcessHandle> server = serverProcess();
        return server.isEmpty() ? List.of() : ListeningSockets.of(server.get().pid());
    }

    /** The last lines of server.log, to explain a failed start or deployment. */
    String serverLogTail(int lines) {
        try {
            List<String> all = Files.readAllLines(serverLog(), StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server.log: " + e.getMessage() + ")";
        }
    }

    private Path preBootCommands() {
        return directory().resolve("config/pre-boot-commands.asadmin");
    }

    private void addJvmOptions(List<String> options) throws Exception {
        Path domainXml = directory().resolve("config/domain.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document domain = factory.newDocumentBuilder().parse(domainXml.toFile());
        Element javaConfig = (Element) XPathFactory.newInstance().newXPath()
                .evaluate("/domain/configs/config[@name='server-config']/java-config", domain, XPathConstants.NODE);
        if (javaConfig == null) {
            throw new IllegalStateException("No java-config for server-config in " + domainXml);
        }
        for (String option : options) {
            Element element = domain.createElement("jvm-options");
            element.setTextContent(option);
            javaConfig.appendChild(element);
        }
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(domain), new StreamResult(domainXml.toFile()));
    }

    /** Runs asadmin with the JDK of the tests; fails with its output if it fails or takes too long. */
    private String asadmin(Duration timeout, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        return run(timeout, command);
    }

    /** Runs a command with asadmin's JDK the tests' own; fails with its output if it fails or takes too long. */
    private String run(Duration timeout, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(domainsDir);
        Path output = Files.createTempFile(domainsDir, "asadmin-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("AS_JAVA", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                        + timeout.toSeconds() + " s:\n" + Files.readString(output));
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit "
                        + process.exitValue() + "):\n" + printed);
            }
            return printed;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean allFree(int base) {
        for (int offset : OFFSETS) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true); // a connection in TIME_WAIT does not keep a server from listening
                socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), base + offset));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
