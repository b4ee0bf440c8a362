package fr.la27eregion.label;

import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.SqlLabels;
import fr.la27eregion.testing.SqlLabels.Awarded;
import fr.la27eregion.testing.SqlProjects;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily label job on a real Payara Micro and PostgreSQL, with the platform's clock moved instead of waiting
 * years, run as its timer runs it (from an EJB timer, outside any request: the journal's actor is {@code system}).
 * The labels, campaigns and assessments are written by SQL as the award and the review leave them.
 *
 * <p>The test database is shared: the job also expires other tests' labels when their time comes, so each test
 * checks its own records only, on days of its own (the job runs once per day), far in the future.
 */
@DisplayName("Daily label job")
class LabelScheduleIT {

    private static final Duration JOB = Duration.ofMinutes(2);

    private PlatformDriver driver;

    @BeforeEach
    void driver() {
        driver = new PlatformDriver(TestServer.url());
    }

    @AfterEach
    void realTimeAgain() {
        driver.moveClockBy(Duration.ZERO);
    }

    @Test
    @DisplayName("active and suspended labels expire the day after their validity, journaled as the system, told")
    void labelsExpireAfterTheirLastDay() throws Exception {
        LocalDate day = LocalDate.now().plusDays(4000);
        Awarded active = SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", day.minusYears(2), day.minusDays(1),
                true);
        Awarded suspended = SqlLabels.label(TestAccounts.ORGANISATION_A, "SUSPENDED", day.minusYears(2),
                day.minusDays(1), true);
        Awarded lastDay = SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", day.minusYears(2), day, true);
        Awarded revoked = SqlLabels.label(TestAccounts.ORGANISATION_A, "REVOKED", day.minusYears(2),
                day.minusDays(1), true);

        driver.moveClockTo(day);
        String outcome = runJob();
        assertThat(outcome).startsWith("ran=true").doesNotContain("expired=0").endsWith("day=" + day);
        assertThat(state(active)).isEqualTo("EXPIRED");
        assertThat(state(suspended)).as("a suspension does not extend the validity").isEqualTo("EXPIRED");
        assertThat(state(lastDay)).as("valid on its last day").isEqualTo("ACTIVE");
        assertThat(state(revoked)).isEqualTo("REVOKED");
        assertThat(Superuser.column("SELECT state_before || '>' || state_after || ' ' || actor FROM journal_entry"
                + " WHERE subject_type = 'Label' AND subject_id IN (?, ?) AND action = 'label.expire' ORDER BY seq",
                String.valueOf(active.labelId()), String.valueOf(suspended.labelId())))
                .containsExactly("ACTIVE>EXPIRED system", "SUSPENDED>EXPIRED system");
        assertThat(notices("label.expire", active)).isEqualTo(1);

        assertThat(runJob()).as("the same day again").startsWith("ran=false");
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE subject_type = 'Label'"
                + " AND subject_id = ? AND action = 'label.expire'", String.valueOf(active.labelId()))).isEqualTo(1);

        driver.moveClockTo(day.plusDays(1));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(state(lastDay)).isEqualTo("EXPIRED");
        assertThat(notices("label.expire", active)).as("told once").isEqualTo(1);
    }

    @Test
    @DisplayName("the renewal reminder goes once, 60 days before the end, to renewable labels not being renewed")
    void theRenewalReminderGoesOnceSixtyDaysBefore() throws Exception {
        LocalDate day = LocalDate.now().plusDays(5000);
        Awarded label = SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", day.minusYears(2), day.plusDays(60),
                true);
        Awarded notRenewable = SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", day.minusYears(2),
                day.plusDays(30), false);
        Awarded renewing = SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", day.minusYears(2),
                day.plusDays(30), true);
        long project = Superuser.number("SELECT project_id FROM label WHERE id = ?", renewing.labelId());
        long campaign = SqlLabels.campaign(renewing.programmeId(), renewing.gridId(), "RENEWING"
                + System.nanoTime() % 1_000_000_000L, day.minusDays(10).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant(), day.plusDays(10).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        Superuser.update("INSERT INTO label_application (campaign_id, project_id, organisation_id, state,"
                + " renewal_of_label_id, created_at, updated_at, changed_at) SELECT ?, ?, organisation_id, 'DRAFT',"
                + " ?, now(), now(), now() FROM label WHERE id = ?", campaign, project, renewing.labelId(),
                renewing.labelId());

        driver.moveClockTo(day.minusDays(1));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(remindedOn(label)).as("61 days before: not yet").isNull();

        driver.moveClockTo(day);
        assertThat(runJob()).startsWith("ran=true").doesNotContain("renewalReminders=0");
        assertThat(remindedOn(label)).isEqualTo(day);
        assertThat(notices("label.renewal-reminder", label)).isEqualTo(1);
        assertThat(Superuser.column("SELECT arguments FROM notification WHERE message_key = 'label.renewal-reminder'"
                + " AND arguments LIKE ?", "%" + label.certificateNumber() + "%").get(0))
                .contains(Clocks.DAY.format(day.plusDays(60)), "/app/labels/label.xhtml?id=" + label.labelId());
        assertThat(Superuser.column("SELECT actor FROM journal_entry WHERE subject_type = 'Label' AND subject_id = ?"
                + " AND action = 'label.renewal-reminder'", String.valueOf(label.labelId())))
                .containsExactly("system");
        assertThat(remindedOn(notRenewable)).as("a programme that does not renew").isNull();
        assertThat(remindedOn(renewing)).as("a renewal under way").isNull();

        driver.moveClockTo(day.plusDays(1));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(notices("label.renewal-reminder", label)).as("not again").isEqualTo(1);
        assertThat(state(label)).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("the organisations with unsent applications are reminded once, a week before the campaign closes")
    void theClosingReminderGoesOnceAWeekBefore() throws Exception {
        LocalDate day = LocalDate.now().plusDays(6000);
        Awarded someLabel = SqlLabels.label(TestAccounts.ORGANISATION_A, "EXPIRED", day.minusYears(3),
                day.minusYears(1), true);
        String code = "CLOSE" + System.nanoTime() % 1_000_000_000L;
        long campaign = SqlLabels.campaign(someLabel.programmeId(), someLabel.gridId(), code,
                day.minusDays(30).atTime(LocalTime.NOON).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant(),
                day.plusDays(5).atTime(LocalTime.NOON).atZone(java.time.ZoneId.of("Europe/Paris")).toInstant());
        long draft = application(campaign, "DRAFT");
        long sent = application(campaign, "SUBMITTED");

        driver.moveClockTo(day.minusDays(3));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(closingNotices(code)).as("8 days before: not yet").isZero();

        driver.moveClockTo(day);
        assertThat(runJob()).startsWith("ran=true").doesNotContain("closingReminders=0");
        assertThat(closingNotices(code)).as("the draft's organisation only").isEqualTo(1);
        assertThat(Superuser.column("SELECT subject_id FROM journal_entry WHERE action ="
                + " 'label-application.closing-reminder' AND subject_id IN (?, ?)", String.valueOf(draft),
                String.valueOf(sent))).containsExactly(String.valueOf(draft));
        assertThat(Superuser.column("SELECT arguments FROM notification WHERE message_key ="
                + " 'label-application.closing-reminder' AND arguments LIKE ?", "%" + code + "%").get(0))
                .contains(Clocks.DAY.format(day.plusDays(5)));

        driver.moveClockTo(day.plusDays(1));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(closingNotices(code)).as("once").isEqualTo(1);
    }

    @Test
    @DisplayName("reviewers are reminded once when an assessment is due within 3 days, and once when overdue")
    void reviewersAreRemindedBeforeAndAfterTheDueDate() throws Exception {
        LocalDate day = LocalDate.now().plusDays(7000);
        SqlReviews.Campaign campaign = SqlReviews.campaign(2, false, false);
        long application = SqlReviews.submitted(campaign, TestAccounts.ORGANISATION_A, List.of());
        SqlReviews.Reviewer soon = SqlReviews.reviewer(null);
        SqlReviews.Reviewer late = SqlReviews.reviewer(null);
        SqlReviews.Reviewer done = SqlReviews.reviewer(null);
        assess(application, soon, "ASSIGNED", day.plusDays(3));
        assess(application, late, "ASSIGNED", day.minusDays(2));
        assess(application, done, "SUBMITTED", day.plusDays(1));

        driver.moveClockTo(day);
        assertThat(runJob()).startsWith("ran=true").doesNotContain("reviewReminders=0");
        assertThat(mails(soon)).containsExactly("Évaluation à rendre bientôt");
        assertThat(mails(late)).containsExactly("Évaluation en retard");
        assertThat(mails(done)).isEmpty();
        assertThat(Superuser.column("SELECT action || ' ' || actor FROM journal_entry WHERE subject_type ="
                + " 'LabelApplication' AND subject_id = ? AND action LIKE 'assessment.%reminder' ORDER BY seq",
                String.valueOf(application))).containsExactlyInAnyOrder("assessment.due-reminder system",
                "assessment.overdue-reminder system");

        driver.moveClockTo(day.plusDays(1));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(mails(soon)).as("not again").hasSize(1);
        assertThat(mails(late)).as("not again").hasSize(1);

        driver.moveClockTo(day.plusDays(4));
        assertThat(runJob()).startsWith("ran=true");
        assertThat(mails(soon)).containsExactly("Évaluation à rendre bientôt", "Évaluation en retard");
        assertThat(mails(late)).hasSize(1);
    }

    @Test
    @DisplayName("the daily label job's timer is registered, persistent, at 02:45")
    void theTimerIsRegistered() {
        assertThat(driver.timers()).contains("labels.daily persistent=true 2:45");
    }

    /** Runs the job from one timer and waits for its outcome. */
    private String runJob() throws InterruptedException {
        return driver.outcome(driver.fireLabelJob(1).get(0), JOB);
    }

    private static String state(Awarded label) {
        return Superuser.column("SELECT state FROM label WHERE id = ?", label.labelId()).get(0);
    }

    private static LocalDate remindedOn(Awarded label) {
        Object day = Superuser.rows("SELECT renewal_reminded_on FROM label WHERE id = ?", label.labelId()).get(0)
                .get("renewal_reminded_on");
        return day == null ? null : ((Date) day).toLocalDate();
    }

    private static long notices(String key, Awarded label) {
        return Superuser.number("SELECT count(*) FROM notification WHERE message_key = ? AND arguments LIKE ?", key,
                "%" + label.certificateNumber() + "%");
    }

    private static long closingNotices(String campaignCode) {
        return Superuser.number("SELECT count(*) FROM notification WHERE message_key ="
                + " 'label-application.closing-reminder' AND arguments LIKE ?", "%" + campaignCode + "%");
    }

    /** An application of a new project of the test organisation A in the campaign, in this state. */
    private static long application(long campaign, String state) {
        long project = SqlProjects.project(TestAccounts.ORGANISATION_A, "NETWORK");
        return Superuser.number("INSERT INTO label_application (campaign_id, project_id, organisation_id, state,"
                + " created_at, updated_at, changed_at) SELECT ?, ?, lead_organisation_id, ?, now(), now(), now()"
                + " FROM project WHERE id = ? RETURNING id", campaign, project, state, project);
    }

    private static void assess(long application, SqlReviews.Reviewer reviewer, String state, LocalDate due) {
        Superuser.update("INSERT INTO assessment (application_id, reviewer_account_id, state, due_on, assigned_at,"
                + " changed_at) VALUES (?, ?, ?, ?, now(), now())", application, reviewer.id(), state,
                Date.valueOf(due));
    }

    /** The subjects of the mails to a reviewer, before the project's title, oldest first. */
    private static List<String> mails(SqlReviews.Reviewer reviewer) {
        return Superuser.column("SELECT subject FROM outgoing_mail WHERE recipient = ? ORDER BY id",
                reviewer.username() + "@test.invalid").stream().map(subject -> subject.split(" : ")[0]).toList();
    }
}
