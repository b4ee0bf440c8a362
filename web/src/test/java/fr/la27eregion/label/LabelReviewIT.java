package fr.la27eregion.label;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.SqlReviews.Campaign;
import fr.la27eregion.testing.SqlReviews.Reviewer;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review of label applications through the API, on the shared server (the data made in SQL by
 * {@link SqlReviews}): the conflict of interest refused by the suggestion and by a manual assignment (the
 * applicant's reviewer, a member partner's), the load spread; the application in review once its reviewers are
 * assigned, a recusal that leaves it waiting for a replacement and tells the secretariat; the scores checked against
 * the grid and the totals computed by the server; reviewers' independence (another's application is a 404, no other
 * assessment before one's own is in, a blind programme's applicant never sent); and the last two assessments
 * submitted at the same moment reviewing the application exactly once, a submission waiting for the application's
 * row lock (which that rests on) while another transaction holds it.
 */
class LabelReviewIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String A = TestAccounts.ORGANISATION_A;
    private static final String B = TestAccounts.ORGANISATION_B;

    private final ApiClient api = new ApiClient(TestServer.url());

    @Test
    void theSuggestionAndAManualAssignmentRefuseTheApplicantsAndAPartnersReviewersAndTheLoadIsSpread() {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        long withPartner = SqlReviews.submitted(campaign, A, List.of(B));
        long alone = SqlReviews.submitted(campaign, A, List.of());
        Reviewer ofApplicant = SqlReviews.reviewer(A);
        Reviewer ofPartner = SqlReviews.reviewer(B);
        Reviewer busy = SqlReviews.reviewer(null);
        Reviewer free = SqlReviews.reviewer(null);
        // the busy reviewer has an open assignment elsewhere
        assertThat(assign(alone, busy).status()).isEqualTo(201);

        Reply suggested = api.get(assessments(withPartner) + "/suggestions?max=50", SECRETARIAT);
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        List<Long> order = suggested.array().getValuesAs(JsonObject.class).stream()
                .map(r -> r.getJsonNumber("accountId").longValue()).toList();
        assertThat(order).contains(busy.id(), free.id()).doesNotContain(ofApplicant.id(), ofPartner.id());
        assertThat(order.indexOf(free.id())).as("the least loaded first").isLessThan(order.indexOf(busy.id()));

        for (Reviewer conflicted : List.of(ofApplicant, ofPartner)) {
            Reply refused = assign(withPartner, conflicted);
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
            assertThat(refused.json().getString("rule")).isEqualTo("label.review.rule.CONFLICT_OF_INTEREST");
            assertThat(refused.json().getString("field")).isEqualTo("reviewerAccountId");
            assertThat(refused.json().getJsonArray("arguments").getString(0))
                    .isEqualTo(conflicted == ofApplicant ? "APPLICANT" : "PARTNER");
        }
        assertThat(Superuser.number("SELECT count(*) FROM assessment WHERE application_id = ?", withPartner))
                .isZero();
        // the partner's reviewer is in conflict on that project only: on the applicant's other one they may assess
        assertThat(order(alone)).contains(ofPartner.id()).doesNotContain(ofApplicant.id(), busy.id());
        assertThat(assign(alone, ofPartner).status()).isEqualTo(201);
        // and the suggestion proposes nobody already on it
        assertThat(order(alone)).doesNotContain(ofPartner.id());
    }

    @Test
    void theReviewStartsWithItsReviewersAndARecusalWaitsForAReplacementTheSecretariatIsToldOf() {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        long application = SqlReviews.submitted(campaign, A, List.of(B));
        Reviewer first = SqlReviews.reviewer(null);
        Reviewer second = SqlReviews.reviewer(null);
        Reviewer replacement = SqlReviews.reviewer(null);

        long firstAssessment = assign(application, first).json().getJsonNumber("id").longValue();
        assertThat(state(application)).isEqualTo("SUBMITTED");
        assertThat(Superuser.number("SELECT count(*) FROM outgoing_mail WHERE recipient = ?",
                first.username() + "@test.invalid")).as("the reviewer is told").isEqualTo(1);
        long secondAssessment = assign(application, second).json().getJsonNumber("id").longValue();
        assertThat(state(application)).isEqualTo("IN_REVIEW");
        assertThat(journaled(application, "label-application.start_review")).isEqualTo(1);
        Reply third = assign(application, replacement);
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.json().getString("rule")).isEqualTo("label.review.rule.REVIEWERS_COMPLETE");

        Reply noReason = step(application, firstAssessment, "recuse", version(firstAssessment), "  ", first);
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        long mailsBefore = Superuser.number("SELECT count(*) FROM outgoing_mail WHERE recipient = ?",
                TestServer.SECRETARIAT_EMAIL);
        Reply recused = step(application, firstAssessment, "recuse", version(firstAssessment), "Je conseille ce projet depuis 2024.", first);
        assertThat(recused.status()).as(recused.body()).isEqualTo(200);
        assertThat(recused.json().getString("state")).isEqualTo("RECUSED");
        assertThat(recused.json().getString("conflictReason")).isEqualTo("Je conseille ce projet depuis 2024.");
        assertThat(state(application)).as("waits for a replacement").isEqualTo("IN_REVIEW");
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE subject_type = 'LabelApplication'"
                + " AND subject_id = ? AND action = 'assessment.recuse' AND reason = ?", String.valueOf(application),
                "Je conseille ce projet depuis 2024.")).isEqualTo(1);
        assertThat(Superuser.number("SELECT count(*) FROM outgoing_mail WHERE recipient = ?",
                TestServer.SECRETARIAT_EMAIL)).as("the secretariat is told").isEqualTo(mailsBefore + 1);
        assertThat(api.get(assessments(application), first.username()).status())
                .as("a recused reviewer no longer reaches it").isEqualTo(404);
        assertThat(order(application)).as("nor is suggested again").doesNotContain(first.id())
                .contains(replacement.id());

        JsonObject scored = score(application, secondAssessment, 4, 7, second);
        assertThat(new BigDecimal(scored.getJsonNumber("weightedTotal").toString())).isEqualByComparingTo("72.00");
        assertThat(step(application, secondAssessment, "submit", scored.getInt("version"), null, second).status())
                .isEqualTo(200);
        assertThat(state(application)).as("one required assessment is missing").isEqualTo("IN_REVIEW");

        long replaced = assign(application, replacement).json().getJsonNumber("id").longValue();
        assertThat(state(application)).isEqualTo("IN_REVIEW");
        JsonObject last = score(application, replaced, 5, 10, replacement);
        assertThat(step(application, replaced, "submit", last.getInt("version"), null, replacement).status())
                .isEqualTo(200);
        assertThat(state(application)).isEqualTo("REVIEWED");
        assertThat(journaled(application, "label-application.start_review")).isEqualTo(1);
        assertThat(journaled(application, "label-application.complete_review")).isEqualTo(1);
        assertThat((BigDecimal) Superuser.rows("SELECT weighted_total FROM label_application WHERE id = ?",
                application).get(0).get("weighted_total")).as("the mean of 72 and 100").isEqualByComparingTo("86.00");
    }

    @Test
    void scoresAreCheckedAgainstTheGridAndTheVersionSeen() {
        Campaign campaign = SqlReviews.campaign(1, false, false);
        long application = SqlReviews.submitted(campaign, A, List.of());
        Reviewer reviewer = SqlReviews.reviewer(null);
        long assessment = assign(application, reviewer).json().getJsonNumber("id").longValue();
        assertThat(state(application)).isEqualTo("IN_REVIEW");

        Reply tooHigh = api.send("PUT", assessments(application) + "/" + assessment, "application/json",
                body(scores(version(assessment), campaign, 6, 3)), reviewer.username());
        assertThat(tooHigh.status()).as(tooHigh.body()).isEqualTo(422);
        assertThat(tooHigh.json().getString("rule")).isEqualTo("label.review.rule.SCORE_OUT_OF_RANGE");
        assertThat(tooHigh.json().getString("field")).isEqualTo("scores[" + campaign.firstCriterion() + "]");

        Reply partial = api.send("PUT", assessments(application) + "/" + assessment, "application/json",
                body(Json.createObjectBuilder().add("version", version(assessment)).add("comments", "Premier avis.")
                        .add("scores", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("criterionId", campaign.firstCriterion()).add("score", 3))).build()),
                reviewer.username());
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(absent(partial.json(), "weightedTotal")).as("no total before every score").isTrue();
        int version = partial.json().getInt("version");
        Reply missing = step(application, assessment, "submit", version, null, reviewer);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().getString("rule")).isEqualTo("label.review.rule.SCORES_MISSING");
        assertThat(missing.json().getJsonArray("arguments").getString(0)).isEqualTo("cooperation");

        Reply stale = api.send("PUT", assessments(application) + "/" + assessment, "application/json",
                body(scores(version - 1, campaign, 1, 1)), reviewer.username());
        assertThat(stale.status()).isEqualTo(409);
        JsonObject complete = score(application, assessment, 0, 10, reviewer);
        assertThat(new BigDecimal(complete.getJsonNumber("weightedTotal").toString())).isEqualByComparingTo("80.00");
        assertThat(step(application, assessment, "submit", complete.getInt("version"), null, reviewer).status())
                .isEqualTo(200);
        assertThat(state(application)).isEqualTo("REVIEWED");
        Reply again = step(application, assessment, "submit", version(assessment), null, reviewer);
        assertThat(again.status()).as("submitted once").isEqualTo(422);
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE subject_type = 'LabelApplication'"
                + " AND subject_id = ? AND action = 'assessment.save'", String.valueOf(application))).isEqualTo(2);
    }

    @Test
    void aReviewerReachesOnlyTheirApplicationsAndSeesNoOtherAssessmentBeforeSubmittingTheirs() {
        Campaign campaign = SqlReviews.campaign(2, false, true);
        long application = SqlReviews.submitted(campaign, A, List.of());
        Reviewer first = SqlReviews.reviewer(null);
        Reviewer second = SqlReviews.reviewer(null);
        Reviewer outsider = SqlReviews.reviewer(null);
        long firstAssessment = assign(application, first).json().getJsonNumber("id").longValue();
        long secondAssessment = assign(application, second).json().getJsonNumber("id").longValue();
        long elsewhere = SqlReviews.submitted(campaign, A, List.of());
        assign(elsewhere, outsider);

        String title = Superuser.column("SELECT p.title FROM project p JOIN label_application a ON a.project_id = p.id"
                + " WHERE a.id = ?", application).get(0);
        for (String path : List.of(assessments(application), "api/v1/reviews/" + application)) {
            Reply refused = api.get(path, outsider.username());
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(title);
            assertThat(api.get(path.replace(String.valueOf(application), "999999999"), outsider.username()).json()
                    .getString("detail")).as("the same answer as an unknown id").isEqualTo(refused.json()
                    .getString("detail").replace(String.valueOf(application), "999999999"));
        }
        assertThat(api.send("PUT", assessments(application) + "/" + firstAssessment, "application/json",
                body(scores(version(firstAssessment), campaign, 1, 1)), outsider.username()).status()).isEqualTo(404);
        assertThat(step(application, firstAssessment, "submit", version(firstAssessment), null, second).status())
                .as("another reviewer's assessment of the same application").isEqualTo(404);
        assertThat(api.get("api/v1/reviews", outsider.username()).body()).doesNotContain(title);

        JsonObject firstScored = score(application, firstAssessment, 5, 10, first);
        assertThat(step(application, firstAssessment, "submit", firstScored.getInt("version"), null, first).status())
                .isEqualTo(200);
        // the second reviewer, not submitted yet, reads their own assessment only: no score, no name of the first
        Reply beforeOwn = api.get(assessments(application), second.username());
        assertThat(beforeOwn.status()).isEqualTo(200);
        assertThat(ids(beforeOwn.array())).containsExactly(secondAssessment);
        assertThat(beforeOwn.body()).doesNotContain(first.username());
        // the first reads theirs only: the second has submitted nothing
        assertThat(ids(api.get(assessments(application), first.username()).array())).containsExactly(firstAssessment);

        JsonObject secondScored = score(application, secondAssessment, 2, 4, second);
        assertThat(step(application, secondAssessment, "submit", secondScored.getInt("version"), null, second)
                .status()).isEqualTo(200);
        // the programme opens the scores after submission: both now read both, with the names
        Reply after = api.get(assessments(application), second.username());
        assertThat(ids(after.array())).containsExactlyInAnyOrder(firstAssessment, secondAssessment);
        assertThat(after.body()).contains(first.username());

        // the jury chair reads the reviewed application's assessments; another jury account does not
        long chair = Superuser.number("SELECT id FROM account WHERE username = ?", TestAccounts.of(Role.JURY));
        Superuser.update("UPDATE campaign SET jury_chair_account_id = ? WHERE id = ?", chair, campaign.campaignId());
        assertThat(ids(api.get(assessments(application), TestAccounts.of(Role.JURY)).array())).hasSize(2);
        Superuser.update("UPDATE campaign SET jury_chair_account_id = NULL WHERE id = ?", campaign.campaignId());
        assertThat(api.get(assessments(application), TestAccounts.of(Role.JURY)).status()).isEqualTo(404);
        assertThat(api.get(assessments(application), TestAccounts.of(Role.MEMBER_COORDINATOR)).status())
                .as("the applicant reads no assessment").isEqualTo(403);
    }

    @Test
    void withoutOpenScoresAReviewerNeverReadsTheOthersEvenAfterSubmitting() {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        long application = SqlReviews.submitted(campaign, A, List.of());
        Reviewer first = SqlReviews.reviewer(null);
        Reviewer second = SqlReviews.reviewer(null);
        long firstAssessment = assign(application, first).json().getJsonNumber("id").longValue();
        long secondAssessment = assign(application, second).json().getJsonNumber("id").longValue();
        for (Object[] each : new Object[][] {{firstAssessment, first}, {secondAssessment, second}}) {
            long id = (Long) each[0];
            Reviewer reviewer = (Reviewer) each[1];
            JsonObject scored = score(application, id, 3, 3, reviewer);
            assertThat(step(application, id, "submit", scored.getInt("version"), null, reviewer).status())
                    .isEqualTo(200);
        }
        assertThat(state(application)).isEqualTo("REVIEWED");
        assertThat(ids(api.get(assessments(application), first.username()).array())).containsExactly(firstAssessment);
        assertThat(ids(api.get(assessments(application), SECRETARIAT).array()))
                .containsExactly(firstAssessment, secondAssessment);
    }

    @Test
    void aBlindProgrammeHidesTheApplicantFromReviewersNotFromTheSecretariat() {
        Campaign campaign = SqlReviews.campaign(2, true, false);
        long application = SqlReviews.submitted(campaign, A, List.of(TestAccounts.ORGANISATION_B));
        Reviewer reviewer = SqlReviews.reviewer(null);
        assign(application, reviewer);

        Reply blind = api.get("api/v1/reviews/" + application, reviewer.username());
        assertThat(blind.status()).as(blind.body()).isEqualTo(200);
        JsonObject read = blind.json();
        assertThat(read.getBoolean("blind")).isTrue();
        assertThat(read.getBoolean("identityHidden")).isTrue();
        assertThat(absent(read, "applicant")).isTrue();
        assertThat(read.getJsonArray("partners")).isEmpty();
        assertThat(read.getJsonArray("answers")).hasSize(2);
        assertThat(read.getJsonArray("criteria")).hasSize(2);
        for (String path : List.of("api/v1/reviews/" + application, "api/v1/reviews", assessments(application))) {
            assertThat(api.get(path, reviewer.username()).body()).as(path).doesNotContain(A, B,
                    "coordinator@test.invalid");
        }

        JsonObject secretariat = api.get("api/v1/reviews/" + application, SECRETARIAT).json();
        assertThat(secretariat.getBoolean("identityHidden")).isFalse();
        assertThat(secretariat.getString("applicant")).isEqualTo(A);
        assertThat(secretariat.getJsonArray("partners").getString(0)).isEqualTo(B);
        assertThat(api.get("api/v1/reviews/" + application, TestAccounts.of(Role.AUDITOR)).json()
                .getString("applicant")).isEqualTo(A);
    }

    @Test
    void theLastTwoAssessmentsSubmittedAtOnceReviewTheApplicationExactlyOnce() throws Exception {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long application = SqlReviews.submitted(campaign, A, List.of());
                Reviewer first = SqlReviews.reviewer(null);
                Reviewer second = SqlReviews.reviewer(null);
                long one = assign(application, first).json().getJsonNumber("id").longValue();
                long two = assign(application, second).json().getJsonNumber("id").longValue();
                int v1 = score(application, one, 4, 7, first).getInt("version");
                int v2 = score(application, two, 5, 10, second).getInt("version");
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Integer>> submissions = List.of(
                        () -> {
                            together.await();
                            return step(application, one, "submit", v1, null, first).status();
                        },
                        () -> {
                            together.await();
                            return step(application, two, "submit", v2, null, second).status();
                        });
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> done : pool.invokeAll(submissions)) {
                    statuses.add(done.get());
                }
                assertThat(statuses).as("round " + round).containsExactly(200, 200);
                assertThat(state(application)).as("round " + round).isEqualTo("REVIEWED");
                assertThat(journaled(application, "label-application.complete_review")).as("round " + round)
                        .isEqualTo(1);
                assertThat((BigDecimal) Superuser.rows("SELECT weighted_total FROM label_application WHERE id = ?",
                        application).get(0).get("weighted_total")).isEqualByComparingTo("86.00");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What makes the above hold whatever else the transactions share: a submission takes the application's row lock
     * before it counts. While another transaction holds that lock, even a first submission (one that completes
     * nothing) waits; it goes on once the lock is released.
     */
    @Test
    void aSubmissionWaitsForTheApplicationsRowLockBeforeItCounts() throws Exception {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        long application = SqlReviews.submitted(campaign, A, List.of());
        Reviewer first = SqlReviews.reviewer(null);
        Reviewer second = SqlReviews.reviewer(null);
        long one = assign(application, first).json().getJsonNumber("id").longValue();
        assign(application, second);
        int version = score(application, one, 4, 7, first).getInt("version");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (java.sql.Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            try (java.sql.PreparedStatement lock = db.prepareStatement(
                    "SELECT id FROM label_application WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, application);
                lock.executeQuery().close();
            }
            Future<Integer> submitted = pool.submit(() -> step(application, one, "submit", version, null, first)
                    .status());
            Thread.sleep(3000);
            assertThat(submitted.isDone()).as("waits for the application's row lock").isFalse();
            db.rollback();
            assertThat(submitted.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(state(application)).isEqualTo("IN_REVIEW");
    }

    @Test
    void bulkAssignmentFillsEachApplicationFromTheSuggestion() {
        Campaign campaign = SqlReviews.campaign(2, false, false);
        long one = SqlReviews.submitted(campaign, A, List.of(B));
        long two = SqlReviews.submitted(campaign, B, List.of());
        SqlReviews.reviewer(null);
        SqlReviews.reviewer(null);
        Reply bulk = api.post("api/v1/reviews/assignments", Json.createObjectBuilder()
                .add("applicationIds", Json.createArrayBuilder().add(one).add(two))
                .add("dueOn", LocalDate.now().plusDays(20).toString()).build().toString(), SECRETARIAT);
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        for (JsonObject outcome : bulk.array().getValuesAs(JsonObject.class)) {
            assertThat(outcome.getJsonArray("assignedReviewerIds")).hasSize(2);
            assertThat(outcome.getInt("stillMissing")).isZero();
        }
        assertThat(state(one)).isEqualTo("IN_REVIEW");
        assertThat(state(two)).isEqualTo("IN_REVIEW");
        // never a reviewer of the applicant or of a partner
        assertThat(Superuser.number("SELECT count(*) FROM assessment s JOIN account a ON a.id = s.reviewer_account_id"
                + " WHERE s.application_id = ? AND a.organisation_id IN (?, ?)", one, SqlReviews.organisation(A),
                SqlReviews.organisation(B))).isZero();
        assertThat(Superuser.number("SELECT count(*) FROM assessment s JOIN account a ON a.id = s.reviewer_account_id"
                + " WHERE s.application_id = ? AND a.organisation_id = ?", two, SqlReviews.organisation(B))).isZero();
        Reply past = api.post("api/v1/reviews/assignments", "{\"applicationIds\": [" + one + "], \"dueOn\": \""
                + LocalDate.now().minusDays(2) + "\"}", SECRETARIAT);
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().getString("rule")).isEqualTo("label.review.rule.DUE_DATE");
    }

    @Test
    void theOpenApiDocumentDescribesTheReviewEndpoints() {
        Reply openapi = api.get("openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/label-applications/{id}/assessments",
                "/api/v1/label-applications/{id}/assessments/{assessmentId}/submit",
                "/api/v1/label-applications/{id}/assessments/{assessmentId}/recuse",
                "/api/v1/reviews/{applicationId}", "/api/v1/reviews/assignments");
    }

    // ----- helpers -----

    private static String assessments(long application) {
        return "api/v1/label-applications/" + application + "/assessments";
    }

    private Reply assign(long application, Reviewer reviewer) {
        return api.post(assessments(application), Json.createObjectBuilder()
                .add("reviewerAccountId", reviewer.id()).add("dueOn", LocalDate.now().plusDays(21).toString())
                .build().toString(), SECRETARIAT);
    }

    private List<Long> order(long application) {
        return api.get(assessments(application) + "/suggestions?max=50", SECRETARIAT).array()
                .getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("accountId").longValue()).toList();
    }

    /** Saves both scores at the assessment's current version, as its reviewer read it. */
    private JsonObject score(long application, long assessment, int first, int second, Reviewer reviewer) {
        int version = version(assessment);
        long[] criteria = Superuser.column("SELECT c.id FROM scoring_criterion c JOIN campaign k ON k.grid_id ="
                        + " c.grid_id JOIN label_application a ON a.campaign_id = k.id WHERE a.id = ? ORDER BY c.position",
                application).stream().mapToLong(Long::parseLong).toArray();
        Reply saved = api.send("PUT", assessments(application) + "/" + assessment, "application/json",
                body(Json.createObjectBuilder().add("version", version).add("comments", "Un avis argumenté.")
                        .add("scores", Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("criterionId", criteria[0]).add("score", first))
                                .add(Json.createObjectBuilder().add("criterionId", criteria[1]).add("score", second)))
                        .build()), reviewer.username());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json();
    }

    private static JsonObject scores(int version, Campaign campaign, int first, int second) {
        return Json.createObjectBuilder().add("version", version).add("scores", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("criterionId", campaign.firstCriterion()).add("score", first))
                .add(Json.createObjectBuilder().add("criterionId", campaign.secondCriterion()).add("score", second)))
                .build();
    }

    private Reply step(long application, long assessment, String step, int version, String reason,
                       Reviewer reviewer) {
        var json = Json.createObjectBuilder().add("version", version);
        if (reason != null) {
            json.add("reason", reason);
        }
        return api.post(assessments(application) + "/" + assessment + "/" + step, json.build().toString(),
                reviewer.username());
    }

    private static java.net.http.HttpRequest.BodyPublisher body(JsonObject json) {
        return java.net.http.HttpRequest.BodyPublishers.ofString(json.toString());
    }

    private static int version(long assessment) {
        return (int) Superuser.number("SELECT version FROM assessment WHERE id = ?", assessment);
    }

    /** Whether the JSON has no value for the key (JSON-B leaves nulls out). */
    private static boolean absent(JsonObject json, String key) {
        return !json.containsKey(key) || json.isNull(key);
    }

    private static String state(long application) {
        return Superuser.column("SELECT state FROM label_application WHERE id = ?", application).get(0);
    }

    private static long journaled(long application, String action) {
        return Superuser.number("SELECT count(*) FROM journal_entry WHERE entity_type = 'LabelApplication'"
                + " AND entity_id = ? AND action = ?", String.valueOf(application), action);
    }

    private static List<Long> ids(JsonArray array) {
        return array.getValuesAs(JsonValue.class).stream()
                .map(value -> value.asJsonObject().getJsonNumber("id").longValue()).toList();
    }
}
