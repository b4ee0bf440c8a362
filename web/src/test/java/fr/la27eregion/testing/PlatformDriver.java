package fr.la27eregion.testing;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipAction;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The test side of {@link PlatformDriverServlet}: drives the platform from a test running outside the server (the
 * secretariat's transitions as the test account {@code network-admin}), and reads the test database directly to
 * check what the server wrote (outbox, notifications, journal).
 */
public final class PlatformDriver {

    /** An answer of the driver: its status and its JSON. */
    public record Answer(int status, JsonObject json) {
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public PlatformDriver(URL deployment) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        // Payara Micro reports the machine's address; the server listens on loopback only
        this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + path);
    }

    /** An organisation that applied: its name, its coordinator's address, its membership as the driver answered. */
    public record Applicant(String name, String coordinator, JsonObject membership) {

        public long id() {
            return membership.getJsonNumber("id").longValue();
        }

        public long organisation() {
            return membership.getJsonNumber("organisation").longValue();
        }
    }

    /**
     * An organisation named {@code name} and a number of its own applies, with a coordinator of an address of its
     * own who reads {@code language}: a test's own records in the shared database, and its own mail.
     */
    public Applicant applicant(String name, String language) {
        long unique = System.nanoTime();
        String organisation = name + " " + unique;
        String coordinator = "coordinator-" + unique + "@region.test";
        return new Applicant(organisation, coordinator, apply(organisation, coordinator, language));
    }

    /** An organisation applies, its coordinator's address and language given; the membership as JSON. */
    public JsonObject apply(String name, String coordinatorEmail, String language) {
        return ok(post("apply", null, Map.of("name", name, "email", coordinatorEmail, "language", language)));
    }

    /** The secretariat makes a transition on the membership as last seen ({@code id}, {@code version}). */
    public Answer perform(JsonObject membership, MembershipAction action, String reason, String agreement) {
        return post("perform", secretariat(), transition(membership, action, reason, agreement));
    }

    /** The same, in a use case that fails afterwards: nothing of it may remain. */
    public Answer performThenFail(JsonObject membership, MembershipAction action, String reason) {
        return post("perform-then-fail", secretariat(), transition(membership, action, reason, null));
    }

    /** Moves the platform's clock to noon in France on {@code day}. */
    public void moveClockTo(LocalDate day) {
        ok(post("clock", null, Map.of("date", day.toString())));
    }

    /** Moves the platform's clock by {@code offset} from the real time (zero: back to it). */
    public void moveClockBy(Duration offset) {
        ok(post("clock", null, Map.of("seconds", Long.toString(offset.toSeconds()))));
    }

    /** A retry pass of the outbox, now; how many mails it sent. */
    public int retry() {
        return ok(post("retry", null, Map.of())).getInt("sent");
    }

    /** Runs the daily job from {@code count} timers at once; their tags. */
    public List<String> fireJob(int count) {
        return ok(post("job", null, Map.of("count", Integer.toString(count)))).getJsonArray("tags")
                .getValuesAs(JsonString::getString);
    }

    /** Runs the daily label job from {@code count} timers at once; their tags. */
    public List<String> fireLabelJob(int count) {
        return ok(post("job", null, Map.of("count", Integer.toString(count), "job", ScheduleTimers.LABELS)))
                .getJsonArray("tags").getValuesAs(JsonString::getString);
    }

    /** Runs the journal's daily anchor from {@code count} timers at once; their tags. */
    public List<String> fireAnchorJob(int count) {
        return ok(post("job", null, Map.of("count", Integer.toString(count), "job", ScheduleTimers.ANCHOR)))
                .getJsonArray("tags").getValuesAs(JsonString::getString);
    }

    /** The outcome of a job's timer, waited for ({@code ran=true lapsed=1 reminded=0 day=…}). */
    public String outcome(String tag, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("job", Map.of("tag", tag))).GET(), null);
            if (response.statusCode() == 200) {
                return read(response.body()).getString("outcome");
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The job of timer " + tag + " did not finish within " + timeout);
    }

    /** The module's timers: {@code info persistent=… hour:minute}. */
    public List<String> timers() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("timers", Map.of())).GET(), null);
        return read(response.body()).getJsonArray("timers").getValuesAs(JsonString::getString);
    }

    /** The server's live heap in bytes: what is still reachable after a full collection it runs now. */
    public long liveHeap() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("heap", Map.of())).GET(), null);
        return read(response.body()).getJsonNumber("usedBytes").longValue();
    }

    /** Any driver operation, as {@code username} (null: anonymous). */
    public Answer post(String operation, String username, Map<String, String> parameters) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(operation, parameters))
                .POST(HttpRequest.BodyPublishers.noBody()), username);
        return new Answer(response.statusCode(), response.body().isEmpty() ? JsonObject.EMPTY_JSON_OBJECT
                : read(response.body()));
    }

    /** The username of the test account of the secretariat. */
    public static String secretariat() {
        return TestAccounts.of(Role.NETWORK_ADMIN);
    }

    /** Rows of a query on the test database (as its superuser), each as its columns' values. */
    public static List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection db = Superuser.connect();
             PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits until {@code sql} returns at least one row, at most {@code timeout}; returns the rows then. */
    public static List<List<Object>> awaitRows(Duration timeout, String sql, Object... parameters)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<List<Object>> found = rows(sql, parameters);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = rows(sql, parameters);
        }
        return found;
    }

    private static Map<String, String> transition(JsonObject membership, MembershipAction action, String reason,
                                                  String agreement) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("id", membership.getJsonNumber("id").toString());
        parameters.put("version", Integer.toString(membership.getInt("version")));
        parameters.put("action", action.name());
        if (reason != null) {
            parameters.put("reason", reason);
        }
        if (agreement != null) {
            parameters.put("agreement", agreement);
        }
        return parameters;
    }

    private static JsonObject ok(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("The driver answered " + answer.status() + " " + answer.json());
        }
        return answer.json();
    }

    private URI uri(String operation, Map<String, String> parameters) {
        String query = parameters.entrySet().stream().map(parameter -> parameter.getKey() + "="
                + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return base.resolve("api/test-driver/" + operation + (query.isEmpty() ? "" : "?" + query));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String username) {
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
