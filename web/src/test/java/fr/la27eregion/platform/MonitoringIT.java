package fr.la27eregion.platform;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.PlatformDriver.Applicant;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators watch, on the shared Payara Micro: {@code /metrics} (Prometheus text) counts a workflow's
 * transition by action, the journal's appends, a mail sent and a scheduled job's run with its last success; and
 * {@code /health/ready} reports the SMTP server down in its {@code mail} check without leaving the load balancer
 * (the outbox keeps the mail), and is DOWN when the attachments' folder is missing, UP with its free space when
 * it is there.
 */
@DisplayName("Monitoring: metrics and readiness")
class MonitoringIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final URL base = TestServer.url();
    private final PlatformDriver driver = new PlatformDriver(base);

    @TempDir
    Path folder;

    @AfterEach
    void asBefore() {
        MailServerSession.start();
        driver.post("attachments-folder", null, Map.of("path", ""));
        driver.moveClockBy(Duration.ZERO);
    }

    @Test
    @DisplayName("a transition, its journal entries, its mail and a job's run show on /metrics")
    void transitionsJournalMailAndJobsAreCounted() throws Exception {
        String before = metrics();
        double reviews = value(before, "membership_transitions_total", "action=\"REVIEW\"").orElse(0.0);
        double appends = value(before, "journal_append_seconds_count", "").orElse(0.0);
        double sent = value(before, "mail_sent_total", "").orElse(0.0);
        double anchorRuns = value(before, "jobs_runs_total", "name=\"journal.anchor\"").orElse(0.0);

        Applicant applicant = driver.applicant("Région surveillée", "fr");
        assertThat(driver.perform(applicant.membership(), MembershipAction.REVIEW, null, null).status()).isEqualTo(200);
        assertThat(MailServerSession.await(applicant.coordinator(), mail -> true, 2, PATIENCE)).hasSize(2);
        long started = System.currentTimeMillis() / 1000;
        driver.moveClockTo(LocalDate.now().plusDays(20_000 + System.nanoTime() % 20_000));
        String tag = driver.fireAnchorJob(1).get(0);
        assertThat(driver.outcome(tag, Duration.ofMinutes(2))).startsWith("ran=true");

        String after = awaitMetrics(text -> value(text, "mail_sent_total", "").orElse(0.0) >= sent + 2);
        assertThat(value(after, "membership_transitions_total", "action=\"REVIEW\"")).contains(reviews + 1);
        assertThat(value(after, "membership_transitions_total", "action=\"APPLY\"")).as(after).isPresent();
        assertThat(value(after, "journal_append_seconds_count", "")).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isGreaterThanOrEqualTo(appends + 3);
        assertThat(value(after, "mail_sent_total", "")).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isGreaterThanOrEqualTo(sent + 2);
        assertThat(value(after, "jobs_runs_total", "name=\"journal.anchor\"")).contains(anchorRuns + 1);
        assertThat(value(after, "jobs_failures_total", "name=\"journal.anchor\"").orElse(0.0)).isZero();
        assertThat(value(after, "jobs_last_success", "name=\"journal.anchor\"")).get().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.DOUBLE).isGreaterThanOrEqualTo((double) started);
        assertThat(after).as("Prometheus text with its type lines").contains("# TYPE membership_transitions_total counter");
    }

    @Test
    @DisplayName("readiness reports the SMTP server down in its mail check and stays UP: the outbox keeps the mail")
    void aMailServerDownIsReportedNotFailed() throws Exception {
        JsonObject up = awaitCheck("mail", check -> check.getJsonObject("data").getString("smtp").startsWith("reachable"));
        assertThat(up.getString("status")).isEqualTo("UP");

        MailServerSession.stop();
        JsonObject down = awaitCheck("mail", check -> check.getJsonObject("data").getString("smtp")
                .startsWith("unreachable"));
        assertThat(down.getString("status")).isEqualTo("UP");
        assertThat(down.getJsonObject("data").getString("smtp")).contains("127.0.0.1:", "mail waits in the outbox");
        HttpResponse<String> ready = get("health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

        MailServerSession.start();
        awaitCheck("mail", check -> check.getJsonObject("data").getString("smtp").startsWith("reachable"));
    }

    @Test
    @DisplayName("readiness is DOWN while the attachments' folder is missing, UP with its free space once it is there")
    void theAttachmentsDiskIsChecked() throws Exception {
        assertThat(check(get("health/ready").body(), "attachments-disk").getJsonObject("data").getString("store"))
                .isEqualTo("database");

        Path missing = folder.resolve("not-mounted");
        driver.post("attachments-folder", null, Map.of("path", missing.toString()));
        HttpResponse<String> down = get("health/ready");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonObject disk = check(down.body(), "attachments-disk");
        assertThat(disk.getString("status")).isEqualTo("DOWN");
        assertThat(disk.getJsonObject("data").getString("problem")).startsWith("missing");
        assertThat(disk.getJsonObject("data").getString("folder")).isEqualTo(missing.toString());

        driver.post("attachments-folder", null, Map.of("path", folder.toString()));
        HttpResponse<String> ready = get("health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonObject fine = check(ready.body(), "attachments-disk");
        assertThat(fine.getString("status")).isEqualTo("UP");
        // Payara's health answer gives every datum as a string
        assertThat(Long.parseLong(fine.getJsonObject("data").getString("free-megabytes"))).isPositive();
        assertThat(fine.getJsonObject("data").getString("min-free-megabytes")).isEqualTo("1024");
    }

    private JsonObject awaitCheck(String name, java.util.function.Predicate<JsonObject> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject check;
        do {
            check = check(get("health/ready").body(), name);
            if (condition.test(check)) {
                return check;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The " + name + " check did not change within " + PATIENCE + ": " + check);
    }

    private static JsonObject check(String health, String name) {
        return Json.createReader(new StringReader(health)).readObject().getJsonArray("checks")
                .getValuesAs(JsonObject.class).stream().filter(check -> name.equals(check.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    private String awaitMetrics(java.util.function.Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String text = metrics();
        while (!condition.test(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = metrics();
        }
        return text;
    }

    private String metrics() throws Exception {
        HttpResponse<String> response = get("metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample {@code name} whose labels include {@code label} (any, when empty). */
    private static Optional<Double> value(String metrics, String name, String label) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label)
                + "[^}]*}\\s+([-0-9.Ee+]+)").matcher(metrics);
        return value.find() ? Optional.of(Double.parseDouble(value.group(1))) : Optional.empty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort()
                + "/" + path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
