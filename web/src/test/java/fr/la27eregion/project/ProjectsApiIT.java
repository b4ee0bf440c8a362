package fr.la27eregion.project;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projects API from outside ({@code /api/v1/projects/{id}}, {@code POST}, {@code PUT}, transitions), on the
 * shared server: created as a draft of the caller's organisation (201 and Location), read with the same visibility
 * as the pages (another organisation's draft is a 404, even by id), revised at the version seen (409 when stale),
 * moved through both workflows; refusals are problem details naming the field; a read-only token writes nothing;
 * scripts sent in any text field never come back executable.
 */
class ProjectsApiIT {

    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;

    /** Payloads of the OWASP XSS filter evasion cheat sheet, as a hostile client would send them. */
    static final List<String> XSS = List.of("<script>alert('xss')</script>",
            "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">lien</a>",
            "<iframe src=\"https://evil.example\"></iframe>", "<p style=\"background:url(javascript:alert(1))\">p</p>",
            "<body onload=alert(1)>", "<IMG SRC=JaVaScRiPt:alert('XSS')>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "\"><script>alert(document.cookie)</script>", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>");

    private final ApiClient api = new ApiClient(TestServer.url());

    @Test
    void aContributorRecordsADraftThatOnlyTheirOrganisationReads() {
        Reply created = api.post("api/v1/projects", project("Cantines en circuit court").build().toString(),
                CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject json = created.json();
        long id = json.getJsonNumber("id").longValue();
        assertThat(created.header("Location")).endsWith("/api/v1/projects/" + id);
        assertThat(json.getString("visibility")).isEqualTo("DRAFT");
        assertThat(json.getString("leadOrganisationName")).isEqualTo(TestAccounts.ORGANISATION_A);
        assertThat(json.getJsonArray("themeCodes").getString(0)).isEqualTo("public-innovation");
        assertThat(json.getJsonArray("territoryCodes").getString(0)).isEqualTo("FR-53");

        assertThat(api.get("api/v1/projects/" + id, CONTRIBUTOR).status()).isEqualTo(200);
        assertThat(api.get("api/v1/projects/" + id, TestAccounts.of(Role.AUDITOR)).status()).isEqualTo(200);
        for (String outsider : new String[] {COORDINATOR_B, null, TestAccounts.of(Role.REVIEWER)}) {
            Reply hidden = api.get("api/v1/projects/" + id, outsider);
            assertThat(hidden.status()).as("as " + outsider).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("Cantines");
        }
        assertThat(api.get("api/v1/projects/" + (id + 1_000_000), CONTRIBUTOR).status()).isEqualTo(404);
    }

    @Test
    void aRevisionIsMadeAtTheVersionSeenAndAStaleOneIsAConflict() {
        JsonObject created = api.post("api/v1/projects", project("Budget participatif").build().toString(),
                CONTRIBUTOR).json();
        long id = created.getJsonNumber("id").longValue();
        int version = created.getInt("version");
        Reply revised = api.send("PUT", "api/v1/projects/" + id, "application/json",
                body(project("Budget participatif lycéen").add("version", version)), CONTRIBUTOR);
        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().getString("title")).isEqualTo("Budget participatif lycéen");
        assertThat(revised.json().getInt("version")).isGreaterThan(version);

        Reply stale = api.send("PUT", "api/v1/projects/" + id, "application/json",
                body(project("Budget participatif des collèges").add("version", version)), CONTRIBUTOR);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.mediaType()).isEqualTo("application/problem+json");
        Reply noVersion = api.send("PUT", "api/v1/projects/" + id, "application/json",
                body(project("Sans version")), CONTRIBUTOR);
        assertThat(noVersion.status()).isEqualTo(422);
        assertThat(noVersion.json().getString("field")).isEqualTo("version");
        assertThat(api.send("PUT", "api/v1/projects/" + id, "application/json", body(project("Autre")
                .add("version", revised.json().getInt("version"))), COORDINATOR_B).status()).isEqualTo(404);
        assertThat(api.get("api/v1/projects/" + id, CONTRIBUTOR).json().getString("title"))
                .isEqualTo("Budget participatif lycéen");
    }

    @Test
    void aPublishedProjectIsReadByAllAndChangedOnlyByItsOrganisation() {
        JsonObject created = api.post("api/v1/projects", project("Tiers-lieux ruraux").build().toString(),
                CONTRIBUTOR).json();
        long id = created.getJsonNumber("id").longValue();
        Reply contributorPublishes = transition(id, "PUBLISH", created.getInt("version"), null, CONTRIBUTOR);
        assertThat(contributorPublishes.status()).as(contributorPublishes.body()).isEqualTo(403);
        Reply published = transition(id, "PUBLISH", created.getInt("version"), null, COORDINATOR);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().getString("visibility")).isEqualTo("PUBLIC");

        assertThat(api.get("api/v1/projects/" + id, null).status()).isEqualTo(200);
        assertThat(api.get("api/v1/projects/" + id, COORDINATOR_B).status()).isEqualTo(200);
        Reply notTheirs = api.send("PUT", "api/v1/projects/" + id, "application/json", body(project("Pris")
                .add("version", published.json().getInt("version"))), COORDINATOR_B);
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(transition(id, "WITHDRAW", published.json().getInt("version"), null, COORDINATOR_B).status())
                .isEqualTo(403);

        Reply withoutReason = transition(id, "WITHDRAW", published.json().getInt("version"), null, COORDINATOR);
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.json().getString("field")).isEqualTo("reason");
        Reply started = transition(id, "START", published.json().getInt("version"), null, CONTRIBUTOR);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().getString("stage")).isEqualTo("EXPERIMENTING");
        assertThat(transition(id, "START", published.json().getInt("version"), null, CONTRIBUTOR).status())
                .isEqualTo(409);
        Reply unknown = transition(id, "CREATE", started.json().getInt("version"), null, CONTRIBUTOR);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getString("detail")).contains("PUBLISH", "STOP");
        assertThat(Superuser.column("SELECT action FROM journal_entry WHERE entity_type = 'Project' AND entity_id = ?"
                + " ORDER BY seq", String.valueOf(id))).containsSubsequence("project.publish", "project.start");
    }

    @Test
    void wrongInputIsAProblemNamingTheFieldAndWritesNothing() {
        long before = Superuser.number("SELECT count(*) FROM project");
        Reply noTitle = api.post("api/v1/projects", project("").build().toString(), CONTRIBUTOR);
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.json().getString("field")).isEqualTo("title");
        Reply badKind = api.post("api/v1/projects", project("Genre inconnu").add("kind", "SECRET").build()
                .toString(), CONTRIBUTOR);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().getString("detail")).contains("INNOVATION");
        Reply badDates = api.post("api/v1/projects", project("Dates").add("startedOn", "2024-05-01")
                .add("endedOn", "2023-01-01").build().toString(), CONTRIBUTOR);
        assertThat(badDates.status()).isEqualTo(422);
        assertThat(badDates.json().getString("field")).isEqualTo("endedOn");
        assertThat(api.post("api/v1/projects", "{not json", CONTRIBUTOR).status()).isEqualTo(400);
        assertThat(api.post("api/v1/projects", project("Auditeur").build().toString(),
                TestAccounts.of(Role.AUDITOR)).status()).isEqualTo(403);
        assertThat(api.post("api/v1/projects", project("Anonyme").build().toString(), null).status())
                .isEqualTo(401);
        assertThat(Superuser.number("SELECT count(*) FROM project")).isEqualTo(before);
    }

    @Test
    void aReadOnlyTokenReadsButWritesNothing() {
        PlatformDriver.Answer token = new PlatformDriver(TestServer.url()).post("token", CONTRIBUTOR,
                Map.of("name", "Lecture du catalogue", "scope", "READ"));
        assertThat(token.status()).isEqualTo(200);
        ApiClient reader = api.withToken(token.json().getString("secret"));
        JsonObject created = api.post("api/v1/projects", project("Mobilités douces").build().toString(),
                CONTRIBUTOR).json();
        long id = created.getJsonNumber("id").longValue();
        assertThat(reader.get("api/v1/projects/" + id, null).status()).isEqualTo(200);
        assertThat(reader.post("api/v1/projects", project("Par jeton").build().toString(), null).status())
                .isEqualTo(403);
        assertThat(reader.send("PUT", "api/v1/projects/" + id, "application/json", body(project("Par jeton")
                .add("version", created.getInt("version"))), null).status()).isEqualTo(403);
        assertThat(Superuser.number("SELECT count(*) FROM project WHERE title = 'Par jeton'")).isZero();
    }

    @Test
    void scriptsSentInEveryTextFieldNeverComeBackExecutable() {
        for (String payload : XSS) {
            JsonObjectBuilder hostile = Json.createObjectBuilder().add("title", "Projet " + payload)
                    .add("summary", payload).add("description", "<p>Début</p>" + payload + "<p>Fin</p>")
                    .add("lessons", payload + "<ul><li>leçon</li></ul>").add("kind", "INNOVATION")
                    .add("contactName", payload)
                    .add("outsidePartners", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("name", payload).add("countryCode", "ES").add("kind", "UNIVERSITY")))
                    .add("links", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("url", "https://example.org/").add("label", payload)));
            Reply created = api.post("api/v1/projects", hostile.build().toString(), CONTRIBUTOR);
            assertThat(created.status()).as(payload + ": " + created.body()).isEqualTo(201);
            Reply read = api.get("api/v1/projects/" + created.json().getJsonNumber("id").longValue(), CONTRIBUTOR);
            // the plain texts are data in JSON, never HTML to run: the answer says so and forbids sniffing
            assertThat(read.mediaType()).isEqualTo("application/json");
            assertThat(read.header("X-Content-Type-Options")).isEqualTo("nosniff");
            for (String rich : new String[] {read.json().getString("description"), read.json().getString("lessons")}) {
                assertThat(rich.toLowerCase(java.util.Locale.ROOT)).as(payload)
                        .doesNotContain("<script", "onerror", "onload", "ontoggle", "javascript:", "<iframe", "style=",
                                "<svg", "<img", "<math", "<body", "<details");
            }
            // what is safe before the payload stays (after it, an unclosed <style> or <math> may take the rest)
            assertThat(read.json().getString("description")).as(payload).startsWith("<p>Début</p>");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheProjectEndpointsTheUploadAndTheirProblems() {
        Reply openapi = api.get("openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/projects/{id}", "/api/v1/projects/{id}/transitions",
                "/api/v1/projects/{projectId}/attachments", "/api/v1/projects/{projectId}/attachments/{attachmentId}",
                "multipart/form-data", "ProjectAttachment", "ProjectTransition", "OutsidePartner", "413", "415");
    }

    // ----- helpers -----

    private Reply transition(long id, String action, int version, String reason, String caller) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("action", action).add("version", version);
        if (reason != null) {
            body.add("reason", reason);
        }
        return api.post("api/v1/projects/" + id + "/transitions", body.build().toString(), caller);
    }

    private static JsonObjectBuilder project(String title) {
        return Json.createObjectBuilder().add("title", title)
                .add("summary", "Un projet des tests de l'API.").add("kind", "EXPERIMENT")
                .add("description", "<p>Une <strong>expérimentation</strong>.</p>")
                .add("themeCodes", Json.createArrayBuilder().add("public-innovation"))
                .add("territoryCodes", Json.createArrayBuilder().add("FR-53"));
    }

    private static java.net.http.HttpRequest.BodyPublisher body(JsonObjectBuilder json) {
        return java.net.http.HttpRequest.BodyPublishers.ofString(json.build().toString());
    }
}
