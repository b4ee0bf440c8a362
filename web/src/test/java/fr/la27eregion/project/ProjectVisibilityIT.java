package fr.la27eregion.project;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees and changes which project, through the boundary ({@code Projects}) on the shared server, for each role
 * and anonymous: a draft of organisation A never reaches B (or anyone outside A, the secretariat and auditors), not
 * even by id, and answers exactly as an unknown id; shared, it reaches the network's members; published, everyone.
 * Steps and revisions are version-checked (409) and journaled in their transaction: a step rolled back leaves no
 * entry.
 */
class ProjectVisibilityIT {

    private static final String CONTRIBUTOR_A = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR_A = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;
    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    /** An expert's account, of no organisation: reads public projects only. */
    private static final String REVIEWER = TestAccounts.of(Role.REVIEWER);

    private final ProjectDriver driver = new ProjectDriver();
    private long organisationA;
    private long organisationB;

    @BeforeEach
    void bothOrganisationsAreMembers() {
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_B);
        organisationA = TestMemberships.organisation(TestAccounts.ORGANISATION_A);
        organisationB = TestMemberships.organisation(TestAccounts.ORGANISATION_B);
    }

    private JsonObject created(String by) {
        Reply reply = driver.call("create", by, "title", "Projet de test " + UUID.randomUUID(),
                "summary", "Un résumé", "kind", "EXPERIMENT", "partners", organisationB, "territories", "FR-53",
                "themes", "service-design");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private int status(String path, String by, Object... parameters) {
        return driver.call(path, by, parameters).status();
    }

    @Test
    void aDraftOfAReachesOnlyAItsSecretariatAndAuditorsNotEvenById() {
        JsonObject draft = created(CONTRIBUTOR_A);
        long id = draft.getJsonNumber("id").longValue();
        assertThat(draft.getString("visibility")).isEqualTo("DRAFT");
        assertThat(draft.getJsonNumber("organisation").longValue()).as("the lead is the caller's own")
                .isEqualTo(organisationA);
        for (String reader : List.of(CONTRIBUTOR_A, COORDINATOR_A, SECRETARIAT, AUDITOR)) {
            assertThat(status("find", reader, "id", id)).as(reader).isEqualTo(200);
        }
        long unknown = Superuser.number("SELECT coalesce(max(id), 0) + 1000 FROM project");
        for (String outsider : new String[]{COORDINATOR_B, REVIEWER, null}) {
            Reply refused = driver.call("find", outsider, "id", id);
            Reply none = driver.call("find", outsider, "id", unknown);
            assertThat(refused.status()).as(outsider + " reads a draft of A").isEqualTo(404);
            assertThat(refused.body()).as("the same answer as an unknown id").isEqualTo(none.body());
            assertThat(refused.body()).doesNotContain(draft.getString("title"));
        }
        assertThat(status("public", null, "id", id)).isEqualTo(404);
        assertThat(driver.call("mine", COORDINATOR_B).json().getJsonArray("ids").toString())
                .doesNotContain(String.valueOf(id));
        assertThat(driver.call("mine", COORDINATOR_A).json().getJsonArray("ids").toString())
                .contains(String.valueOf(id));
        // B cannot change what it cannot see, whatever the version
        int version = draft.getInt("version");
        assertThat(status("update", COORDINATOR_B, "id", id, "version", version, "title", "Volé", "summary", "x"))
                .isEqualTo(404);
        assertThat(status("step", COORDINATOR_B, "id", id, "version", version, "action", "PUBLISH")).isEqualTo(404);
    }

    @Test
    void sharedItReachesTheNetworkPublishedEveryone() {
        JsonObject draft = created(CONTRIBUTOR_A);
        long id = draft.getJsonNumber("id").longValue();
        int version = draft.getInt("version");
        assertThat(status("step", CONTRIBUTOR_A, "id", id, "version", version, "action", "SHARE"))
                .as("a contributor decides no visibility").isEqualTo(403);

        JsonObject shared = driver.call("step", COORDINATOR_A, "id", id, "version", version, "action", "SHARE")
                .json();
        assertThat(shared.getString("visibility")).isEqualTo("NETWORK");
        assertThat(status("find", COORDINATOR_B, "id", id)).isEqualTo(200);
        assertThat(status("find", REVIEWER, "id", id)).as("of no member organisation").isEqualTo(404);
        assertThat(status("find", null, "id", id)).isEqualTo(404);
        // seen by B, changed only by A
        assertThat(status("update", COORDINATOR_B, "id", id, "version", shared.getInt("version"), "title", "Volé",
                "summary", "x")).isEqualTo(403);
        assertThat(status("stage", COORDINATOR_B, "id", id, "version", shared.getInt("version"), "action",
                "START")).isEqualTo(403);

        JsonObject published = driver.call("step", COORDINATOR_A, "id", id, "version", shared.getInt("version"),
                "action", "PUBLISH").json();
        assertThat(published.getString("visibility")).isEqualTo("PUBLIC");
        assertThat(status("find", null, "id", id)).isEqualTo(200);
        assertThat(status("public", null, "id", id)).isEqualTo(200);

        Reply noReason = driver.call("step", COORDINATOR_A, "id", id, "version", published.getInt("version"),
                "action", "WITHDRAW", "reason", "  ");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().getString("key")).isEqualTo("project.rule.REASON_REQUIRED");
        JsonObject withdrawn = driver.call("step", SECRETARIAT, "id", id, "version", published.getInt("version"),
                "action", "WITHDRAW", "reason", "Données personnelles à retirer").json();
        assertThat(withdrawn.getString("visibility")).isEqualTo("DRAFT");
        assertThat(status("find", null, "id", id)).isEqualTo(404);
        assertThat(status("find", COORDINATOR_B, "id", id)).isEqualTo(404);

        assertThat(journal(id)).containsExactly("project.create:null>DRAFT", "project.share:DRAFT>NETWORK",
                "project.publish:NETWORK>PUBLIC", "project.withdraw:PUBLIC>DRAFT");
        assertThat(Superuser.column("SELECT DISTINCT subject_type || ' ' || subject_id FROM journal_entry"
                + " WHERE entity_type = 'Project' AND entity_id = ?", String.valueOf(id)))
                .as("filed under the lead organisation").containsExactly("Organisation " + organisationA);
    }

    @Test
    void staleVersionsAreRefusedAndRevisionsJournalTheFieldsThatChanged() {
        JsonObject draft = created(CONTRIBUTOR_A);
        long id = draft.getJsonNumber("id").longValue();
        int first = draft.getInt("version");
        Reply revised = driver.call("update", CONTRIBUTOR_A, "id", id, "version", first, "title", "Titre révisé",
                "summary", "Un résumé", "kind", "EXPERIMENT", "partners", organisationB, "territories", "FR-53",
                "themes", "service-design,participation");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        int second = revised.json().getInt("version");
        assertThat(second).isEqualTo(first + 1);
        assertThat(revised.json().getString("slug")).isEqualTo("titre-revise");

        assertThat(status("update", CONTRIBUTOR_A, "id", id, "version", first, "title", "Perdu", "summary", "x"))
                .as("a revision of a stale copy").isEqualTo(409);
        assertThat(status("step", COORDINATOR_A, "id", id, "version", first, "action", "PUBLISH"))
                .as("a step on a stale copy").isEqualTo(409);
        assertThat(status("stage", CONTRIBUTOR_A, "id", id, "version", first, "action", "START")).isEqualTo(409);
        assertThat(driver.call("find", CONTRIBUTOR_A, "id", id).json().getString("title")).isEqualTo("Titre révisé");

        List<Map<String, Object>> updates = Superuser.rows("SELECT details FROM journal_entry WHERE entity_type ="
                + " 'Project' AND entity_id = ? AND action = 'project.update'", String.valueOf(id));
        assertThat(updates).hasSize(1);
        assertThat(String.valueOf(updates.get(0).get("details"))).contains("\"fields\":[\"themeCodes\",\"title\"]");

        JsonObject started = driver.call("stage", CONTRIBUTOR_A, "id", id, "version", second, "action", "START")
                .json();
        assertThat(started.getString("stage")).isEqualTo("EXPERIMENTING");
        Reply stopped = driver.call("stage", CONTRIBUTOR_A, "id", id, "version", started.getInt("version"),
                "action", "STOP");
        assertThat(stopped.status()).isEqualTo(422);
        assertThat(stopped.json().getString("field")).isEqualTo("reason");
        assertThat(journal(id)).containsExactly("project.create:null>DRAFT", "project.update:DRAFT>DRAFT",
                "project.start:IDEA>EXPERIMENTING");
    }

    @Test
    void aStepRolledBackLeavesNoEntryAndNoChange() {
        JsonObject draft = created(COORDINATOR_A);
        long id = draft.getJsonNumber("id").longValue();
        int version = draft.getInt("version");
        Reply failed = driver.call("step-then-fail", COORDINATOR_A, "id", id, "version", version, "action", "PUBLISH");
        assertThat(failed.json().getBoolean("rolledBack", false)).as(failed.toString()).isTrue();
        JsonObject after = driver.call("find", COORDINATOR_A, "id", id).json();
        assertThat(after.getString("visibility")).isEqualTo("DRAFT");
        assertThat(after.getInt("version")).isEqualTo(version);
        assertThat(journal(id)).containsExactly("project.create:null>DRAFT");
    }

    @Test
    void detailsAreCheckedNamingTheField() {
        Reply partnerIsLead = driver.call("create", CONTRIBUTOR_A, "title", "T", "summary", "S", "partners",
                organisationA);
        assertThat(partnerIsLead.status()).isEqualTo(422);
        assertThat(partnerIsLead.json().getString("key")).isEqualTo("project.rule.leadIsPartner");
        Reply territory = driver.call("create", CONTRIBUTOR_A, "title", "T", "summary", "S", "territories", "XX99");
        assertThat(territory.json().getString("field")).isEqualTo("territoryCodes");
        Reply theme = driver.call("create", CONTRIBUTOR_A, "title", "T", "summary", "S", "themes", "astrologie");
        assertThat(theme.json().getString("key")).isEqualTo("project.rule.unknownTheme");
        Reply link = driver.call("create", CONTRIBUTOR_A, "title", "T", "summary", "S", "link",
                "javascript:alert(1)");
        assertThat(link.json().getString("field")).isEqualTo("links[0].url");
        assertThat(status("create", AUDITOR, "title", "T", "summary", "S")).as("an auditor changes nothing")
                .isEqualTo(403);
        assertThat(status("create", null, "title", "T", "summary", "S")).isEqualTo(403);
        Reply secretariatWithoutLead = driver.call("create", SECRETARIAT, "title", "T", "summary", "S");
        assertThat(secretariatWithoutLead.json().getString("field")).isEqualTo("leadOrganisationId");
        Reply forB = driver.call("create", SECRETARIAT, "title", "Pour B", "summary", "S", "lead", organisationB);
        assertThat(forB.json().getJsonNumber("organisation").longValue()).isEqualTo(organisationB);
    }

    @Test
    void richTextIsKeptSanitised() {
        Reply created = driver.call("create", CONTRIBUTOR_A, "title", "<script>alert(1)</script>Titre",
                "summary", "S", "description", "<p onclick=\"alert(1)\">Texte <strong>fort</strong></p>"
                        + "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">lien</a>");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().getString("description"))
                .isEqualTo("<p>Texte <strong>fort</strong></p>lien");
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(Superuser.column("SELECT description_text FROM project WHERE id = ?", id))
                .containsExactly("Texte fort\nlien");
    }

    private static List<String> journal(long id) {
        return Superuser.column("SELECT action || ':' || coalesce(state_before, 'null') || '>' || state_after"
                + " FROM journal_entry WHERE entity_type = 'Project' AND entity_id = ? ORDER BY seq",
                String.valueOf(id));
    }
}
