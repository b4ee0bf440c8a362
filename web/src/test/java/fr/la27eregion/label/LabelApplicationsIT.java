package fr.la27eregion.label;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label programmes, campaigns and applications through the API, on the shared server, as each role (HTTP Basic):
 * the secretariat creates a programme and a campaign; the applicant's contributor starts a draft of its project and
 * answers; the coordinator submits; the secretariat requests changes and writes; the applicant answers, resubmits
 * and withdraws. Every step is journaled with the application as subject and tells the applicant; a stale version
 * is a 409; another organisation's coordinator reaches nothing (404); a submission after the campaign closed (by
 * the platform's moved clock) is refused; a grid revised after a campaign leaves the campaign's grid as it was.
 */
class LabelApplicationsIT {

    private static final String ADMIN = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;

    private final ApiClient api = new ApiClient(TestServer.url());
    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    @AfterEach
    void clockBack() {
        driver.moveClockBy(Duration.ZERO);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static JsonObjectBuilder criterion(String code, String fr, String en, String weight) {
        return Json.createObjectBuilder().add("code", code).add("labelFr", fr).add("labelEn", en)
                .add("guidanceFr", "Décrivez.").add("guidanceEn", "Describe.")
                .add("weight", new java.math.BigDecimal(weight)).add("maxScore", 5);
    }

    private JsonObject programme() {
        JsonArrayBuilder criteria = Json.createArrayBuilder()
                .add(criterion("users", "Conception centrée usagers", "User-centred design", "2"))
                .add(criterion("data", "Données ouvertes", "Open data", "1"));
        Reply created = api.post("api/v1/label-programmes", Json.createObjectBuilder().add("code", unique("PROG"))
                .add("nameFr", "Label d'essai").add("nameEn", "Test label").add("levels", 3)
                .add("mentions", Json.createArrayBuilder().add("Coup de cœur")).add("criteria", criteria).build()
                .toString(), ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonObject campaign(long programme, Instant opens, Instant closes) {
        Reply created = api.post("api/v1/campaigns", Json.createObjectBuilder().add("programmeId", programme)
                .add("code", unique("CAMP")).add("titleFr", "Appel d'essai").add("titleEn", "Test call")
                .add("opensAt", opens.toString()).add("closesAt", closes.toString()).build().toString(), ADMIN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private long project(String title) {
        Reply created = api.post("api/v1/projects", Json.createObjectBuilder().add("title", title)
                .add("summary", "Un projet candidat au label.").add("kind", "EXPERIMENT")
                .add("themeCodes", Json.createArrayBuilder().add("public-innovation"))
                .add("territoryCodes", Json.createArrayBuilder().add("FR-53")).build().toString(), CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getJsonNumber("id").longValue();
    }

    private Reply draft(long campaign, long project, String caller) {
        return api.post("api/v1/label-applications", Json.createObjectBuilder().add("campaignId", campaign)
                .add("projectId", project).build().toString(), caller);
    }

    private Reply answer(JsonObject application, int version, String caller, String... texts) {
        JsonArrayBuilder answers = Json.createArrayBuilder();
        List<JsonValue> criteria = application.getJsonArray("answers");
        for (int i = 0; i < texts.length; i++) {
            answers.add(Json.createObjectBuilder().add("criterionId",
                    criteria.get(i).asJsonObject().getJsonNumber("criterionId").longValue()).add("answer", texts[i]));
        }
        return api.send("PUT", "api/v1/label-applications/" + application.getJsonNumber("id").longValue()
                        + "/answers", "application/json", java.net.http.HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder().add("version", version).add("answers", answers).build().toString()),
                caller);
    }

    private Reply step(long id, String action, int version, String reason, String caller) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("action", action).add("version", version);
        if (reason != null) {
            body.add("reason", reason);
        }
        return api.post("api/v1/label-applications/" + id + "/transitions", body.build().toString(), caller);
    }

    @Test
    void anApplicationGoesFromDraftToWithdrawnThroughChangesAndAConversation() {
        JsonObject programme = programme();
        Instant now = Instant.now();
        JsonObject campaign = campaign(programme.getJsonNumber("id").longValue(), now.minus(1, ChronoUnit.DAYS),
                now.plus(20, ChronoUnit.DAYS));
        assertThat(campaign.getBoolean("open")).isTrue();
        assertThat(campaign.getInt("gridVersion")).isEqualTo(1);
        long project = project("Laboratoire candidat " + unique("P"));

        Reply created = draft(campaign.getJsonNumber("id").longValue(), project, CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject draft = created.json();
        long id = draft.getJsonNumber("id").longValue();
        assertThat(created.header("Location")).endsWith("/api/v1/label-applications/" + id);
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getString("organisationName")).isEqualTo(TestAccounts.ORGANISATION_A);
        assertThat(draft.getJsonArray("unanswered")).hasSize(2);
        assertThat(draft.getJsonArray("actions")).as("a contributor drafts, never sends").isEmpty();
        assertThat(draft(campaign.getJsonNumber("id").longValue(), project, COORDINATOR).status())
                .as("one live application per project and campaign").isEqualTo(422);

        // the contributor answers one criterion; the coordinator cannot submit with one missing
        Reply half = answer(draft, draft.getInt("version"), CONTRIBUTOR, "Des ateliers avec les usagers.");
        assertThat(half.status()).as(half.body()).isEqualTo(200);
        Reply incomplete = step(id, "SUBMIT", half.json().getInt("version"), null, COORDINATOR);
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(422);
        assertThat(incomplete.mediaType()).isEqualTo("application/problem+json");
        assertThat(incomplete.body()).contains("data");
        Reply full = answer(draft, half.json().getInt("version"), CONTRIBUTOR, "Des ateliers avec les usagers.",
                "Les données sont publiées sous Licence Ouverte.");
        assertThat(full.json().getJsonArray("unanswered")).isEmpty();
        assertThat(full.json().getInt("version")).isGreaterThan(half.json().getInt("version"));

        // stale version: 409; contributor: 403; another organisation's coordinator: 404, as an unknown id
        Reply stale = step(id, "SUBMIT", half.json().getInt("version"), null, COORDINATOR);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.mediaType()).isEqualTo("application/problem+json");
        assertThat(step(id, "SUBMIT", full.json().getInt("version"), null, CONTRIBUTOR).status()).isEqualTo(403);
        for (Reply hidden : List.of(api.get("api/v1/label-applications/" + id, COORDINATOR_B),
                step(id, "SUBMIT", full.json().getInt("version"), null, COORDINATOR_B),
                api.get("api/v1/label-applications/" + id + "/messages", COORDINATOR_B),
                api.get("api/v1/label-applications/" + id, null))) {
            assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("Laboratoire candidat");
        }
        assertThat(api.get("api/v1/label-applications", COORDINATOR_B).array().stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())).doesNotContain(id);

        Reply submitted = step(id, "SUBMIT", full.json().getInt("version"), null, COORDINATOR);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().getString("state")).isEqualTo("SUBMITTED");
        assertThat(submitted.json().getString("submittedAt")).isNotBlank();
        assertThat(answer(draft, submitted.json().getInt("version"), CONTRIBUTOR, "Changé après l'envoi").status())
                .as("answers are the ones sent").isEqualTo(422);

        // the conversation is closed until changes are requested
        assertThat(api.post("api/v1/label-applications/" + id + "/messages", "{\"body\": \"Bonjour\"}", ADMIN)
                .status()).isEqualTo(422);
        Reply noReason = step(id, "REQUEST_CHANGES", submitted.json().getInt("version"), null, ADMIN);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().getString("field")).isEqualTo("reason");
        Reply changes = step(id, "REQUEST_CHANGES", submitted.json().getInt("version"),
                "Précisez comment l'impact est évalué.", ADMIN);
        assertThat(changes.status()).as(changes.body()).isEqualTo(200);
        assertThat(changes.json().getString("state")).isEqualTo("CHANGES_REQUESTED");
        assertThat(changes.json().getString("lastReason")).isEqualTo("Précisez comment l'impact est évalué.");

        Reply asked = api.post("api/v1/label-applications/" + id + "/messages",
                "{\"body\": \"Un indicateur suffit-il ?\"}", ADMIN);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().getString("authorSide")).isEqualTo("SECRETARIAT");
        Reply replied = api.post("api/v1/label-applications/" + id + "/messages",
                "{\"body\": \"Nous en proposons deux.\"}", CONTRIBUTOR);
        assertThat(replied.status()).as(replied.body()).isEqualTo(201);
        assertThat(replied.json().getString("authorSide")).isEqualTo("APPLICANT");
        assertThat(api.post("api/v1/label-applications/" + id + "/messages", "{\"body\": \"  \"}", CONTRIBUTOR)
                .status()).isEqualTo(422);
        assertThat(api.post("api/v1/label-applications/" + id + "/messages", "{\"body\": \"Lu\"}", AUDITOR)
                .status()).isEqualTo(403);
        Reply conversation = api.get("api/v1/label-applications/" + id + "/messages", AUDITOR);
        assertThat(conversation.array()).extracting(v -> v.asJsonObject().getString("body"))
                .containsExactly("Un indicateur suffit-il ?", "Nous en proposons deux.");

        Reply reanswered = answer(draft, changes.json().getInt("version"), CONTRIBUTOR,
                "Des ateliers avec les usagers.", "Deux indicateurs d'impact, publiés en données ouvertes.");
        assertThat(reanswered.status()).as(reanswered.body()).isEqualTo(200);
        Reply resubmitted = step(id, "RESUBMIT", reanswered.json().getInt("version"), null, COORDINATOR);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().getString("state")).isEqualTo("SUBMITTED");
        assertThat(resubmitted.json().getJsonArray("actions")).extracting(Object::toString)
                .containsExactly("\"WITHDRAW\"");
        Reply withdrawn = step(id, "WITHDRAW", resubmitted.json().getInt("version"), null, COORDINATOR);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().getString("state")).isEqualTo("WITHDRAWN");
        assertThat(step(id, "RESUBMIT", withdrawn.json().getInt("version"), null, COORDINATOR).status())
                .as("nothing after a withdrawal").isEqualTo(422);

        // every step journaled, with the application as subject; the applicant told of each step and message
        assertThat(Superuser.column("SELECT action FROM journal_entry WHERE subject_type = 'LabelApplication'"
                + " AND subject_id = ? ORDER BY seq", String.valueOf(id))).containsExactly(
                "label-application.create", "label-application.answer", "label-application.answer",
                "label-application.submit", "label-application.request_changes", "label-application.message",
                "label-application.message", "label-application.answer", "label-application.resubmit",
                "label-application.withdraw");
        assertThat(Superuser.column("SELECT state_before || '>' || state_after FROM journal_entry"
                + " WHERE entity_type = 'LabelApplication' AND entity_id = ? AND action IN"
                + " ('label-application.submit', 'label-application.request_changes', 'label-application.resubmit',"
                + " 'label-application.withdraw') ORDER BY seq", String.valueOf(id))).containsExactly(
                "DRAFT>SUBMITTED", "SUBMITTED>CHANGES_REQUESTED", "CHANGES_REQUESTED>SUBMITTED",
                "SUBMITTED>WITHDRAWN");
        assertThat(Superuser.column("SELECT message_key FROM notification WHERE arguments LIKE ? ORDER BY id",
                "%" + campaign.getString("code") + "%")).containsExactly("label-application.submit",
                "label-application.request_changes", "label-application.message", "label-application.resubmit",
                "label-application.withdraw");
        // a withdrawn application leaves room for a new one of the same project
        assertThat(draft(campaign.getJsonNumber("id").longValue(), project, CONTRIBUTOR).status()).isEqualTo(201);
    }

    @Test
    void aSubmissionIsRefusedOnceTheCampaignClosedByThePlatformsClock() {
        JsonObject programme = programme();
        Instant now = Instant.now();
        JsonObject campaign = campaign(programme.getJsonNumber("id").longValue(), now.minus(1, ChronoUnit.HOURS),
                now.plus(2, ChronoUnit.DAYS));
        long project = project("Projet en retard " + unique("P"));
        JsonObject draft = draft(campaign.getJsonNumber("id").longValue(), project, COORDINATOR).json();
        Reply answered = answer(draft, draft.getInt("version"), COORDINATOR, "Réponse un.", "Réponse deux.");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        driver.moveClockBy(Duration.ofDays(3));
        Reply late = step(draft.getJsonNumber("id").longValue(), "SUBMIT", answered.json().getInt("version"), null,
                COORDINATOR);
        assertThat(late.status()).as(late.body()).isEqualTo(422);
        assertThat(late.json().getString("detail")).contains("not open");
        assertThat(api.get("api/v1/campaigns", null).array().stream().map(v -> v.asJsonObject().getString("code")))
                .as("a closed campaign is no longer listed publicly").doesNotContain(campaign.getString("code"));
        assertThat(api.get("api/v1/campaigns/" + campaign.getJsonNumber("id").longValue(), null).status())
                .isEqualTo(404);
        assertThat(draft(campaign.getJsonNumber("id").longValue(), project("Trop tard " + unique("P")), COORDINATOR)
                .status()).as("no draft in a closed campaign").isEqualTo(422);

        driver.moveClockBy(Duration.ZERO);
        assertThat(api.get("api/v1/campaigns", null).array().stream().map(v -> v.asJsonObject().getString("code")))
                .contains(campaign.getString("code"));
        Reply inTime = step(draft.getJsonNumber("id").longValue(), "SUBMIT", answered.json().getInt("version"),
                null, COORDINATOR);
        assertThat(inTime.status()).as(inTime.body()).isEqualTo(200);
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE subject_type = 'LabelApplication'"
                + " AND subject_id = ? AND action = 'label-application.submit'",
                String.valueOf(draft.getJsonNumber("id").longValue()))).as("the refused one left nothing").isEqualTo(1);
    }

    @Test
    void revisingTheGridMakesANewVersionAndLeavesTheCampaignsGridAsItWas() {
        JsonObject programme = programme();
        long programmeId = programme.getJsonNumber("id").longValue();
        Instant now = Instant.now();
        JsonObject campaign = campaign(programmeId, now, now.plus(30, ChronoUnit.DAYS));
        Reply revised = api.post("api/v1/label-programmes/" + programmeId + "/grids", Json.createObjectBuilder()
                .add("version", programme.getInt("version")).add("criteria", Json.createArrayBuilder()
                        .add(criterion("users", "Usagers", "Users", "3"))
                        .add(criterion("transfer", "Transférabilité", "Transferability", "1"))).build().toString(),
                ADMIN);
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().getInt("gridVersion")).isEqualTo(2);
        assertThat(api.post("api/v1/label-programmes/" + programmeId + "/grids", Json.createObjectBuilder()
                .add("version", programme.getInt("version")).add("criteria", Json.createArrayBuilder()
                        .add(criterion("late", "Tard", "Late", "1"))).build().toString(), ADMIN).status())
                .as("a revision from a stale programme").isEqualTo(409);
        assertThat(api.post("api/v1/label-programmes/" + programmeId + "/grids", Json.createObjectBuilder()
                .add("version", revised.json().getInt("version")).add("criteria", Json.createArrayBuilder()
                        .add(criterion("x", "X", "X", "0"))).build().toString(), ADMIN).json().getString("field"))
                .isEqualTo("criteria[0].weight");

        JsonObject frozen = api.get("api/v1/campaigns/" + campaign.getJsonNumber("id").longValue(), CONTRIBUTOR)
                .json();
        assertThat(frozen.getInt("gridVersion")).isEqualTo(1);
        long project = project("Grille figée " + unique("P"));
        JsonObject draft = draft(campaign.getJsonNumber("id").longValue(), project, CONTRIBUTOR).json();
        assertThat(draft.getJsonArray("answers")).extracting(v -> v.asJsonObject().getString("code"))
                .containsExactly("users", "data");
        assertThat(Superuser.number("SELECT count(*) FROM scoring_criterion c JOIN scoring_grid g ON g.id = c.grid_id"
                + " WHERE g.programme_id = ? AND g.grid_version = 1 AND c.weight = 2.00", programmeId)).isEqualTo(1);
        assertThat(api.get("api/v1/label-programmes/" + programmeId, null).json().getJsonArray("criteria"))
                .extracting(v -> v.asJsonObject().getString("code")).containsExactly("users", "transfer");
        assertThat(api.post("api/v1/label-programmes", "{}", CONTRIBUTOR).status()).isEqualTo(403);
        assertThat(api.post("api/v1/campaigns", "{}", null).status()).isEqualTo(401);
    }

    @Test
    void wrongInputIsAProblemNamingTheField() {
        Reply noCampaign = api.post("api/v1/label-applications", "{\"projectId\": 1}", CONTRIBUTOR);
        assertThat(noCampaign.status()).isEqualTo(422);
        assertThat(noCampaign.json().getString("field")).isEqualTo("campaignId");
        assertThat(api.post("api/v1/label-applications", "{not json", CONTRIBUTOR).status()).isEqualTo(400);
        Reply unknownAction = step(1, "AWARD_ALL", 0, null, COORDINATOR);
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.json().getString("detail")).contains("SUBMIT", "WITHDRAW");
        Reply badCampaign = api.post("api/v1/campaigns", Json.createObjectBuilder().add("programmeId", 1)
                .add("code", unique("C")).add("titleFr", "a").add("titleEn", "b")
                .add("opensAt", "2026-05-01T00:00:00Z").add("closesAt", "2026-04-01T00:00:00Z").build().toString(),
                ADMIN);
        assertThat(badCampaign.status()).isEqualTo(422);
        assertThat(badCampaign.json().getString("field")).isEqualTo("closesAt");
        Reply badProgramme = api.post("api/v1/label-programmes", Json.createObjectBuilder().add("code", "bad code")
                .add("nameFr", "a").add("nameEn", "b").build().toString(), ADMIN);
        assertThat(badProgramme.status()).isEqualTo(422);
        assertThat(badProgramme.json().getString("field")).isEqualTo("code");
    }
}
