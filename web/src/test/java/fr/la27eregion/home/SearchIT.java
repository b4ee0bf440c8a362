package fr.la27eregion.home;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlSearch;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intranet's search box ({@code GET /api/v1/search}, the queries of {@code app/search.xhtml}) over records of
 * every kind seeded with one made-up word written with accents ({@link SqlSearch}), searched without them: each kind
 * is found, in the caller's scope only (another organisation's draft project and draft application are neither found
 * nor counted, nor its other applications; an applicant organisation is found by the secretariat only; a reviewer
 * finds what the public and the network may read, and no application nor label); no words and too many words are
 * refused; anonymous callers cannot search.
 */
class SearchIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);

    private static SqlSearch seeded;

    private final ApiClient api = new ApiClient(TestServer.url());

    @BeforeAll
    static void seed() {
        TestServer.url();
        seeded = SqlSearch.seed();
    }

    /** One kind's group as the API answers it: the count and the paths of the hits. */
    private record Group(long count, boolean more, List<String> paths, List<JsonObject> hits) {
    }

    private Map<String, Group> search(String words, String username) {
        Reply reply = api.get("api/v1/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8), username);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (JsonObject group : reply.json().getJsonArray("groups").getValuesAs(JsonObject.class)) {
            List<JsonObject> hits = group.getJsonArray("hits").getValuesAs(JsonObject.class);
            assertThat(hits.size()).as("at most 10 listed").isLessThanOrEqualTo(10);
            groups.put(group.getString("kind"), new Group(group.getJsonNumber("count").longValue(),
                    group.getBoolean("more"), hits.stream().map(hit -> hit.getString("path")).toList(), hits));
        }
        assertThat(groups).as("every kind, in order").containsOnlyKeys("ORGANISATIONS", "PROJECTS", "APPLICATIONS",
                "LABELS");
        assertThat(List.copyOf(groups.keySet())).containsExactly("ORGANISATIONS", "PROJECTS", "APPLICATIONS",
                "LABELS");
        return groups;
    }

    private static String organisation(long id) {
        return "/app/membership/organisation.xhtml?id=" + id;
    }

    private static String project(long id) {
        return "/app/projects/project.xhtml?id=" + id;
    }

    private static String application(long id) {
        return "/app/labels/application.xhtml?id=" + id;
    }

    private static String label(long id) {
        return "/app/labels/label.xhtml?id=" + id;
    }

    @Test
    void theSecretariatFindsEachKindByAWordWithoutItsAccents() {
        Map<String, Group> found = search(seeded.word(), SECRETARIAT);
        assertThat(found.get("ORGANISATIONS").paths()).containsExactlyInAnyOrder(
                organisation(seeded.organisationA()), organisation(seeded.organisationB()),
                organisation(seeded.organisationC()));
        assertThat(found.get("PROJECTS").paths()).contains(project(seeded.publicProjectA()),
                project(seeded.labelProjectA()), project(seeded.draftProjectB()), project(seeded.networkProjectB()))
                .hasSize(6);
        assertThat(found.get("APPLICATIONS").paths()).containsExactlyInAnyOrder(application(seeded.applicationA()),
                application(seeded.labelApplicationA()), application(seeded.draftApplicationB()),
                application(seeded.applicationB()), application(seeded.reviewedB()),
                application(seeded.submittedForJuryB()));
        assertThat(found.get("LABELS").paths()).containsExactly(label(seeded.labelA()));
        assertThat(found.values()).allSatisfy(group -> {
            assertThat(group.count()).isEqualTo(group.paths().size());
            assertThat(group.more()).isFalse();
        });
        // the words are marked in the title, the text kept escaped; the state is given
        JsonObject organisationA = found.get("ORGANISATIONS").hits().stream()
                .filter(hit -> hit.getJsonNumber("id").longValue() == seeded.organisationA()).findFirst().orElseThrow();
        assertThat(organisationA.getString("titleHtml")).contains("<mark>Écluse");
        assertThat(organisationA.getString("title")).startsWith("Région Écluse");
        assertThat(organisationA.getString("state")).isEqualTo("ACTIVE");
        JsonObject draft = found.get("APPLICATIONS").hits().stream()
                .filter(hit -> hit.getJsonNumber("id").longValue() == seeded.draftApplicationB()).findFirst()
                .orElseThrow();
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getString("snippet")).as("the applicant's name").contains("Métropole Écluse");
    }

    @Test
    void regionFindsRegionAndACertificateNumberFindsItsLabel() {
        Map<String, Group> found = search("region " + seeded.word(), SECRETARIAT);
        assertThat(found.get("ORGANISATIONS").paths()).containsExactly(organisation(seeded.organisationA()));
        assertThat(search(seeded.certificateA(), SECRETARIAT).get("LABELS").paths())
                .containsExactly(label(seeded.labelA()));
    }

    @Test
    void anotherOrganisationsDraftsAreNeverFoundNorCounted() {
        Map<String, Group> found = search(seeded.word(), seeded.coordinatorA());
        assertThat(found.get("ORGANISATIONS").paths()).as("the members, not an applicant").containsExactlyInAnyOrder(
                organisation(seeded.organisationA()), organisation(seeded.organisationB()));
        assertThat(found.get("PROJECTS").paths()).as("B's network projects, never its draft")
                .contains(project(seeded.publicProjectA()), project(seeded.labelProjectA()),
                        project(seeded.networkProjectB())).doesNotContain(project(seeded.draftProjectB())).hasSize(5);
        assertThat(found.get("APPLICATIONS").paths()).as("A's applications only")
                .containsExactlyInAnyOrder(application(seeded.applicationA()), application(seeded.labelApplicationA()));
        assertThat(found.get("LABELS").paths()).containsExactly(label(seeded.labelA()));
        assertThat(found.get("ORGANISATIONS").count()).isEqualTo(2);
        assertThat(found.get("PROJECTS").count()).isEqualTo(5);
        assertThat(found.get("APPLICATIONS").count()).isEqualTo(2);
        assertThat(found.get("LABELS").count()).isEqualTo(1);

        Map<String, Group> ofB = search(seeded.word(), seeded.coordinatorB());
        assertThat(ofB.get("PROJECTS").paths()).contains(project(seeded.draftProjectB()));
        assertThat(ofB.get("APPLICATIONS").paths()).containsExactlyInAnyOrder(
                application(seeded.draftApplicationB()), application(seeded.applicationB()),
                application(seeded.reviewedB()), application(seeded.submittedForJuryB()));
        assertThat(ofB.get("APPLICATIONS").count()).isEqualTo(4);
        assertThat(ofB.get("LABELS").count()).as("A's label is A's").isZero();
    }

    @Test
    void aReviewerFindsOnlyWhatTheyMayRead() {
        Map<String, Group> found = search(seeded.word(), seeded.reviewer());
        assertThat(found.get("ORGANISATIONS").paths()).containsExactlyInAnyOrder(
                organisation(seeded.organisationA()), organisation(seeded.organisationB()));
        assertThat(found.get("PROJECTS").paths()).as("public projects only: a reviewer's account has no member "
                + "organisation").containsExactly(project(seeded.publicProjectA()));
        assertThat(found.get("PROJECTS").count()).isEqualTo(1);
        assertThat(found.get("APPLICATIONS").count()).as("applications are read through the review").isZero();
        assertThat(found.get("LABELS").count()).isZero();
    }

    @Test
    void aJuryChairFindsTheReviewedApplicationsOfTheCampaignsTheyChair() {
        Map<String, Group> found = search(seeded.word(), seeded.juryChair());
        assertThat(found.get("APPLICATIONS").paths()).as("reviewed, not the one still submitted")
                .containsExactly(application(seeded.reviewedB()));
        assertThat(found.get("APPLICATIONS").count()).isEqualTo(1);
        assertThat(found.get("LABELS").count()).isZero();
    }

    @Test
    void aRenamedCampaignOrProgrammeIsFoundByItsNewName() {
        String campaignWord = "vannes" + seeded.word().substring("ecluse".length());
        String programmeWord = "quimper" + seeded.word().substring("ecluse".length());
        Superuser.update("UPDATE campaign SET title_fr = ? WHERE id = ?",
                "Appel de Vannès" + seeded.word().substring("ecluse".length()), seeded.juryCampaign());
        Superuser.update("UPDATE label_programme SET name_en = ? WHERE id = (SELECT programme_id"
                + " FROM label WHERE id = ?)", "Quimper" + seeded.word().substring("ecluse".length()), seeded.labelA());
        assertThat(search(campaignWord, SECRETARIAT).get("APPLICATIONS").paths()).containsExactlyInAnyOrder(
                application(seeded.reviewedB()), application(seeded.submittedForJuryB()));
        assertThat(search(programmeWord, SECRETARIAT).get("LABELS").paths()).containsExactly(label(seeded.labelA()));
    }

    @Test
    void noWordsAndTooManyWordsAreRefused() {
        for (String words : List.of("", "   ", "a".repeat(300))) {
            Reply reply = api.get("api/v1/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8),
                    SECRETARIAT);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
            assertThat(reply.json().getString("field")).isEqualTo("q");
            assertThat(reply.body()).doesNotContain("Exception");
        }
        Reply none = api.get("api/v1/search", SECRETARIAT);
        assertThat(none.status()).as(none.body()).isEqualTo(400);
    }

    @Test
    void theOpenApiDocumentDescribesTheSearch() {
        Reply openapi = api.get("openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/search", "SearchResults", "SearchGroup", "SearchHit");
    }

    @Test
    void anonymousCallersCannotSearch() {
        assertThat(api.get("api/v1/search?q=" + seeded.word(), null).status()).isEqualTo(401);
    }
}
