package fr.la27eregion.notification;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.notification.entity.OutgoingMail;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.PlatformDriver.Answer;
import fr.la27eregion.testing.PlatformDriver.Applicant;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.la27eregion.testing.MailServerSession.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail of the membership workflow on a real Payara Micro, PostgreSQL and SMTP server ({@link MailServerSession}):
 * a transition mails the organisation's coordinator after commit, in their language; a mail server that is down
 * never fails a transition, and its mail arrives once the server is back; a transition that rolls back or is refused
 * mails nobody. And the password reset link, which goes by mail when mail is configured.
 *
 * <p>The transitions are driven from outside ({@link PlatformDriver}) as the secretariat's test account; each test
 * makes its own organisation and coordinator address, and reads only the mail sent to that address.
 */
@DisplayName("Mail of the membership workflow")
class MembershipMailIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final Predicate<MimeMessage> ANY = message -> true;
    /** Mails waiting when the retry passes start, and how many passes run side by side. */
    private static final int BACKLOG = 20;
    private static final int PASSES = 4;

    final URL base = TestServer.url();

    private PlatformDriver driver;

    @BeforeEach
    void driver() {
        driver = new PlatformDriver(base);
    }

    @AfterEach
    void realTimeAndMailServerAgain() {
        driver.moveClockBy(Duration.ZERO);
        MailServerSession.start();
    }

    @Test
    @DisplayName("a transition mails the coordinator in French, after commit; the in-app entry is written too")
    void aTransitionMailsTheCoordinatorInFrench() throws Exception {
        Applicant applicant = driver.applicant("Région de courrier", "fr");
        String name = applicant.name();
        String coordinator = applicant.coordinator();
        JsonObject applied = applicant.membership();

        assertThat(MailServerSession.await(coordinator, subject("Candidature reçue : " + name), 1, ARRIVAL))
                .hasSize(1);
        Answer reviewed = driver.perform(applied, MembershipAction.REVIEW, null, null);
        assertThat(reviewed.status()).isEqualTo(200);

        List<MimeMessage> mails = MailServerSession.await(coordinator,
                subject("Candidature en cours d'examen : " + name), 1, ARRIVAL);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(mail.getHeader("Subject")[0]).as("encoded on the wire").startsWith("=?UTF-8?");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).as(String.join(" / ", mail.getHeader("From")))
                .isEqualTo("La 27e Région");
        assertThat((String) mail.getContent()).startsWith("Bonjour,")
                .contains("Le secrétariat examine la candidature de " + name)
                .contains("/app/membership/organisation.xhtml?id=" + applicant.organisation())
                .contains("La 27e Région — secrétariat du réseau");
        assertThat(MailServerSession.received(coordinator, ANY)).as("apply and review, once each").hasSize(2);

        assertThat(PlatformDriver.rows("SELECT message_key FROM notification WHERE organisation_id = ? ORDER BY id",
                applicant.organisation())).containsExactly(List.of("membership.apply"), List.of("membership.review"));
        assertThat(PlatformDriver.awaitRows(ARRIVAL, "SELECT attempts FROM outgoing_mail WHERE recipient = ?"
                + " AND sent_at IS NOT NULL AND subject LIKE 'Candidature en cours%'", coordinator))
                .containsExactly(List.of(1));
    }

    @Test
    @DisplayName("a coordinator who chose English gets the English text")
    void aCoordinatorWhoChoseEnglishGetsTheEnglishText() throws Exception {
        Applicant applicant = driver.applicant("English-speaking region", "en");
        String name = applicant.name();
        String coordinator = applicant.coordinator();
        JsonObject applied = applicant.membership();
        assertThat(driver.perform(applied, MembershipAction.REVIEW, null, null).status()).isEqualTo(200);

        List<MimeMessage> mails = MailServerSession.await(coordinator, subject("Application under review: " + name),
                1, ARRIVAL);
        assertThat(mails).hasSize(1);
        assertThat((String) mails.get(0).getContent()).startsWith("Hello,")
                .contains("The secretariat is reviewing the application of " + name);
        assertThat(MailServerSession.await(coordinator, subject("Application received: " + name), 1, ARRIVAL))
                .hasSize(1);
    }

    @Test
    @DisplayName("while the mail server is down a transition still succeeds, and its mail arrives once it is back")
    void aMailServerDownNeverFailsATransitionAndItsMailArrivesLater() throws Exception {
        Applicant applicant = driver.applicant("Région patiente", "fr");
        String name = applicant.name();
        String coordinator = applicant.coordinator();
        JsonObject applied = applicant.membership();
        assertThat(MailServerSession.await(coordinator, ANY, 1, ARRIVAL)).hasSize(1);
        long failedBefore = counter("mail_failed_total");

        MailServerSession.stop();
        Answer reviewed = driver.perform(applied, MembershipAction.REVIEW, null, null);
        assertThat(reviewed.status()).as("the decision does not wait for mail").isEqualTo(200);
        assertThat(reviewed.json().getString("state")).isEqualTo("UNDER_REVIEW");

        List<List<Object>> failed = PlatformDriver.awaitRows(ARRIVAL, "SELECT attempts, last_error FROM outgoing_mail"
                + " WHERE recipient = ? AND sent_at IS NULL AND attempts > 0", coordinator);
        assertThat(failed).as("tried at once, failed, kept").hasSize(1);
        assertThat(failed.get(0).get(0)).isEqualTo(1);
        assertThat((String) failed.get(0).get(1)).contains("Connect");
        assertThat(counter("mail_failed_total")).isGreaterThan(failedBefore);
        assertThat(PlatformDriver.rows("SELECT state FROM membership WHERE id = ?",
                applicant.id())).containsExactly(List.of("UNDER_REVIEW"));

        MailServerSession.start();
        // the first retry waits a minute: move the platform's time past it rather than wait
        driver.moveClockBy(Duration.ofMinutes(2));
        driver.retry();
        List<MimeMessage> arrived = MailServerSession.await(coordinator,
                subject("Candidature en cours d'examen : " + name), 1, ARRIVAL);
        assertThat(arrived).hasSize(1);
        assertThat(PlatformDriver.awaitRows(ARRIVAL, "SELECT attempts FROM outgoing_mail WHERE recipient = ?"
                + " AND sent_at IS NOT NULL AND subject LIKE 'Candidature en cours%'", coordinator))
                .containsExactly(List.of(2));
        // the server restarted empty: the apply mail went before, this is the review mail, once
        assertThat(MailServerSession.received(coordinator, ANY)).as("sent once").hasSize(1);
    }

    @Test
    @DisplayName("retry passes running side by side (as on several instances) send each mail once")
    void concurrentRetryPassesSendEachMailOnce() throws Exception {
        MailServerSession.stop();
        List<Applicant> backlog = new ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            backlog.add(driver.applicant("Région en attente", i % 2 == 0 ? "fr" : "en"));
        }
        for (Applicant applicant : backlog) {
            assertThat(PlatformDriver.awaitRows(ARRIVAL, "SELECT 1 FROM outgoing_mail WHERE recipient = ?"
                    + " AND attempts = 1 AND sent_at IS NULL", applicant.coordinator())).hasSize(1);
        }
        MailServerSession.start();
        driver.moveClockBy(Duration.ofMinutes(2));
        long sentBefore = counter("mail_sent_total");

        ExecutorService passes = Executors.newFixedThreadPool(PASSES);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < PASSES; i++) {
                sent.add(passes.submit(driver::retry));
            }
            int total = 0;
            for (Future<Integer> pass : sent) {
                total += pass.get(2, TimeUnit.MINUTES);
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.printf("%d retry passes side by side sent %d mails in %d ms%n", PASSES, total, millis);
            assertThat(total).as("all of the backlog, by one pass or another").isGreaterThanOrEqualTo(BACKLOG);
        } finally {
            passes.shutdownNow();
        }
        for (Applicant applicant : backlog) {
            assertThat(MailServerSession.await(applicant.coordinator(), ANY, 1, ARRIVAL)).as(applicant.coordinator())
                    .hasSize(1);
            assertThat(PlatformDriver.rows("SELECT attempts FROM outgoing_mail WHERE recipient = ?"
                    + " AND sent_at IS NOT NULL", applicant.coordinator())).containsExactly(List.of(2));
        }
        assertThat(counter("mail_sent_total") - sentBefore).isGreaterThanOrEqualTo(BACKLOG);
    }

    @Test
    @DisplayName("a transition that rolls back, or is refused, mails nobody and notifies nobody")
    void aRolledBackOrRefusedTransitionTellsNobody() throws Exception {
        Applicant applicant = driver.applicant("Région prudente", "fr");
        String name = applicant.name();
        String coordinator = applicant.coordinator();
        JsonObject applied = applicant.membership();
        Answer reviewed = driver.perform(applied, MembershipAction.REVIEW, null, null);
        assertThat(reviewed.status()).isEqualTo(200);

        long approvalsBefore = counter("membership_transitions_total", "action=\"APPROVE\"");
        assertThat(driver.performThenFail(reviewed.json(), MembershipAction.APPROVE, null).json()
                .getBoolean("rolledBack")).isTrue();
        assertThat(counter("membership_transitions_total", "action=\"APPROVE\""))
                .as("a step rolled back is not counted: the metric counts after commit").isEqualTo(approvalsBefore);
        Answer refused = driver.perform(reviewed.json(), MembershipAction.REJECT, " ", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().getString("key")).isEqualTo("membership.rule.REASON_REQUIRED");

        // then a transition that commits: its mail comes after anything the others could have sent
        Answer approved = driver.perform(reviewed.json(), MembershipAction.APPROVE, null, null);
        assertThat(approved.status()).as("the version the rolled-back use case saw is still current").isEqualTo(200);
        assertThat(counter("membership_transitions_total", "action=\"APPROVE\"")).as("a step committed is")
                .isEqualTo(approvalsBefore + 1);
        assertThat(MailServerSession.await(coordinator, subject("Candidature acceptée : " + name), 1, ARRIVAL))
                .hasSize(1);
        assertThat(PlatformDriver.awaitRows(ARRIVAL, "SELECT 1 FROM outgoing_mail WHERE recipient = ?"
                + " AND subject LIKE 'Candidature accept%' AND sent_at IS NOT NULL", coordinator)).hasSize(1);

        assertThat(PlatformDriver.rows("SELECT subject FROM outgoing_mail WHERE recipient = ? ORDER BY id",
                coordinator)).containsExactly(List.of("Candidature reçue : " + name),
                List.of("Candidature en cours d'examen : " + name), List.of("Candidature acceptée : " + name));
        assertThat(PlatformDriver.rows("SELECT message_key FROM notification WHERE organisation_id = ? ORDER BY id",
                applicant.organisation())).containsExactly(List.of("membership.apply"),
                List.of("membership.review"), List.of("membership.approve"));
        assertThat(MailServerSession.await(coordinator, ANY, 3, ARRIVAL)).hasSize(3)
                .filteredOn(subject("Candidature acceptée : " + name)).hasSize(1);
    }

    @Test
    @DisplayName("a password reset link goes by mail (then erased from the outbox) and works once")
    void aPasswordResetLinkGoesByMail() throws Exception {
        String username = "reset-" + System.nanoTime();
        String secretariat = PlatformDriver.secretariat();
        long account = driver.post("account", secretariat, Map.of("username", username)).json()
                .getJsonNumber("id").longValue();
        Answer issued = driver.post("reset", secretariat, Map.of("id", Long.toString(account)));
        assertThat(issued.status()).isEqualTo(200);
        String address = username + "@test.invalid";
        assertThat(issued.json().getString("mailedTo")).isEqualTo(address);

        List<MimeMessage> mails = MailServerSession.await(address,
                subject("Choisir un nouveau mot de passe pour la plateforme de La 27e Région"), 1, ARRIVAL);
        assertThat(mails).hasSize(1);
        Matcher link = Pattern.compile("https?://\\S+/reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)")
                .matcher((String) mails.get(0).getContent());
        assertThat(link.find()).as("the mail holds the link").isTrue();
        assertThat(PlatformDriver.awaitRows(ARRIVAL, "SELECT body FROM outgoing_mail WHERE recipient = ?"
                + " AND sent_at IS NOT NULL", address)).as("the outbox keeps no working link")
                .containsExactly(List.of(OutgoingMail.ERASED));
        assertThat(PlatformDriver.rows("SELECT details FROM journal_entry WHERE action = 'account.password-reset-link'"
                + " AND entity_id = ?", username)).hasSize(1).allSatisfy(row ->
                assertThat((String) row.get(0)).contains("\"mailed\":true").doesNotContain(link.group(1)));

        String password = "un nouveau mot de passe 2026";
        assertThat(driver.post("new-password", null, Map.of("token", link.group(1), "password", password)).status())
                .isEqualTo(200);
        assertThat(me(username, password)).as("the new password works").isEqualTo(200);
        assertThat(driver.post("new-password", null, Map.of("token", link.group(1), "password", password + "!"))
                .json().getString("key")).as("once").isEqualTo("identity.rule.resetLinkInvalid");
        assertThat(me(username, TestAccounts.PASSWORD)).isEqualTo(401);
    }

    private int me(String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + "/api/v1/me"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The value of an application counter in the server's metrics (0 when not published yet). */
    private long counter(String name) throws Exception {
        return counter(name, "");
    }

    /** The value of the counter whose tags include {@code tag} ({@code action="APPROVE"}); 0 when not published. */
    private long counter(String name, String tag) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort()
                + "/metrics")).timeout(Duration.ofSeconds(30)).build();
        String metrics = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(tag) + "[^}]*}\\s+([0-9.]+)")
                .matcher(metrics);
        return value.find() ? (long) Double.parseDouble(value.group(1)) : 0;
    }
}
