package fr.la27eregion.label;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.control.JuryRankingSql;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlJury;
import fr.la27eregion.testing.SqlJury.Jury;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.SqlReviews.Reviewer;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jury through the API, on the shared server (the campaigns and reviewed applications made in SQL by
 * {@link SqlJury}): the ranking (order, shared ranks, assessments side by side, spread) read by the chair, the
 * secretariat and auditors, refused to another jury account; decisions by the chair only, with a motivation, a
 * level and mentions the programme grants; an award creating its label (certificate number, code, validity) and a
 * renewal's award marking the old label renewed; two decisions at once on one application (one wins, the other 409,
 * one journal entry); awards in parallel with gapless certificate numbers; the chair told once when the review of
 * the campaign's last application completes.
 */
class JuryIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String OTHER_JURY = TestAccounts.of(Role.JURY);
    private static final String A = TestAccounts.ORGANISATION_A;

    private final ApiClient api = new ApiClient(TestServer.url());

    @Test
    void theRankingOrdersTheReviewedApplicationsWithTheAssessmentsSideBySideForItsReadersOnly() {
        Jury jury = SqlJury.jury(2);
        long middle = SqlJury.reviewed(jury, A, null, new int[] {3, 6}, new int[] {4, 8});   // 60, 80 → 70
        long best = SqlJury.reviewed(jury, A, null, new int[] {5, 10}, new int[] {4, 9});    // 100, 88 → 94
        long tied = SqlJury.reviewed(jury, A, null, new int[] {4, 8}, new int[] {3, 6});     // 80, 60 → 70
        long inReview = SqlReviews.submitted(jury.campaign(), A, List.of());
        Superuser.update("UPDATE label_application SET state = 'IN_REVIEW' WHERE id = ?", inReview);

        Reply read = api.get(jury(jury), jury.chair().username());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonObject ranking = read.json();
        assertThat(ranking.getBoolean("chair")).isTrue();
        assertThat(ranking.getInt("levels")).isEqualTo(3);
        assertThat(ranking.getJsonArray("mentions").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList()).isEqualTo(SqlJury.MENTIONS);
        assertThat(ranking.getJsonArray("templates")).hasSize(2);
        assertThat(ranking.getJsonNumber("waiting").longValue()).isEqualTo(1);
        JsonArray rows = ranking.getJsonArray("applications");
        assertThat(ids(rows)).as("the best first, equal totals by id").containsExactly(best, middle, tied);
        assertThat(rows.getValuesAs(JsonObject.class).stream().map(r -> r.getInt("rank")).toList())
                .containsExactly(1, 2, 2);
        JsonObject first = rows.getJsonObject(0);
        assertThat(new BigDecimal(first.getJsonNumber("weightedTotal").toString())).isEqualByComparingTo("94.00");
        assertThat(new BigDecimal(first.getJsonNumber("spread").toString())).isEqualByComparingTo("12.00");
        JsonArray reviews = first.getJsonArray("assessments");
        assertThat(reviews).hasSize(2);
        assertThat(new BigDecimal(reviews.getJsonObject(0).getJsonNumber("weightedTotal").toString()))
                .isEqualByComparingTo("100.00");
        JsonArray scores = reviews.getJsonObject(1).getJsonArray("scores");
        assertThat(scores.getJsonObject(0).getJsonNumber("criterionId").longValue())
                .isEqualTo(jury.campaign().firstCriterion());
        assertThat(scores.getJsonObject(0).getInt("score")).isEqualTo(4);
        assertThat(scores.getJsonObject(1).getInt("score")).isEqualTo(9);
        assertThat(first.getString("applicant")).isEqualTo(A);

        assertThat(api.get(jury(jury), SECRETARIAT).status()).isEqualTo(200);
        assertThat(api.get(jury(jury), AUDITOR).json().getBoolean("chair")).isFalse();
        Reply otherJury = api.get(jury(jury), OTHER_JURY);
        assertThat(otherJury.status()).as("a jury account that does not chair it").isEqualTo(403);
        assertThat(otherJury.mediaType()).isEqualTo("application/problem+json");
        assertThat(api.get(jury(jury), TestAccounts.of(Role.MEMBER_COORDINATOR)).status()).isEqualTo(403);
        assertThat(api.get(jury(jury), TestAccounts.of(Role.REVIEWER)).status()).isEqualTo(403);
        assertThat(api.get("api/v1/campaigns/999999999/jury", SECRETARIAT).status()).isEqualTo(404);
    }

    @Test
    void aPageOfTheRankingIsTheSameSliceOfTheWholeRankingWithTheCountsOfAll() throws Exception {
        Jury jury = SqlJury.jury(2);
        SqlJury.reviewed(jury, A, null, new int[] {3, 6}, new int[] {4, 8});    // 70
        SqlJury.reviewed(jury, A, null, new int[] {5, 10}, new int[] {4, 9});   // 94
        SqlJury.reviewed(jury, A, null, new int[] {4, 8}, new int[] {3, 6});    // 70, the same rank as the first
        SqlJury.reviewed(jury, A, null, new int[] {1, 2}, new int[] {2, 3});    // 20
        SqlJury.reviewed(jury, A, null, new int[] {2, 5}, new int[] {3, 4});    // 44
        long decided = SqlJury.reviewed(jury, A, null, new int[] {5, 9}, new int[] {5, 8});   // 88
        Superuser.update("UPDATE label_application SET state = 'REJECTED' WHERE id = ?", decided);
        long campaign = jury.campaign().campaignId();
        try (Connection db = Superuser.connect()) {
            List<JuryRankingSql.Row> whole = JuryRankingSql.rank(db, campaign);
            assertThat(whole).hasSize(6);
            List<JuryRankingSql.Row> paged = new ArrayList<>();
            for (int first = 0; first < 8; first += 4) {
                JuryRankingSql.Page page = JuryRankingSql.page(db, campaign, first, 4);
                assertThat(page.ranked()).isEqualTo(6);
                assertThat(page.undecided()).as("all but the rejected one").isEqualTo(5);
                paged.addAll(page.rows());
            }
            assertThat(paged).as("the pages, one after the other, are the whole ranking, row for row")
                    .usingRecursiveComparison().isEqualTo(whole);
            assertThat(paged.stream().map(JuryRankingSql.Row::rank).toList()).containsExactly(1, 2, 3, 3, 5, 6);
            assertThat(JuryRankingSql.page(db, campaign, 8, 4).rows()).isEmpty();
        }
    }

    @Test
    void theChairReadsItsCampaignsApplicationsOnceReviewedButNotTheirConversationNorAnyOther() {
        Jury jury = SqlJury.jury(1);
        long reviewed = SqlJury.reviewed(jury, A, null, new int[] {4, 8});
        long inReview = SqlReviews.submitted(jury.campaign(), A, List.of());
        Superuser.update("UPDATE label_application SET state = 'IN_REVIEW' WHERE id = ?", inReview);
        long elsewhere = SqlJury.reviewed(SqlJury.jury(1), A, null, new int[] {4, 8});
        String chair = jury.chair().username();

        Reply read = api.get("api/v1/label-applications/" + reviewed, chair);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().getString("state")).isEqualTo("REVIEWED");
        assertThat(api.get("api/v1/label-applications/" + inReview, chair).status()).as("not yet the jury's")
                .isEqualTo(404);
        assertThat(api.get("api/v1/label-applications/" + elsewhere, chair).status()).as("another campaign's")
                .isEqualTo(404);
        assertThat(api.get("api/v1/label-applications/" + reviewed, OTHER_JURY).status()).as("another jury account")
                .isEqualTo(404);
        assertThat(api.get("api/v1/label-applications/" + reviewed + "/messages", chair).status())
                .as("the conversation is the applicant's and the secretariat's").isEqualTo(403);
    }

    @Test
    void onlyTheChairDecidesWithAMotivationALevelAndMentionsTheProgrammeGrants() {
        Jury jury = SqlJury.jury(1);
        long application = SqlJury.reviewed(jury, A, null, new int[] {4, 8});
        String chair = jury.chair().username();
        int version = SqlJury.version(application);

        assertThat(decide(application, version, "AWARD", "Exemplaire.", 2, List.of(), SECRETARIAT).status())
                .as("the secretariat does not decide").isEqualTo(403);
        assertThat(decide(application, version, "AWARD", "Exemplaire.", 2, List.of(), OTHER_JURY).status())
                .as("nor a jury account that does not chair the campaign").isEqualTo(403);
        assertThat(decide(application, version, "AWARD", "Exemplaire.", 2, List.of(),
                TestAccounts.of(Role.MEMBER_COORDINATOR)).status()).isEqualTo(403);
        refused(decide(application, version, "AWARD", "  ", 2, List.of(), chair), "label.rule.REASON_REQUIRED",
                "reason");
        refused(decide(application, version, "REJECT", null, null, List.of(), chair), "label.rule.REASON_REQUIRED",
                "reason");
        refused(decide(application, version, "AWARD", "Exemplaire.", 4, List.of(), chair),
                "label.rule.LEVEL_OUT_OF_RANGE", "level");
        refused(decide(application, version, "AWARD", "Exemplaire.", null, List.of(), chair),
                "label.rule.LEVEL_OUT_OF_RANGE", "level");
        refused(decide(application, version, "AWARD", "Exemplaire.", 2, List.of("Prix du public"), chair),
                "label.rule.UNKNOWN_MENTION", "mentions");
        assertThat(decide(application, version - 1, "AWARD", "Exemplaire.", 2, List.of(), chair).status())
                .as("stale").isEqualTo(409);
        assertThat(decide(application, version, "WITHDRAW", null, null, List.of(), chair).status())
                .as("the jury takes no other step").isEqualTo(403);
        assertThat(state(application)).isEqualTo("REVIEWED");
        assertThat(Superuser.number("SELECT count(*) FROM label WHERE application_id = ?", application)).isZero();

        Reply awarded = decide(application, version, "AWARD", "Un projet exemplaire, ouvert et évalué.", 2,
                List.of(SqlJury.MENTIONS.get(1), SqlJury.MENTIONS.get(1)), chair);
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(awarded.json().getString("state")).isEqualTo("AWARDED");
        assertThat(awarded.json().getInt("level")).isEqualTo(2);
        Map<String, Object> label = Superuser.rows("SELECT * FROM label WHERE application_id = ?", application).get(0);
        int year = LocalDate.now(fr.la27eregion.platform.time.Clocks.FRANCE).getYear();
        assertThat((String) label.get("certificate_number")).matches("L27-" + year + "-\\d{4,}");
        assertThat((String) label.get("verification_code")).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){5}");
        assertThat(label.get("state")).isEqualTo("ACTIVE");
        assertThat(label.get("level")).isEqualTo(2);
        assertThat(Superuser.column("SELECT unnest(mentions) FROM label WHERE application_id = ?", application))
                .as("a mention given twice is granted once").containsExactly(SqlJury.MENTIONS.get(1));
        LocalDate awardedOn = ((java.sql.Date) label.get("awarded_on")).toLocalDate();
        assertThat(((java.sql.Date) label.get("valid_until")).toLocalDate()).isEqualTo(awardedOn.plusMonths(24));
        assertThat(journaled("LabelApplication", application, "label-application.award")).isEqualTo(1);
        assertThat(journaled("Label", (Long) label.get("id"), "label.award")).isEqualTo(1);
        assertThat(Superuser.column("SELECT reason FROM journal_entry WHERE entity_type = 'LabelApplication'"
                + " AND entity_id = ? AND action = 'label-application.award'", String.valueOf(application)))
                .containsExactly("Un projet exemplaire, ouvert et évalué.");
        assertThat(Superuser.number("SELECT count(*) FROM notification WHERE message_key = 'label-application.award'"
                + " AND arguments LIKE ?", "%application.xhtml?id=" + application + "\"%"))
                .as("the applicant is told").isEqualTo(1);
        assertThat(decide(application, SqlJury.version(application), "REJECT", "Non.", null, List.of(), chair)
                .json().getString("rule")).as("decided once").isEqualTo("label.rule.NOT_FROM_THIS_STATE");

        long rejected = SqlJury.reviewed(jury, A, null, new int[] {1, 2});
        Reply rejection = decide(rejected, SqlJury.version(rejected), "REJECT", "L'évaluation d'impact manque.", null,
                List.of(), chair);
        assertThat(rejection.status()).as(rejection.body()).isEqualTo(200);
        assertThat(rejection.json().getString("state")).isEqualTo("REJECTED");
        assertThat(Superuser.number("SELECT count(*) FROM label WHERE application_id = ?", rejected)).isZero();

        JsonArray rows = api.get(jury(jury), chair).json().getJsonArray("applications");
        JsonObject decided = rows.getJsonObject(0);
        assertThat(decided.getString("state")).isEqualTo("AWARDED");
        assertThat(decided.getString("certificateNumber")).isEqualTo(label.get("certificate_number"));
        assertThat(decided.getString("motivation")).isEqualTo("Un projet exemplaire, ouvert et évalué.");
        assertThat(rows.getJsonObject(1).getString("state")).isEqualTo("REJECTED");
    }

    @Test
    void twoDecisionsAtOnceOnOneApplicationOneWinsTheOtherIsStaleAndOneEntryIsJournaled() throws Exception {
        Jury jury = SqlJury.jury(1);
        String chair = jury.chair().username();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                long application = SqlJury.reviewed(jury, A, null, new int[] {3, 7});
                int version = SqlJury.version(application);
                // an award against an award, then an award against a rejection
                String other = round % 2 == 0 ? "AWARD" : "REJECT";
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Integer>> decisions = List.of(
                        () -> {
                            together.await();
                            return decide(application, version, "AWARD", "Primé.", 1, List.of(), chair).status();
                        },
                        () -> {
                            together.await();
                            return decide(application, version, other, "Décision concurrente.", 3, List.of(),
                                    chair).status();
                        });
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> done : pool.invokeAll(decisions)) {
                    statuses.add(done.get());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
                assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE entity_type = 'LabelApplication'"
                                + " AND entity_id = ? AND action IN ('label-application.award',"
                                + " 'label-application.reject')", String.valueOf(application))).as("round " + round)
                        .isEqualTo(1);
                long labels = Superuser.number("SELECT count(*) FROM label WHERE application_id = ?", application);
                assertThat(labels).as("round " + round).isEqualTo(state(application).equals("AWARDED") ? 1 : 0);
                assertThat(SqlJury.version(application)).as("moved once").isEqualTo(version + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void awardsInParallelTakeGaplessUniqueCertificateNumbers() throws Exception {
        Jury jury = SqlJury.jury(1);
        String chair = jury.chair().username();
        List<Long> applications = IntStream.range(0, 16)
                .mapToObj(i -> SqlJury.reviewed(jury, A, null, new int[] {i % 6, 10 - i % 10})).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> awards = applications.stream().<Callable<Integer>>map(id -> () ->
                    decide(id, SqlJury.version(id), "AWARD", "Primé.", 1, List.of(), chair).status()).toList();
            for (Future<Integer> done : pool.invokeAll(awards)) {
                assertThat(done.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> numbers = Superuser.column("SELECT certificate_number FROM label WHERE application_id = ANY(?::bigint[])",
                        "{" + applications.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                                + "}").stream()
                .map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(numbers).hasSize(16).doesNotHaveDuplicates();
        assertThat(numbers.get(15) - numbers.get(0)).as("gapless: " + numbers).isEqualTo(15);
    }

    @Test
    void theAwardOfARenewalMarksTheRenewedLabelRenewed() {
        long old = SqlJury.label(A);
        Jury jury = SqlJury.jury(1);
        long renewal = SqlJury.reviewed(jury, A, old, new int[] {5, 9});
        Reply awarded = decide(renewal, SqlJury.version(renewal), "AWARD", "Renouvelé.", 3, List.of(),
                jury.chair().username());
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        long label = Superuser.number("SELECT id FROM label WHERE application_id = ?", renewal);
        Map<String, Object> before = Superuser.rows("SELECT state, renewed_by_label_id FROM label WHERE id = ?", old)
                .get(0);
        assertThat(before.get("state")).isEqualTo("RENEWED");
        assertThat(before.get("renewed_by_label_id")).isEqualTo(label);
        assertThat(Superuser.rows("SELECT actor, state_before, state_after FROM journal_entry WHERE entity_type ="
                + " 'Label' AND entity_id = ? AND action = 'label.renew'", String.valueOf(old)))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.get("state_before")).isEqualTo("ACTIVE");
                    assertThat(entry.get("state_after")).isEqualTo("RENEWED");
                });
        assertThat(api.get(jury(jury), jury.chair().username()).json().getJsonArray("applications")
                .getJsonObject(0).getJsonNumber("renewalOfLabelId").longValue()).isEqualTo(old);
    }

    @Test
    void theChairIsToldOnceWhenTheLastReviewsOfTheCampaignCompleteEvenAtOnce() throws Exception {
        Jury jury = SqlJury.jury(1);
        String chairMail = jury.chair().username() + "@test.invalid";
        long early = SqlReviews.submitted(jury.campaign(), A, List.of());
        long[] last = {SqlReviews.submitted(jury.campaign(), A, List.of()),
                SqlReviews.submitted(jury.campaign(), A, List.of())};
        submitReview(early, assign(early));
        assertThat(state(early)).isEqualTo("REVIEWED");
        assertThat(mails(chairMail)).as("two applications are still in review").isZero();

        long[] assessments = {assign(last[0]), assign(last[1])};
        int[] versions = {scored(last[0], assessments[0]), scored(last[1], assessments[1])};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Callable<Integer>> submissions = IntStream.range(0, 2).<Callable<Integer>>mapToObj(i -> () -> {
                together.await();
                return submit(last[i], assessments[i], versions[i]).status();
            }).toList();
            for (Future<Integer> done : pool.invokeAll(submissions)) {
                assertThat(done.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(state(last[0])).isEqualTo("REVIEWED");
        assertThat(state(last[1])).isEqualTo("REVIEWED");
        assertThat(mails(chairMail)).as("told once").isEqualTo(1);
        assertThat(Superuser.column("SELECT subject FROM outgoing_mail WHERE recipient = ?", chairMail).get(0))
                .contains(Superuser.column("SELECT code FROM campaign WHERE id = ?", jury.campaignId()).get(0));
        assertThat(journaled("Campaign", jury.campaignId(), "campaign.ready")).isEqualTo(1);
        assertThat(api.get(jury(jury), jury.chair().username()).json().getBoolean("ready")).isTrue();

        // a decision later, or another application reviewed later, tells nobody again
        long late = SqlReviews.submitted(jury.campaign(), A, List.of());
        submitReview(late, assign(late));
        assertThat(mails(chairMail)).isEqualTo(1);
    }

    // ----- helpers -----

    private static String jury(Jury jury) {
        return "api/v1/campaigns/" + jury.campaignId() + "/jury";
    }

    private Reply decide(long application, int version, String action, String reason, Integer level,
                         List<String> mentions, String username) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("action", action).add("version", version);
        if (reason != null) {
            json.add("reason", reason);
        }
        if (level != null) {
            json.add("level", level);
        }
        JsonArrayBuilder granted = Json.createArrayBuilder();
        mentions.forEach(granted::add);
        json.add("mentions", granted);
        return api.post("api/v1/label-applications/" + application + "/transitions", json.build().toString(),
                username);
    }

    private static void refused(Reply reply, String rule, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        assertThat(reply.json().getString("rule")).isEqualTo(rule);
        assertThat(reply.json().getString("field")).isEqualTo(field);
    }

    /** Assigns a new reviewer (the programme asks for one: the application goes into review). */
    private long assign(long application) {
        Reviewer reviewer = SqlReviews.reviewer(null);
        Reply assigned = api.post("api/v1/label-applications/" + application + "/assessments",
                Json.createObjectBuilder().add("reviewerAccountId", reviewer.id())
                        .add("dueOn", LocalDate.now().plusDays(10).toString()).build().toString(), SECRETARIAT);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        return assigned.json().getJsonNumber("id").longValue();
    }

    private int scored(long application, long assessment) {
        String reviewer = reviewerOf(assessment);
        JsonArrayBuilder scores = Json.createArrayBuilder();
        for (String criterion : Superuser.column("SELECT c.id FROM scoring_criterion c JOIN campaign k ON"
                + " k.grid_id = c.grid_id JOIN label_application a ON a.campaign_id = k.id WHERE a.id = ?",
                application)) {
            scores.add(Json.createObjectBuilder().add("criterionId", Long.parseLong(criterion)).add("score", 3));
        }
        Reply saved = api.send("PUT", "api/v1/label-applications/" + application + "/assessments/" + assessment,
                "application/json", java.net.http.HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("version", (int) Superuser.number("SELECT version FROM assessment WHERE id = ?",
                                assessment)).add("scores", scores).build().toString()), reviewer);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json().getInt("version");
    }

    private Reply submit(long application, long assessment, int version) {
        return api.post("api/v1/label-applications/" + application + "/assessments/" + assessment + "/submit",
                Json.createObjectBuilder().add("version", version).build().toString(), reviewerOf(assessment));
    }

    private void submitReview(long application, long assessment) {
        assertThat(submit(application, assessment, scored(application, assessment)).status()).isEqualTo(200);
    }

    private static String reviewerOf(long assessment) {
        return Superuser.column("SELECT a.username FROM account a JOIN assessment s ON s.reviewer_account_id = a.id"
                + " WHERE s.id = ?", assessment).get(0);
    }

    private static long mails(String recipient) {
        return Superuser.number("SELECT count(*) FROM outgoing_mail WHERE recipient = ?", recipient);
    }

    private static List<Long> ids(JsonArray rows) {
        return rows.getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("applicationId").longValue())
                .toList();
    }

    private static String state(long application) {
        return Superuser.column("SELECT state FROM label_application WHERE id = ?", application).get(0);
    }

    private static long journaled(String type, long id, String action) {
        return Superuser.number("SELECT count(*) FROM journal_entry WHERE entity_type = ? AND entity_id = ?"
                + " AND action = ?", type, String.valueOf(id), action);
    }
}
