package fr.la27eregion.journal;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record's timeline and its state at a chosen date, through the API on the shared test server: a membership and
 * a label application are driven through their workflows with the platform's clock moved ten days between steps,
 * then their state is asked before they existed, between each step and after the last, and must be the state the
 * workflow answered at that step, set by the entry of that step. Also the organisation's timeline (its
 * membership's state), paging, and the refusals: 400 for an unknown type or a bad date, 404 for an unknown record,
 * 401 without credentials, 403 for every role but auditors and the secretariat.
 */
class RecordTimelineIT {

    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String ADMIN = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final Duration STEP = Duration.ofDays(10);

    private final ApiClient api = new ApiClient(TestServer.url());
    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    @AfterEach
    void clockBack() {
        driver.moveClockBy(Duration.ZERO);
    }

    /** A step taken at {@code offset} from now: the state the workflow answered. */
    private record Step(Duration offset, String state) {
    }

    private JsonObject timeline(String type, long id, Instant at) {
        Reply reply = api.get("api/v1/records/" + type + "/" + id + "/timeline"
                + (at == null ? "" : "?at=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8)), AUDITOR);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The journal's transitions of the record's machine (entries that change its state), in order. */
    private static List<JsonObject> transitions(JsonObject timeline, String entityType) {
        return timeline.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> entityType.equals(e.getString("entityType", null)) && e.containsKey("stateAfter")
                        && !e.isNull("stateAfter") && !e.getString("stateAfter").equals(e.getString("stateBefore", null)))
                .toList();
    }

    /**
     * Asks the state at each step's middle (five days after it) and before the first: each is the state the
     * workflow answered, set by that step's entry, and the instant before the first is "did not exist yet".
     */
    private void checkStates(String type, long id, String entityType, List<Step> steps, Instant start) {
        List<JsonObject> moves = transitions(timeline(type, id, null), entityType);
        assertThat(moves.stream().map(e -> e.getString("stateAfter")).toList())
                .as("the journal's transitions are the workflow's steps")
                .containsExactlyElementsOf(steps.stream().map(Step::state).toList());

        JsonObject before = timeline(type, id, start.minus(1, ChronoUnit.DAYS)).getJsonObject("stateAt");
        assertThat(before.getBoolean("existed")).as("a day before it was created").isFalse();
        assertThat(before.containsKey("state") && !before.isNull("state")).isFalse();

        for (int i = 0; i < steps.size(); i++) {
            Instant middle = start.plus(steps.get(i).offset()).plus(Duration.ofDays(5));
            JsonObject state = timeline(type, id, middle).getJsonObject("stateAt");
            assertThat(state.getBoolean("existed")).isTrue();
            assertThat(state.getString("state")).as("state at " + middle).isEqualTo(steps.get(i).state());
            assertThat(state.getJsonNumber("sinceSeq").longValue()).as("set by the entry of that step")
                    .isEqualTo(moves.get(i).getJsonNumber("seq").longValue());
            assertThat(state.getString("stateOf")).isEqualTo(entityType);
        }
        // the instant of a step's own entry: that step's state (at or before); a microsecond before: the previous
        for (int i = 1; i < moves.size(); i++) {
            Instant recorded = Instant.parse(moves.get(i).getString("recordedAt"));
            assertThat(timeline(type, id, recorded).getJsonObject("stateAt").getString("state"))
                    .isEqualTo(steps.get(i).state());
            assertThat(timeline(type, id, recorded.minus(1, ChronoUnit.MICROS)).getJsonObject("stateAt")
                    .getString("state")).isEqualTo(steps.get(i - 1).state());
        }
    }

    @Test
    void aMembershipsStateAtEachDateIsTheStateTheWorkflowHadThen() {
        Instant start = Instant.now();
        PlatformDriver.Applicant applicant = driver.applicant("Organisation chronologie", "fr");
        List<Step> steps = new ArrayList<>(List.of(new Step(Duration.ZERO,
                applicant.membership().getString("state"))));
        JsonObject membership = applicant.membership();
        MembershipAction[] actions = {MembershipAction.REVIEW, MembershipAction.APPROVE, MembershipAction.ACTIVATE,
            MembershipAction.SUSPEND};
        for (int i = 0; i < actions.length; i++) {
            Duration offset = STEP.multipliedBy(i + 1L);
            driver.moveClockBy(offset);
            PlatformDriver.Answer answer = driver.perform(membership, actions[i],
                    actions[i] == MembershipAction.SUSPEND ? "Cotisation impayée." : null,
                    actions[i] == MembershipAction.ACTIVATE ? "CONV-" + System.nanoTime() : null);
            assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
            membership = answer.json();
            steps.add(new Step(offset, membership.getString("state")));
        }
        driver.moveClockBy(Duration.ZERO);
        assertThat(steps.stream().map(Step::state))
                .containsExactly("APPLIED", "UNDER_REVIEW", "APPROVED", "ACTIVE", "SUSPENDED");

        checkStates("membership", applicant.id(), "Membership", steps, start);
        // the organisation's state is its membership's; its timeline holds the membership's entries
        checkStates("organisation", applicant.organisation(), "Membership", steps, start);

        JsonObject suspended = transitions(timeline("membership", applicant.id(), null), "Membership").get(4);
        assertThat(suspended.getString("reason")).isEqualTo("Cotisation impayée.");
        assertThat(suspended.getString("stateBefore")).isEqualTo("ACTIVE");
        assertThat(suspended.getString("hash")).hasSize(64);
        assertThat(suspended.getString("actor")).isEqualTo(PlatformDriver.secretariat());

        // a plain day is its start in France: the day after the last step, the last state
        String day = start.plus(STEP.multipliedBy(5)).atZone(java.time.ZoneId.of("Europe/Paris")).toLocalDate()
                .toString();
        Reply byDay = api.get("api/v1/records/membership/" + applicant.id() + "/timeline?at=" + day, AUDITOR);
        assertThat(byDay.status()).as(byDay.body()).isEqualTo(200);
        assertThat(byDay.json().getJsonObject("stateAt").getString("state")).isEqualTo("SUSPENDED");
        assertThat(api.get("api/v1/records/membership/" + applicant.id() + "/timeline?at=" + day, ADMIN).status())
                .isEqualTo(200);
    }

    @Test
    void aLabelApplicationsStateAtEachDateIsTheStateTheWorkflowHadThenAndItsConversationIsInItsTimeline() {
        Instant start = Instant.now();
        long campaign = campaign(start.minus(1, ChronoUnit.DAYS), start.plus(90, ChronoUnit.DAYS));
        Reply created = api.post("api/v1/label-applications", Json.createObjectBuilder().add("campaignId", campaign)
                .add("projectId", project()).build().toString(), CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject application = created.json();
        long id = application.getJsonNumber("id").longValue();
        JsonArrayBuilder answers = Json.createArrayBuilder();
        for (JsonValue criterion : application.getJsonArray("answers")) {
            answers.add(Json.createObjectBuilder().add("criterionId",
                    criterion.asJsonObject().getJsonNumber("criterionId").longValue()).add("answer", "Réponse."));
        }
        Reply answered = api.send("PUT", "api/v1/label-applications/" + id + "/answers", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("version", application.getInt("version")).add("answers", answers).build().toString()),
                CONTRIBUTOR);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        int version = answered.json().getInt("version");

        List<Step> steps = new ArrayList<>(List.of(new Step(Duration.ZERO, "DRAFT")));
        String[][] moves = {{"SUBMIT", COORDINATOR, null}, {"REQUEST_CHANGES", ADMIN, "Précisez l'évaluation."},
            {"RESUBMIT", COORDINATOR, null}, {"DECLARE_INELIGIBLE", ADMIN, "Hors du champ du programme."}};
        for (int i = 0; i < moves.length; i++) {
            Duration offset = STEP.multipliedBy(i + 1L);
            driver.moveClockBy(offset);
            if (moves[i][0].equals("RESUBMIT")) {
                Reply message = api.post("api/v1/label-applications/" + id + "/messages",
                        "{\"body\": \"Voici nos précisions.\"}", CONTRIBUTOR);
                assertThat(message.status()).as(message.body()).isEqualTo(201);
            }
            JsonObjectBuilderStep body = new JsonObjectBuilderStep(moves[i][0], version, moves[i][2]);
            Reply moved = api.post("api/v1/label-applications/" + id + "/transitions", body.json(), moves[i][1]);
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            version = moved.json().getInt("version");
            steps.add(new Step(offset, moved.json().getString("state")));
        }
        driver.moveClockBy(Duration.ZERO);
        assertThat(steps.stream().map(Step::state))
                .containsExactly("DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "SUBMITTED", "INELIGIBLE");

        checkStates("application", id, "LabelApplication", steps, start);
        List<String> actions = timeline("application", id, null).getJsonArray("entries")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertThat(actions).as("the conversation's message is part of the application's history")
                .contains("label-application.message");
    }

    /** A transition's body. */
    private record JsonObjectBuilderStep(String action, int version, String reason) {
        String json() {
            var body = Json.createObjectBuilder().add("action", action).add("version", version);
            if (reason != null) {
                body.add("reason", reason);
            }
            return body.build().toString();
        }
    }

    @Test
    void theTimelineIsPagedByItsNumbersAndRefusesWhatItCannotAnswer() {
        PlatformDriver.Applicant applicant = driver.applicant("Organisation pages", "fr");
        PlatformDriver.Answer reviewed = driver.perform(applicant.membership(), MembershipAction.REVIEW, null, null);
        driver.perform(reviewed.json(), MembershipAction.APPROVE, null, null);
        String path = "api/v1/records/membership/" + applicant.id() + "/timeline";

        JsonObject first = api.get(path + "?size=2", AUDITOR).json();
        assertThat(first.getJsonArray("entries")).hasSize(2);
        long after = first.getJsonNumber("nextAfter").longValue();
        JsonObject rest = api.get(path + "?size=2&after=" + after, AUDITOR).json();
        assertThat(rest.getJsonArray("entries")).hasSize(1);
        assertThat(rest.containsKey("nextAfter") && !rest.isNull("nextAfter")).as("the last page").isFalse();
        assertThat(rest.getJsonArray("entries").getJsonObject(0).getJsonNumber("seq").longValue())
                .isGreaterThan(after);
        assertThat(rest.getJsonArray("entries").getJsonObject(0).getString("stateAfter")).isEqualTo("APPROVED");
        assertThat(first.containsKey("stateAt") && !first.isNull("stateAt")).as("no date asked").isFalse();

        for (String bad : List.of("api/v1/records/contract/" + applicant.id() + "/timeline",
                path + "?at=1er%20mars", path + "?at=2026-13-01", path + "?size=0", path + "?after=x",
                "api/v1/records/membership/abc/timeline")) {
            Reply refused = api.get(bad, AUDITOR);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        }
        Reply unknown = api.get("api/v1/records/label/999999999/timeline", AUDITOR);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.mediaType()).isEqualTo("application/problem+json");
        assertThat(api.get("api/v1/records/organisation/999999999/timeline?at=2026-03-01", ADMIN).status())
                .isEqualTo(404);

        assertThat(api.get(path, null).status()).isEqualTo(401);
        for (Role role : Role.values()) {
            if (role != Role.AUDITOR && role != Role.NETWORK_ADMIN) {
                Reply refused = api.get(path, TestAccounts.of(role));
                assertThat(refused.status()).as(role.name()).isEqualTo(403);
                assertThat(refused.mediaType()).isEqualTo("application/problem+json");
            }
        }
    }

    private long campaign(Instant opens, Instant closes) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Reply programme = api.post("api/v1/label-programmes", Json.createObjectBuilder().add("code", code)
                .add("nameFr", "Label chronologie").add("nameEn", "Timeline label")
                .add("criteria", Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", "impact")
                        .add("labelFr", "Impact").add("labelEn", "Impact").add("guidanceFr", "Décrivez.")
                        .add("guidanceEn", "Describe.").add("weight", 1).add("maxScore", 5))).build().toString(),
                ADMIN);
        assertThat(programme.status()).as(programme.body()).isEqualTo(201);
        Reply campaign = api.post("api/v1/campaigns", Json.createObjectBuilder()
                .add("programmeId", programme.json().getJsonNumber("id").longValue()).add("code", code)
                .add("titleFr", "Appel chronologie").add("titleEn", "Timeline call").add("opensAt", opens.toString())
                .add("closesAt", closes.toString()).build().toString(), ADMIN);
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        return campaign.json().getJsonNumber("id").longValue();
    }

    private long project() {
        Reply created = api.post("api/v1/projects", Json.createObjectBuilder().add("title", "Projet chronologie "
                        + System.nanoTime()).add("summary", "Un projet dont on suit l'histoire.").add("kind", "EXPERIMENT")
                .add("themeCodes", Json.createArrayBuilder().add("public-innovation"))
                .add("territoryCodes", Json.createArrayBuilder().add("FR-53")).build().toString(), CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getJsonNumber("id").longValue();
    }
}
