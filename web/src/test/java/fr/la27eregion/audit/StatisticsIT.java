package fr.la27eregion.audit;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.IntranetSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page's numbers against a state seeded for the test, read from the page's tables as an auditor
 * (the tables carry the same numbers as the charts): a campaign of its own with five applications in known states;
 * the journal's transitions of three of them appended at known instants (through the chain's own append, so the
 * chain still verifies), so the medians and 90th percentiles of the steps are computable by hand
 * ({@code percentile_cont}: linear between the two nearest values); two reviewers' assessments; memberships per
 * month, as the difference a membership applied for 75 days ago and reviewed 30 days ago (the platform's clock
 * moved back) makes to each month's counts. Anyone but auditors and the secretariat reads the refusal.
 */
class StatisticsIT {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final Pattern ROW = Pattern.compile("<tr data-([a-z]+)=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL);
    private static final Pattern DAYS = Pattern.compile("data-days=\"([^\"]+)\"");

    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    @AfterEach
    void clockBack() {
        driver.moveClockBy(Duration.ZERO);
    }

    @Test
    void theFiguresAreThoseOfTheSeededCampaign() throws Exception {
        SqlReviews.Campaign campaign = SqlReviews.campaign(2, false, false);
        String a = TestAccounts.ORGANISATION_A;
        long awarded = SqlReviews.submitted(campaign, a, List.of());
        long rejected = SqlReviews.submitted(campaign, a, List.of());
        long inReview = SqlReviews.submitted(campaign, a, List.of());
        SqlReviews.submitted(campaign, a, List.of());
        SqlReviews.submitted(campaign, a, List.of());
        Superuser.update("UPDATE label_application SET state = 'AWARDED' WHERE id = ?", awarded);
        Superuser.update("UPDATE label_application SET state = 'REJECTED' WHERE id = ?", rejected);
        Superuser.update("UPDATE label_application SET state = 'IN_REVIEW' WHERE id = ?", inReview);

        // submitted on day 0; in review on day 2, 4 and 9; reviewed on day 10; decided on day 12 and 16
        Instant day0 = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            move(db, awarded, day0, 0, "DRAFT", "SUBMITTED");
            move(db, awarded, day0, 2, "SUBMITTED", "IN_REVIEW");
            move(db, awarded, day0, 10, "IN_REVIEW", "REVIEWED");
            move(db, awarded, day0, 12, "REVIEWED", "AWARDED");
            move(db, rejected, day0, 0, "DRAFT", "SUBMITTED");
            move(db, rejected, day0, 4, "SUBMITTED", "IN_REVIEW");
            move(db, rejected, day0, 10, "IN_REVIEW", "REVIEWED");
            move(db, rejected, day0, 16, "REVIEWED", "REJECTED");
            move(db, inReview, day0, 0, "DRAFT", "SUBMITTED");
            move(db, inReview, day0, 9, "SUBMITTED", "IN_REVIEW");
            db.commit();
        }
        SqlReviews.Reviewer busy = SqlReviews.reviewer(null);
        SqlReviews.Reviewer recused = SqlReviews.reviewer(null);
        assess(awarded, busy, "SUBMITTED");
        assess(rejected, busy, "SUBMITTED");
        assess(inReview, busy, "ASSIGNED");
        assess(inReview, recused, "RECUSED");

        IntranetSession auditor = session(TestAccounts.of(Role.AUDITOR));
        String page = page(auditor, "app/audit/statistics.xhtml?campaign=" + campaign.campaignId());

        // each row: the state in the reader's words, then the count
        assertThat(rows(page, "state")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "AWARDED", List.of("Label attribué", "1"), "REJECTED", List.of("Label non attribué", "1"),
                "IN_REVIEW", List.of("En évaluation", "1"), "SUBMITTED", List.of("Envoyée", "2")));
        String code = Superuser.column("SELECT code FROM campaign WHERE id = ?", campaign.campaignId()).get(0);
        assertThat(rows(page, "campaign")).containsOnlyKeys(code);
        assertThat(rows(page, "campaign").get(code).subList(2, 5)).containsExactly("5", "1", "1");

        Map<String, double[]> steps = steps(page);
        assertThat(steps).containsOnlyKeys("SUBMITTED", "IN_REVIEW", "REVIEWED", "DECISION");
        assertThat(steps.get("SUBMITTED")).containsExactly(3, 4.0, 8.0);      // 2, 4, 9 days
        assertThat(steps.get("IN_REVIEW")).containsExactly(2, 7.0, 7.8);      // 8, 6 (the third still in review)
        assertThat(steps.get("REVIEWED")).containsExactly(2, 4.0, 5.6);       // 2, 6
        assertThat(steps.get("DECISION")).containsExactly(2, 14.0, 15.6);     // 12, 16

        Map<String, List<String>> reviewers = rows(page, "reviewer");
        assertThat(reviewers).containsOnlyKeys(busy.username(), recused.username());
        assertThat(reviewers.get(busy.username()).subList(1, 5)).containsExactly("1", "2", "0", "3");
        assertThat(reviewers.get(recused.username()).subList(1, 5)).containsExactly("0", "0", "1", "1");

        // a period that ends before day 0: none of these applications (created now) nor their steps
        String before = page(auditor, "app/audit/statistics.xhtml?campaign=" + campaign.campaignId()
                + "&from=2020-01-01&to=2020-12-31");
        assertThat(rows(before, "state")).isEmpty();
        assertThat(steps(before)).isEmpty();

        for (Role role : List.of(Role.MEMBER_COORDINATOR, Role.REVIEWER, Role.JURY, Role.CONTRIBUTOR)) {
            HttpResponse<String> refused = session(TestAccounts.of(role)).get("app/audit/statistics.xhtml");
            assertThat(refused.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(refused.body()).contains("id=\"refused\"").doesNotContain("data-state=");
        }
    }

    @Test
    void membershipsPerMonthAreEachMonthsStatesReconstructedFromTheJournal() throws Exception {
        Instant now = Instant.now();
        YearMonth applied = YearMonth.from(now.minus(75, ChronoUnit.DAYS).atZone(FRANCE));
        YearMonth reviewed = YearMonth.from(now.minus(30, ChronoUnit.DAYS).atZone(FRANCE));
        YearMonth current = YearMonth.from(now.atZone(FRANCE));
        String path = "app/audit/statistics.xhtml?from=" + applied.minusMonths(1).atDay(1) + "&to="
                + LocalDate.now(FRANCE);
        IntranetSession auditor = session(TestAccounts.of(Role.AUDITOR));
        Map<String, Map<String, Long>> before = months(page(auditor, path));

        driver.moveClockBy(Duration.ofDays(-75));
        PlatformDriver.Applicant applicant = driver.applicant("Organisation statistiques", "fr");
        driver.moveClockBy(Duration.ofDays(-30));
        assertThat(driver.perform(applicant.membership(), MembershipAction.REVIEW, null, null).status())
                .isEqualTo(200);
        driver.moveClockBy(Duration.ZERO);
        Map<String, Map<String, Long>> after = months(page(auditor, path));

        assertThat(after.keySet()).as("one row per month of the period").hasSize(before.size())
                .contains(applied.minusMonths(1).toString(), current.toString());
        for (String month : after.keySet()) {
            YearMonth ym = YearMonth.parse(month);
            long applying = ym.isBefore(applied) || !ym.isBefore(reviewed) ? 0 : 1;
            long reviewing = ym.isBefore(reviewed) ? 0 : 1;
            assertThat(count(after, month, "APPLIED") - count(before, month, "APPLIED")).as(month + " APPLIED")
                    .isEqualTo(applying);
            assertThat(count(after, month, "UNDER_REVIEW") - count(before, month, "UNDER_REVIEW"))
                    .as(month + " UNDER_REVIEW").isEqualTo(reviewing);
        }
    }

    private static void move(Connection db, long application, Instant day0, int day, String from, String to)
            throws Exception {
        Clock at = Clock.fixed(day0.plus(day, ChronoUnit.DAYS), ZoneOffset.UTC);
        ChainAppend.append(db, at, new EntryDraft("system", "", "label-application.seeded", "LabelApplication",
                Long.toString(application), from, to, null, "{}", null, Subject.of("LabelApplication", application)));
    }

    private static void assess(long application, SqlReviews.Reviewer reviewer, String state) {
        Superuser.update("INSERT INTO assessment (application_id, reviewer_account_id, state, assigned_at, changed_at)"
                + " VALUES (?, ?, ?, now(), now())", application, reviewer.id(), state);
    }

    private static IntranetSession session(String username) {
        IntranetSession session = new IntranetSession(TestServer.url(), "StatisticsIT");
        assertThat(session.logIn(username, TestAccounts.PASSWORD)).as(username).isTrue();
        return session;
    }

    private static String page(IntranetSession session, String path) {
        HttpResponse<String> page = session.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    /** The rows of the tables whose rows carry {@code data-<key>}: key → the texts of the row's cells. */
    private static Map<String, List<String>> rows(String page, String key) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (row.group(1).equals(key)) {
                rows.put(row.group(2), CELL.matcher(row.group(3)).results()
                        .map(cell -> cell.group(1).replaceAll("<[^>]+>", "").strip()).toList());
            }
        }
        return rows;
    }

    /** The steps' table: step → {stays, median, 90th percentile}, the days as the page's data-days hold them. */
    private static Map<String, double[]> steps(String page) {
        Map<String, double[]> steps = new LinkedHashMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (row.group(1).equals("step")) {
                List<Double> days = DAYS.matcher(row.group(3)).results().map(m -> Double.parseDouble(m.group(1)))
                        .map(d -> Math.round(d * 1000) / 1000.0).toList();
                long stays = Long.parseLong(rows(row.group(0), "step").get(row.group(2)).get(1));
                steps.put(row.group(2), new double[] {stays, days.get(0), days.get(1)});
            }
        }
        return steps;
    }

    /** The memberships' table: month (2026-03) → state → count. */
    private static Map<String, Map<String, Long>> months(String page) {
        Map<String, Map<String, Long>> months = new LinkedHashMap<>();
        Pattern counted = Pattern.compile("<td class=\"number\" data-state=\"([A-Z_]+)\">(\\d+)</td>");
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            if (row.group(1).equals("month")) {
                Map<String, Long> counts = new LinkedHashMap<>();
                counted.matcher(row.group(3)).results()
                        .forEach(m -> counts.put(m.group(1), Long.parseLong(m.group(2))));
                months.put(row.group(2), counts);
            }
        }
        return months;
    }

    private static long count(Map<String, Map<String, Long>> months, String month, String state) {
        return months.getOrDefault(month, Map.of()).getOrDefault(state, 0L);
    }
}
