package fr.la27eregion.ops;

import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.membership.entity.Siret;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@code ops/test-db-failover}: a stream of membership transitions (RENEW, through the API as the
 * secretariat) from a few clients, each transition the platform acknowledges (a 200 and the new version) recorded;
 * meanwhile the failover command given runs (the primary stopped, the standby promoted). Then, against the new
 * primary: every acknowledged transition is there (each membership's version at least the last one acknowledged,
 * and a journal entry for each acknowledged RENEW), and the journal's chain verifies. Prints the outage the clients
 * saw and the time until the platform served again; exit code 0 when nothing acknowledged is missing and the
 * journal verifies, 1 otherwise.
 *
 * <p>Usage: {@code DatabaseFailoverDrill BASE_URL NEW_PRIMARY_JDBC_URL USER PASSWORD FAILOVER_COMMAND [SECONDS]}.
 */
public final class DatabaseFailoverDrill {

    private static final int CLIENTS = 4;
    private static final int MEMBERSHIPS_PER_CLIENT = 2;
    private static final String SECRETARIAT = "Basic " + Base64.getEncoder().encodeToString(
            "secretariat:Demo-27eRegion-2026".getBytes(StandardCharsets.UTF_8));

    private final URI api;
    private final long[] memberships = new long[CLIENTS * MEMBERSHIPS_PER_CLIENT];
    private final int[] versions = new int[memberships.length];
    /** Per membership: the RENEW transitions acknowledged, and the last version acknowledged. */
    private final AtomicLong[] acknowledged = new AtomicLong[memberships.length];
    private final int[] lastAcknowledged = new int[memberships.length];
    private final ConcurrentLinkedQueue<Long> failures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> successes = new ConcurrentLinkedQueue<>();
    /** What the failed requests answered: "HTTP 503", "HTTP 500", or the client's exception. */
    private final Map<String, AtomicLong> failureKinds = new ConcurrentSkipListMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    private DatabaseFailoverDrill(URI base) {
        this.api = base.resolve("api/v1/");
        for (int i = 0; i < acknowledged.length; i++) {
            acknowledged[i] = new AtomicLong();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: DatabaseFailoverDrill BASE_URL NEW_PRIMARY_JDBC_URL USER PASSWORD "
                    + "FAILOVER_COMMAND [SECONDS_BEFORE]");
            System.exit(2);
        }
        String base = args[0].endsWith("/") ? args[0] : args[0] + "/";
        DatabaseFailoverDrill drill = new DatabaseFailoverDrill(URI.create(base));
        long before = args.length > 5 ? Long.parseLong(args[5]) : 5;
        drill.prepare();
        System.exit(drill.run(args[4], before) && drill.check(args[1], args[2], args[3]) ? 0 : 1);
    }

    /** Memberships taken to ACTIVE through the API: applied (anonymous), reviewed, approved, activated. */
    private void prepare() throws IOException, InterruptedException {
        HttpClient http = BenchHttp.newClient();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        for (int i = 0; i < memberships.length; i++) {
            String siret = Siret.withKey(String.format(Locale.ROOT, "98%05d%06d", i, Long.parseLong(run))).value();
            String application = "{\"name\":\"Bascule " + run + " n° " + (i + 1) + "\",\"kind\":\"ASSOCIATE\","
                    + "\"siret\":\"" + siret + "\",\"contacts\":[{\"fullName\":\"Camille Bascule\",\"email\":"
                    + "\"bascule" + run + "-" + i + "@example.fr\",\"networkRole\":\"COORDINATOR\"}]}";
            HttpResponse<String> applied = BenchHttp.expect(201, http, BenchHttp.post(api, "organisations",
                    application, null));
            String location = applied.headers().firstValue("Location").orElseThrow();
            memberships[i] = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            versions[i] = BenchHttp.version(applied);
            for (String action : List.of("REVIEW", "APPROVE", "ACTIVATE")) {
                versions[i] = BenchHttp.version(BenchHttp.expect(200, http, transition(i, action)));
            }
        }
        System.out.println(memberships.length + " memberships ACTIVE; " + CLIENTS + " clients renew them in a loop.");
    }

    private boolean run(String failover, long secondsBefore) throws Exception {
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> loop(client), "client-" + c);
            thread.start();
            clients.add(thread);
        }
        Thread.sleep(secondsBefore * 1000);
        long acknowledgedBefore = successes.size();
        long failedAt = System.nanoTime();
        System.out.println(acknowledgedBefore + " transitions acknowledged; failing over now: " + failover);
        Process command = new ProcessBuilder("bash", "-c", failover).inheritIO().start();
        if (!command.waitFor(2, TimeUnit.MINUTES) || command.exitValue() != 0) {
            System.out.println("The failover command failed.");
            stop.set(true);
            return false;
        }
        long commandEnded = System.nanoTime();
        // served again: a transition acknowledged after the command ended, by every client
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        long recovered = 0;
        while (recovered == 0 && System.nanoTime() < deadline) {
            recovered = successes.stream().filter(at -> at > commandEnded).count() >= CLIENTS
                    ? successes.stream().filter(at -> at > commandEnded).min(Long::compare).orElse(0L) : 0;
            Thread.sleep(50);
        }
        Thread.sleep(3000);
        stop.set(true);
        for (Thread client : clients) {
            client.join(TimeUnit.MINUTES.toMillis(2));
        }
        if (recovered == 0) {
            System.out.println("The platform did NOT serve again within 2 minutes of the promotion.");
            return false;
        }
        long firstFailure = failures.stream().filter(at -> at >= failedAt).min(Long::compare).orElse(failedAt);
        long lastFailure = failures.stream().max(Long::compare).orElse(failedAt);
        long lastSuccessBefore = successes.stream().filter(at -> at < firstFailure).max(Long::compare).orElse(failedAt);
        long firstSuccessAfter = successes.stream().filter(at -> at > lastFailure).min(Long::compare).orElse(recovered);
        System.out.printf(Locale.ROOT, "Failover command: %.2f s (stop the primary, promote the standby)%n",
                (commandEnded - failedAt) / 1e9);
        System.out.printf(Locale.ROOT, "Outage seen by the clients: %.2f s (last acknowledged transition before the "
                + "first failure to the first acknowledged after the last failure); %d requests failed%n",
                (firstSuccessAfter - lastSuccessBefore) / 1e9, failures.size());
        System.out.println("The failed requests answered: " + failureKinds);
        System.out.printf(Locale.ROOT, "Served again %.2f s after the promotion ended, %.2f s after the primary "
                + "stopped%n", Math.max(0, recovered - commandEnded) / 1e9, (recovered - failedAt) / 1e9);
        System.out.println(successes.size() + " transitions acknowledged in all.");
        return true;
    }

    /** RENEW the client's memberships in turn; a failure is counted, then the version read again (it may have
     *  committed without its answer reaching the client). */
    private void loop(int client) {
        HttpClient http = BenchHttp.newClient();
        int turn = 0;
        while (!stop.get()) {
            int i = client * MEMBERSHIPS_PER_CLIENT + turn++ % MEMBERSHIPS_PER_CLIENT;
            try {
                HttpResponse<String> answer = http.send(transition(i, "RENEW"),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (answer.statusCode() == 200) {
                    versions[i] = BenchHttp.version(answer);
                    lastAcknowledged[i] = versions[i];
                    acknowledged[i].incrementAndGet();
                    successes.add(System.nanoTime());
                    continue;
                }
                failed("HTTP " + answer.statusCode() + answer.headers().firstValue("Content-Type")
                        .map(type -> " " + type).orElse(""));
                if (answer.statusCode() == 409) {
                    versions[i] = BenchHttp.version(BenchHttp.expect(200, http, BenchHttp.get(api,
                            "memberships/" + memberships[i], SECRETARIAT)));
                }
            } catch (IOException | RuntimeException broken) {
                failed(broken.getClass().getSimpleName());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(100);
        }
    }

    private void failed(String kind) {
        failures.add(System.nanoTime());
        failureKinds.computeIfAbsent(kind, key -> new AtomicLong()).incrementAndGet();
    }

    /** On the new primary: nothing acknowledged is missing, and the journal verifies. */
    private boolean check(String url, String user, String password) throws SQLException {
        boolean complete = true;
        long renewsAcknowledged = 0;
        long renewsJournaled = 0;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement version = connection.prepareStatement("SELECT version FROM membership WHERE id = ?");
             PreparedStatement journaled = connection.prepareStatement("SELECT count(*) FROM journal_entry"
                     + " WHERE action = 'membership.renew' AND entity_type = 'Membership' AND entity_id = ?")) {
            for (int i = 0; i < memberships.length; i++) {
                version.setLong(1, memberships[i]);
                journaled.setString(1, Long.toString(memberships[i]));
                int stored = single(version);
                int entries = single(journaled);
                renewsAcknowledged += acknowledged[i].get();
                renewsJournaled += entries;
                if (stored < lastAcknowledged[i] || entries < acknowledged[i].get()) {
                    complete = false;
                    System.out.println("MISSING on membership " + memberships[i] + ": version " + stored
                            + " (acknowledged " + lastAcknowledged[i] + "), " + entries + " RENEW entries ("
                            + acknowledged[i].get() + " acknowledged)");
                }
            }
        }
        System.out.println("Acknowledged RENEW transitions: " + renewsAcknowledged + "; in the new primary's journal: "
                + renewsJournaled + (renewsJournaled > renewsAcknowledged ? " (the extra ones committed, their "
                + "answer lost in the failover)" : ""));
        Verification verification = VerifyJournal.verify(url, user, password);
        System.out.println("Journal on the new primary: " + verification.entriesChecked() + " entries, "
                + (verification.intact() ? "the chain is intact." : "BROKEN at " + verification.firstBrokenSeq()
                + ": " + verification.problem()));
        boolean ok = complete && verification.intact();
        System.out.println(ok ? "FAILOVER DRILL OK: no acknowledged transition is missing, the journal verifies."
                : "FAILOVER DRILL FAILED");
        return ok;
    }

    private HttpRequest transition(int index, String action) {
        String agreement = action.equals("ACTIVATE") ? ",\"agreement\":\"CONV-BASCULE-" + (index + 1) + "\"" : "";
        return BenchHttp.post(api, "memberships/" + memberships[index] + "/transitions",
                "{\"action\":\"" + action + "\",\"version\":" + versions[index] + agreement + "}", SECRETARIAT);
    }

    private static int single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
