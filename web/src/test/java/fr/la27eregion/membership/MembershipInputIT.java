package fr.la27eregion.membership;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static fr.la27eregion.membership.MembershipApi.SECRETARIAT;
import static fr.la27eregion.membership.MembershipApi.application;
import static fr.la27eregion.membership.MembershipApi.coordinator;
import static fr.la27eregion.membership.MembershipApi.journal;
import static fr.la27eregion.membership.MembershipApi.nothingSaved;
import static fr.la27eregion.membership.MembershipApi.problem;
import static fr.la27eregion.membership.MembershipApi.transition;
import static fr.la27eregion.membership.MembershipApi.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wrong input to the membership API, from outside: each refusal is a problem detail that says what to correct
 * (a 422 naming the field and the rule for a wrong value, a 400 for a body that cannot be read, 404, 413, 415),
 * never a 500, and nothing of a refused request is half-saved: no organisation, contact, membership or journal
 * entry, and a membership keeps its state and version.
 */
class MembershipInputIT {

    private static final String APPLY = "api/v1/organisations";

    final URL base = TestServer.url();

    private MembershipApi membership;

    @BeforeEach
    void client() {
        membership = new MembershipApi(base);
    }

    // ----- the organisation's details -----

    @Test
    void eachProblemOfASiretIsA422NamingTheSiret() {
        String valid = Siret.withKey("4200000000042").value();
        String wrongKey = valid.substring(0, 13) + (char) ('0' + (valid.charAt(13) - '0' + 1) % 10);
        Map<String, String> problems = Map.of(
                "ABCDEFGHIJKLMN", "NOT_DIGITS",
                "1234567890123X", "NOT_DIGITS",
                "1234567890", "WRONG_LENGTH",
                "123456789012345", "WRONG_LENGTH",
                wrongKey, "WRONG_KEY");
        for (Map.Entry<String, String> siret : problems.entrySet()) {
            String name = uniqueName("siret");
            Reply refused = membership.api.post(APPLY, application(name).add("siret", siret.getKey()).build()
                    .toString(), null);
            JsonObject problem = problem(refused, 422);
            assertThat(problem.getString("field")).as(siret.getKey()).isEqualTo("siret");
            assertThat(problem.getString("rule")).as(siret.getKey()).isEqualTo("membership.siret." + siret.getValue());
            assertThat(problem.getString("detail")).as(siret.getKey()).contains("SIRET");
            nothingSaved(name, refused);
        }
        String name = uniqueName("siret missing");
        Reply missing = membership.api.post(APPLY, application(name).add("siret", "").build().toString(), null);
        assertThat(problem(missing, 422).getString("rule")).isEqualTo("membership.siret.MISSING");
        nothingSaved(name, missing);
    }

    @Test
    void textsLongerThanTheRecordKeepsAreA422NamingTheField() {
        String name = uniqueName("long");
        String tooLong = "N".repeat(201 - name.length() - 1) + " " + name;
        assertThat(tooLong).hasSize(201);
        Reply refused = membership.api.post(APPLY, application(tooLong).build().toString(), null);
        JsonObject problem = problem(refused, 422);
        assertThat(problem.getString("field")).isEqualTo("name");
        assertThat(problem.getString("rule")).isEqualTo("membership.field.tooLong");
        assertThat(problem.getJsonArray("arguments").getString(0)).isEqualTo("200");
        nothingSaved(tooLong, refused);

        String longest = tooLong.substring(1);
        Reply accepted = membership.api.post(APPLY, application(longest).build().toString(), null);
        assertThat(accepted.status()).as("200 characters are kept").isEqualTo(201);
        assertThat(accepted.json().getJsonObject("organisation").getString("name")).isEqualTo(longest);

        String contactName = uniqueName("long contact");
        Reply longContact = membership.api.post(APPLY, application(contactName).add("contacts", Json.createArrayBuilder()
                .add(coordinator(contactName).add("fullName", "C".repeat(201)))).build().toString(), null);
        assertThat(problem(longContact, 422).getString("field")).isEqualTo("contacts[0].fullName");
        nothingSaved(contactName, longContact);
    }

    @Test
    void aReasonLongerThanTheRecordKeepsOrMissingIsA422ThatChangesNothing() {
        long id = membership.inState(MembershipState.ACTIVE, "reason");
        int version = membership.read(id).getInt("version");
        Reply tooLong = membership.api.post("api/v1/memberships/" + id + "/transitions",
                transition(MembershipAction.SUSPEND, version, "r".repeat(2001), null), SECRETARIAT);
        JsonObject problem = problem(tooLong, 422);
        assertThat(problem.getString("field")).isEqualTo("reason");
        assertThat(problem.getString("rule")).isEqualTo("membership.rule.REASON_TOO_LONG");
        Reply missing = membership.api.post("api/v1/memberships/" + id + "/transitions",
                transition(MembershipAction.TERMINATE, version, null, null), SECRETARIAT);
        assertThat(problem(missing, 422).getString("field")).isEqualTo("reason");
        long approved = membership.inState(MembershipState.APPROVED, "agreement");
        Reply agreement = membership.api.post("api/v1/memberships/" + approved + "/transitions",
                transition(MembershipAction.ACTIVATE, membership.read(approved).getInt("version"), " ", null),
                SECRETARIAT);
        assertThat(problem(agreement, 422).getString("rule")).isEqualTo("membership.rule.AGREEMENT_REQUIRED");
        for (Reply refused : List.of(tooLong, missing, agreement)) {
            assertThat(journal(refused)).isEmpty();
        }
        JsonObject after = membership.read(id);
        assertThat(after.getString("state")).isEqualTo("ACTIVE");
        assertThat(after.getInt("version")).isEqualTo(version);

        Reply longest = membership.api.post("api/v1/memberships/" + id + "/transitions",
                transition(MembershipAction.SUSPEND, version, "r".repeat(2000), null), SECRETARIAT);
        assertThat(longest.status()).as("2,000 characters are kept").isEqualTo(200);
        assertThat(longest.json().getString("lastReason")).hasSize(2000);
    }

    @Test
    void markupInATextIsKeptAndReturnedAsTextNeverAsMarkup() {
        String name = "<script>alert(1)</script> & \"Conseil\" <b>" + uniqueName("markup");
        Reply applied = membership.api.post(APPLY, application(name).build().toString(), null);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        long organisation = applied.json().getJsonObject("organisation").getJsonNumber("id").longValue();
        assertThat(Superuser.rows("SELECT name FROM organisation WHERE id = ?", organisation).get(0).get("name"))
                .as("stored as typed").isEqualTo(name);

        // an applicant's profile is the secretariat's to read (anonymous callers see members only)
        Reply profile = membership.api.get("api/v1/organisations/" + organisation, SECRETARIAT);
        assertThat(profile.mediaType()).isEqualTo("application/json");
        assertThat(profile.header("X-Content-Type-Options")).as("never sniffed as HTML").isEqualTo("nosniff");
        assertThat(profile.json().getString("name")).as("returned unchanged as JSON text").isEqualTo(name);
    }

    @Test
    void aSecondRegionalCouncilForARegionIsA422NamingTheTerritory() {
        String region = takenRegion();
        String name = uniqueName("council twice");
        Reply refused = membership.api.post(APPLY, council(name, region).build().toString(), null);
        JsonObject problem = problem(refused, 422);
        assertThat(problem.getString("field")).isEqualTo("territoryCode");
        assertThat(problem.getString("rule")).isEqualTo("membership.rule.territoryTaken");
        assertThat(problem.getString("detail")).contains("already represents this region");
        nothingSaved(name, refused);

        for (String notARegion : new String[]{"", "FR-22-2015"}) {
            String other = uniqueName("council without region");
            Reply noRegion = membership.api.post(APPLY, council(other, notARegion).build().toString(), null);
            assertThat(problem(noRegion, 422).getString("rule")).as(notARegion)
                    .isEqualTo("membership.rule.regionRequired");
            nothingSaved(other, noRegion);
        }
        String unknown = uniqueName("council unknown region");
        Reply unknownRegion = membership.api.post(APPLY, council(unknown, "FR-99").build().toString(), null);
        assertThat(problem(unknownRegion, 422).getString("rule")).isEqualTo("membership.rule.unknownTerritory");
        nothingSaved(unknown, unknownRegion);
    }

    @Test
    void aEuropeanRegionWithoutAValidNutsCodeIsA422AndAddsNoTerritory() {
        long territories = Superuser.number("SELECT count(*) FROM territory");
        Map<String, String> codes = Map.of(
                "ES5", "membership.rule.nutsInvalid",
                "ES-51", "membership.rule.nutsInvalid",
                "FR10", "membership.rule.nutsInvalid",
                "", "membership.rule.nutsRequired");
        for (Map.Entry<String, String> code : codes.entrySet()) {
            String name = uniqueName("european");
            JsonObjectBuilder region = application(name).add("kind", "EUROPEAN_REGION").add("territoryCode", code.getKey());
            region.remove("siret");
            Reply refused = membership.api.post(APPLY, region.build().toString(), null);
            JsonObject problem = problem(refused, 422);
            assertThat(problem.getString("field")).as(code.getKey()).isEqualTo("territoryCode");
            assertThat(problem.getString("rule")).as(code.getKey()).isEqualTo(code.getValue());
            nothingSaved(name, refused);
        }
        assertThat(Superuser.number("SELECT count(*) FROM territory")).as("no territory added").isEqualTo(territories);
    }

    @Test
    void anApplicationWithoutACoordinatorOrWithABadContactIsA422() {
        String name = uniqueName("no coordinator");
        Reply noCoordinator = membership.api.post(APPLY, application(name).add("contacts", Json.createArrayBuilder()
                .add(coordinator(name).add("networkRole", "CORRESPONDENT"))).build().toString(), null);
        assertThat(problem(noCoordinator, 422).getString("rule")).isEqualTo("membership.rule.coordinatorRequired");
        nothingSaved(name, noCoordinator);

        String badMail = uniqueName("bad mail");
        Reply refused = membership.api.post(APPLY, application(badMail).add("contacts", Json.createArrayBuilder()
                .add(coordinator(badMail)).add(coordinator(badMail).add("email", "pas une adresse"))).build()
                .toString(), null);
        JsonObject problem = problem(refused, 422);
        assertThat(problem.getString("field")).isEqualTo("contacts[1].email");
        assertThat(problem.getString("rule")).isEqualTo("membership.field.email");
        nothingSaved(badMail, refused);
    }

    // ----- unknown records -----

    @Test
    void unknownRecordsAre404Problems() {
        long none = Long.MAX_VALUE;
        for (String path : List.of("api/v1/organisations/" + none, "api/v1/organisations/" + none + "/contacts",
                "api/v1/organisations/" + none + "/memberships", "api/v1/memberships/" + none,
                "api/v1/memberships/not-a-number")) {
            problem(membership.api.get(path, SECRETARIAT), 404);
        }
        Reply transition = membership.api.post("api/v1/memberships/" + none + "/transitions",
                transition(MembershipAction.REVIEW, 0, null, null), SECRETARIAT);
        assertThat(problem(transition, 404).getString("detail")).contains(String.valueOf(none));
        assertThat(journal(transition)).isEmpty();
    }

    // ----- bodies that cannot be read -----

    @Test
    void anUnreadableApplicationIsA400AndSavesNothing() {
        String name = uniqueName("unreadable");
        String valid = application(name).build().toString();
        List<String> unreadable = List.of(
                valid.substring(0, valid.length() - 1),
                "[]",
                "\"an application\"",
                "",
                "{\"name\": \"" + name + "\", \"contacts\": 5}",
                "{\"name\": \"" + name + "\", \"contacts\": [\"a contact\"]}",
                "{\"name\": {\"first\": \"" + name + "\"}}");
        for (String body : unreadable) {
            Reply refused = membership.api.post(APPLY, body, null);
            assertThat(problem(refused, 400).getString("detail")).as(body)
                    .containsAnyOf("not JSON of the expected shape", "needs a JSON body")
                    .doesNotContain("fr.la27eregion", "Exception");
            nothingSaved(name, refused);
        }

        assertThat(problem(membership.api.post(APPLY, "{\"name\": \"x\",\n \"kind\" \"ASSOCIATE\"}", null), 400)
                .getString("detail")).as("where the syntax breaks").contains("line no=2");
        assertThat(problem(membership.api.post(APPLY, "{\"contacts\": 5}", null), 400).getString("detail"))
                .as("which property has the wrong type").contains("'contacts'");

        Reply unknownKind = membership.api.post(APPLY, application(name).add("kind", "PROVINCE").build().toString(),
                null);
        JsonObject problem = problem(unknownKind, 400);
        assertThat(problem.getString("field")).isEqualTo("kind");
        assertThat(problem.getString("detail")).contains("PROVINCE", "REGIONAL_COUNCIL", "FOUNDING_PARTNER",
                "EUROPEAN_REGION", "ASSOCIATE");
        nothingSaved(name, unknownKind);

        Reply unknownRole = membership.api.post(APPLY, application(name).add("contacts", Json.createArrayBuilder()
                .add(coordinator(name).add("networkRole", "BOSS"))).build().toString(), null);
        assertThat(problem(unknownRole, 400).getString("field")).isEqualTo("contacts[0].networkRole");
        assertThat(problem(unknownRole, 400).getString("detail")).contains("COORDINATOR", "CORRESPONDENT", "ELECTED");
        nothingSaved(name, unknownRole);

        Reply notJson = membership.api.send("POST", APPLY, "text/plain",
                HttpRequest.BodyPublishers.ofString(valid), null);
        assertThat(problem(notJson, 415).getString("detail")).contains("application/json");
        nothingSaved(name, notJson);
    }

    @Test
    void anUnreadableTransitionIsA400ThatNamesTheActionsAndChangesNothing() {
        long id = membership.inState(MembershipState.APPLIED, "unreadable transition");
        int version = membership.read(id).getInt("version");
        String path = "api/v1/memberships/" + id + "/transitions";

        JsonObject unknown = problem(membership.api.post(path, "{\"action\": \"EXPLODE\", \"version\": 0}",
                SECRETARIAT), 400);
        assertThat(unknown.getString("field")).isEqualTo("action");
        assertThat(unknown.getString("detail")).contains("EXPLODE", "REVIEW", "APPROVE", "REJECT", "ACTIVATE",
                "WITHDRAW", "SUSPEND", "REINSTATE", "RENEW", "TERMINATE");
        for (String body : List.of("{\"action\": \"REVIEW\", \"version\": \"zero\"}", "{\"action\": ",
                "{\"action\": [\"REVIEW\"], \"version\": 0}", "[\"REVIEW\"]", "")) {
            assertThat(problem(membership.api.post(path, body, SECRETARIAT), 400).getString("detail")).as(body)
                    .containsAnyOf("not JSON of the expected shape", "needs a JSON body");
        }
        assertThat(problem(membership.api.post(path, "{\"action\": \"REVIEW\"}", SECRETARIAT), 422)
                .getString("field")).isEqualTo("version");
        assertThat(problem(membership.api.post(path, "{\"version\": 0}", SECRETARIAT), 422)
                .getString("field")).isEqualTo("action");

        JsonObject after = membership.read(id);
        assertThat(after.getString("state")).isEqualTo("APPLIED");
        assertThat(after.getInt("version")).isEqualTo(version);
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE entity_type = 'Membership'"
                + " AND entity_id = ?", String.valueOf(id))).as("the application only").isEqualTo(1);
    }

    @Test
    void aBodyLargerThanTheApiAcceptsIsA413WhetherDeclaredOrStreamed() {
        String name = uniqueName("oversize");
        String huge = application(name).add("address", "x".repeat(200 * 1024)).build().toString();
        Reply declared = membership.api.post(APPLY, huge, null);
        assertThat(problem(declared, 413).getString("detail")).contains("KiB");
        nothingSaved(name, declared);

        // no Content-Length: sent in chunks, so only counting what arrives can stop it
        Reply streamed = membership.api.send("POST", APPLY, "application/json", HttpRequest.BodyPublishers
                .ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))), null);
        problem(streamed, 413);
        nothingSaved(name, streamed);
    }

    // ----- helpers -----

    private static JsonObjectBuilder council(String name, String region) {
        return application(name).add("kind", "REGIONAL_COUNCIL").add("territoryCode", region);
    }

    /**
     * A region that has its regional council: one another test registered, or else a council registered here for
     * the first free region, whose application must then be accepted.
     */
    private String takenRegion() {
        List<Map<String, Object>> taken = Superuser.rows("SELECT t.code FROM organisation o JOIN territory t"
                + " ON t.id = o.territory_id WHERE o.kind = 'REGIONAL_COUNCIL' ORDER BY t.code LIMIT 1");
        if (!taken.isEmpty()) {
            return (String) taken.get(0).get("code");
        }
        String free = (String) Superuser.rows("SELECT code FROM territory WHERE kind = 'REGION' ORDER BY code DESC"
                + " LIMIT 1").get(0).get("code");
        Reply first = membership.api.post(APPLY, council(uniqueName("council"), free).build().toString(), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        return free;
    }
}
