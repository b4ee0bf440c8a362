package fr.la27eregion.membership;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.MovableClock;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.PlatformDriver.Answer;
import fr.la27eregion.testing.PlatformDriver.Applicant;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static fr.la27eregion.testing.MailServerSession.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily membership job on a real Payara Micro, PostgreSQL and SMTP server, with the platform's clock moved
 * ({@link MovableClock}) instead of waiting a year. The job runs as its timer runs it: from an EJB timer of the
 * container, outside any request, so the journal's actor is {@code system}.
 *
 * <p>The test database is shared: the job also acts on other tests' memberships when their time comes, so each
 * test checks its own membership and mail only, and moves the clock to days of its own (the job runs once per day:
 * two tests on the same day would see the second run refused).
 */
@DisplayName("Daily membership job")
class MembershipScheduleIT {

    private static final Duration JOB = Duration.ofMinutes(2);
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    final URL base = TestServer.url();

    private PlatformDriver driver;

    @BeforeEach
    void driver() {
        driver = new PlatformDriver(base);
    }

    @AfterEach
    void realTimeAgain() {
        driver.moveClockBy(Duration.ZERO);
    }

    @Test
    @DisplayName("an active membership lapses when the job runs after its period and the grace period ended")
    void anActiveMembershipLapsesAfterTheGracePeriod() throws Exception {
        driver.moveClockTo(LocalDate.now().plusDays(1500));
        Applicant member = activeMember("Région distraite");
        LocalDate end = LocalDate.parse(member.membership().getString("periodEnd"));
        long id = member.id();

        driver.moveClockTo(end.plusDays(60));
        String lastDayOfGrace = runJob();
        assertThat(lastDayOfGrace).startsWith("ran=true");
        assertThat(state(id)).as("the grace period's last day").isEqualTo("ACTIVE");

        driver.moveClockTo(end.plusDays(61));
        String outcome = runJob();
        assertThat(outcome).startsWith("ran=true").doesNotContain("lapsed=0").endsWith("day=" + end.plusDays(61));
        assertThat(state(id)).isEqualTo("LAPSED");
        assertThat(PlatformDriver.rows("SELECT state_before, state_after, actor, request_id FROM journal_entry"
                + " WHERE entity_type = 'Membership' AND entity_id = ? AND action = 'membership.lapse'",
                Long.toString(id))).containsExactly(java.util.Arrays.asList("ACTIVE", "LAPSED", "system", null));
        assertThat(MailServerSession.await(member.coordinator(), subject("Adhésion expirée : " + member.name()), 1,
                ARRIVAL)).hasSize(1);

        assertThat(runJob()).as("the same day again").startsWith("ran=false");
        assertThat(PlatformDriver.rows("SELECT count(*) FROM journal_entry WHERE entity_type = 'Membership'"
                + " AND entity_id = ? AND action = 'membership.lapse'", Long.toString(id)))
                .containsExactly(List.of(1L));
    }

    @Test
    @DisplayName("the renewal reminder goes out once, 30 days before the end; the job runs once a day")
    void theReminderGoesOutOnceThirtyDaysBeforeTheEnd() throws Exception {
        driver.moveClockTo(LocalDate.now().plusDays(3000));
        Applicant member = activeMember("Région prévoyante");
        LocalDate end = LocalDate.parse(member.membership().getString("periodEnd"));
        long id = member.id();
        String coordinator = member.coordinator();
        String reminder = "Renouvellement à prévoir : " + member.name();

        driver.moveClockTo(end.minusDays(31));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(remindedFor(id)).as("31 days before: not yet").isNull();

        driver.moveClockTo(end.minusDays(30));
        List<String> timers = driver.fireJob(2);
        List<String> outcomes = List.of(driver.outcome(timers.get(0), JOB), driver.outcome(timers.get(1), JOB));
        assertThat(outcomes).as("two timers on one day: one run").filteredOn(o -> o.startsWith("ran=true"))
                .hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.startsWith("ran=false")).hasSize(1);
        assertThat(remindedFor(id)).isEqualTo(end);
        assertThat(MailServerSession.await(coordinator, subject(reminder), 1, ARRIVAL)).hasSize(1);

        driver.moveClockTo(end.minusDays(29));
        assertThat(runJob()).as("the next day").startsWith("ran=true");
        assertThat(PlatformDriver.rows("SELECT count(*) FROM outgoing_mail WHERE recipient = ? AND subject = ?",
                coordinator, reminder)).as("not again").containsExactly(List.of(1L));
        assertThat(PlatformDriver.rows("SELECT actor FROM journal_entry WHERE entity_type = 'Membership'"
                + " AND entity_id = ? AND action = 'membership.reminder'", Long.toString(id)))
                .containsExactly(List.of("system"));
        assertThat(MailServerSession.received(coordinator, subject(reminder))).hasSize(1);
        assertThat(state(id)).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("the daily job's timer is registered, persistent, at 02:30; the mail retry timer every two minutes")
    void theTimersAreRegistered() {
        List<String> timers = driver.timers();
        assertThat(timers).contains("membership.daily persistent=true 2:30", "mail.retry persistent=false *:*/2");
    }

    /** An organisation applies, and the secretariat reviews, approves and activates its membership. */
    private Applicant activeMember(String name) {
        Applicant applicant = driver.applicant(name, "fr");
        JsonObject membership = applicant.membership();
        for (MembershipAction action : List.of(MembershipAction.REVIEW, MembershipAction.APPROVE,
                MembershipAction.ACTIVATE)) {
            Answer answer = driver.perform(membership, action, null,
                    action == MembershipAction.ACTIVATE ? "CONV-TEST-" + System.nanoTime() % 100000 : null);
            assertThat(answer.status()).as(action + " " + answer.json()).isEqualTo(200);
            membership = answer.json();
        }
        assertThat(membership.getString("state")).isEqualTo("ACTIVE");
        return new Applicant(applicant.name(), applicant.coordinator(), membership);
    }

    /** Runs the job from one timer and waits for its outcome. */
    private String runJob() throws InterruptedException {
        return driver.outcome(driver.fireJob(1).get(0), JOB);
    }

    private static String state(long membership) {
        return (String) PlatformDriver.rows("SELECT state FROM membership WHERE id = ?", membership).get(0).get(0);
    }

    private static LocalDate remindedFor(long membership) {
        Date day = (Date) PlatformDriver.rows("SELECT reminded_for FROM membership WHERE id = ?", membership)
                .get(0).get(0);
        return day == null ? null : day.toLocalDate();
    }
}
