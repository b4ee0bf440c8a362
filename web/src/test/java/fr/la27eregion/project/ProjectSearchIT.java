package fr.la27eregion.project;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project search from outside, on the real platform and PostgreSQL: through {@code GET /api/v1/projects}, the
 * public search page, the public project page and its similar projects, for each role and anonymously. The projects
 * are written by {@link TestProjects} with a word of this class's own, so each search finds exactly them.
 *
 * <p>Organisation A (the test coordinator's and contributor's) and B (coordinator-b's) are both members: their
 * people see the network's projects and their own drafts; a draft of A never reaches B, nor anonymous callers.
 */
class ProjectSearchIT {

    private static final String CONTRIBUTOR_A = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;

    private static String word;
    private static long organisationA;
    private static long organisationB;
    private static long draftA;
    private static long networkA;
    private static long publicA;
    private static long draftB;
    private static long publicB;
    private static long formerRegion;
    private static long currentRegion;
    private static long titleMatch;
    private static long descriptionMatch;

    private final ApiClient api = new ApiClient(TestServer.url());
    private final ProjectDriver driver = new ProjectDriver();

    @BeforeAll
    static void projects() {
        word = TestProjects.marker();
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_B);
        organisationA = TestMemberships.organisation(TestAccounts.ORGANISATION_A);
        organisationB = TestMemberships.organisation(TestAccounts.ORGANISATION_B);
        draftA = TestProjects.insert("Brouillon de A " + word, "Des écoles rurales.", "Texte " + word,
                organisationA, "DRAFT", "IDEA", "INNOVATION", "2021-01-10", null, List.of("school-2030"),
                List.of("FR-53"), List.of());
        networkA = TestProjects.insert("Réseau de A " + word, "Pour les membres.", "Texte", organisationA,
                "NETWORK", "EXPERIMENTING", "EXPERIMENT", "2019-03-01", "2020-06-30", List.of("participation"),
                List.of("FR-53"), List.of());
        publicA = TestProjects.insert("Écoles ouvertes " + word, "Les Écoles du soir accueillent les habitants.",
                "Les écoles rurales ouvrent le soir. <script>alert(1)</script> " + word, organisationA, "PUBLIC",
                "DEPLOYED", "INNOVATION", "2018-09-01", "2022-06-30", List.of("school-2030", "participation"),
                List.of("FR-53"), List.of(organisationB));
        draftB = TestProjects.insert("Brouillon de B " + word, "Des écoles ouvertes le soir.",
                "Écoles ouvertes " + word, organisationB, "DRAFT", "IDEA", "INNOVATION", "2021-01-10", null,
                List.of("school-2030"), List.of("FR-84"), List.of());
        publicB = TestProjects.insert("Écoles ouvertes le soir en montagne " + word, "Les écoles ouvertes aux habitants.",
                "Comme les écoles ouvertes de Bretagne.", organisationB, "PUBLIC", "EVALUATED", "INTER_REGIONAL",
                "2014-02-01", "2016-12-31", List.of("school-2030"), List.of("FR-82-2015"), List.of());
        formerRegion = publicB;
        currentRegion = TestProjects.insert("Mobilité en Auvergne-Rhône-Alpes " + word, "Covoiturage.", "Texte",
                organisationB, "PUBLIC", "DEPLOYED", "EXPERIMENT", "2020-01-01", null, List.of("sustainability"),
                List.of("FR-84"), List.of());
        // the word many times in the description, against once in a title
        descriptionMatch = TestProjects.insert("Cantines locales", "Une cantine. " + word,
                (word + " ").repeat(30), organisationA, "PUBLIC", "DEPLOYED", "INNOVATION", "2020-01-01", null,
                List.of("sustainability"), List.of("FR-53"), List.of());
        titleMatch = TestProjects.insert("Tiers-lieux " + word, "Un lieu.", "Texte", organisationB, "PUBLIC",
                "IDEA", "FORESIGHT", "2020-01-01", null, List.of("social-innovation"), List.of("FR-53"), List.of());
    }

    @Test
    void eachRoleAndAnonymousFindExactlyWhatTheyMaySee() {
        Set<Long> everyPublic = Set.of(publicA, publicB, currentRegion, descriptionMatch, titleMatch);
        assertThat(found(null, "q=" + word)).isEqualTo(everyPublic);
        Set<Long> forA = new HashSet<>(everyPublic);
        forA.addAll(List.of(networkA, draftA));
        assertThat(found(CONTRIBUTOR_A, "q=" + word)).isEqualTo(forA);
        Set<Long> forB = new HashSet<>(everyPublic);
        forB.addAll(List.of(networkA, draftB));
        assertThat(found(COORDINATOR_B, "q=" + word)).as("B sees A's network project, never A's draft")
                .isEqualTo(forB);
        Set<Long> all = new HashSet<>(forA);
        all.add(draftB);
        assertThat(found(SECRETARIAT, "q=" + word)).isEqualTo(all);
        assertThat(found(AUDITOR, "q=" + word)).isEqualTo(all);
    }

    @Test
    void accentsAndPluralsAreFolded() {
        assertThat(found(null, "q=ecole+" + word)).contains(publicA, publicB);
        assertThat(found(null, "q=%C3%A9cole+" + word)).contains(publicA, publicB);
        assertThat(found(null, "q=ECOLES+" + word)).contains(publicA, publicB);
        JsonObject hit = first(null, "q=ecoles+" + word);
        assertThat(hit.getString("titleHtml")).contains("<mark>Écoles</mark>");
    }

    @Test
    void aTitleMatchRanksFirst() {
        List<Long> order = ids(api.get("api/v1/projects?size=100&q=" + word, null).json());
        assertThat(order.indexOf(titleMatch)).isLessThan(order.indexOf(descriptionMatch));
        assertThat(order.get(order.size() - 1)).as("the only project without the word in its title")
                .isEqualTo(descriptionMatch);
    }

    @Test
    void formerAndCurrentRegionsFindEachOther() {
        assertThat(found(null, "q=" + word + "&territory=FR-84")).containsExactlyInAnyOrder(formerRegion,
                currentRegion);
        assertThat(found(null, "q=" + word + "&territory=FR-82-2015")).containsExactlyInAnyOrder(formerRegion,
                currentRegion);
        assertThat(found(null, "q=" + word + "&territory=FR-53")).doesNotContain(formerRegion, currentRegion);
    }

    @Test
    void filtersCombine() {
        assertThat(found(SECRETARIAT, "q=" + word + "&theme=school-2030&stage=IDEA"))
                .containsExactlyInAnyOrder(draftA, draftB);
        assertThat(found(SECRETARIAT, "q=" + word + "&theme=school-2030&stage=IDEA&organisation=" + organisationB))
                .containsExactly(draftB);
        assertThat(found(null, "q=" + word + "&organisation=" + organisationB))
                .as("lead or partner").contains(publicA, publicB).doesNotContain(descriptionMatch);
        assertThat(found(null, "q=" + word + "&year=2015")).containsExactly(publicB);
        assertThat(found(CONTRIBUTOR_A, "q=" + word + "&year=2019&kind=EXPERIMENT")).containsExactly(networkA);
        assertThat(found(null, "q=" + word + "&theme=sustainability,social-innovation"))
                .containsExactlyInAnyOrder(currentRegion, descriptionMatch, titleMatch);
    }

    @Test
    void pagesAreStableWithoutDuplicatesOrGaps() {
        Set<Long> all = found(SECRETARIAT, "q=" + word);
        List<Long> paged = new ArrayList<>();
        JsonObject page = api.get("api/v1/projects?size=3&q=" + word, SECRETARIAT).json();
        assertThat(page.getInt("total")).isEqualTo(all.size());
        assertThat(page.getInt("pages")).isEqualTo(3);
        for (int number = 1; number <= 3; number++) {
            Reply reply = api.get("api/v1/projects?size=3&page=" + number + "&q=" + word, SECRETARIAT);
            assertThat(reply.header("X-Total-Count")).isEqualTo(String.valueOf(all.size()));
            paged.addAll(ids(reply.json()));
            if (number < 3) {
                assertThat(reply.json().getJsonObject("links").getString("next")).contains("page=" + (number + 1));
                assertThat(String.join(", ", reply.response().headers().allValues("Link")))
                        .contains("page=" + (number + 1) + "&size=3>; rel=\"next\"");
            }
        }
        assertThat(paged).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);

        // one by one, the title matches (read first, apart) then the others: the same order as one page of all
        List<Long> order = ids(api.get("api/v1/projects?size=100&q=" + word, SECRETARIAT).json());
        List<Long> oneByOne = new ArrayList<>();
        for (int number = 1; number <= order.size() + 1; number++) {
            oneByOne.addAll(ids(api.get("api/v1/projects?size=1&page=" + number + "&q=" + word, SECRETARIAT).json()));
        }
        assertThat(oneByOne).isEqualTo(order);
        assertThat(order.get(order.size() - 1)).as("the only match outside a title, last").isEqualTo(descriptionMatch);
    }

    @Test
    void aWordExcludedFromTheTextIsExcludedFromTheTitleMatches() {
        // "-soir": publicB has it in its title, publicA in its summary only (a title match the title cannot exclude)
        assertThat(found(null, "q=" + word + "+-soir")).doesNotContain(publicA, publicB).contains(titleMatch);
    }

    /**
     * A search counts up to 1,000 results: past them it says "more than 1,000" (the API's {@code more}) and still
     * pages through every result.
     */
    @Test
    void aCountPastTheLimitSaysMoreThanIt() throws Exception {
        String common = TestProjects.marker();
        // 1,001 public projects with the word: every seventh in its title, the others in their summary
        Superuser.update("""
                INSERT INTO project (title, slug, summary, description, description_text, lead_organisation_id, kind,
                                     stage, visibility, created_at, updated_at, changed_at)
                SELECT CASE WHEN n % 7 = 0 THEN 'Projet ' || ? || ' ' || n ELSE 'Projet ' || n END, 'projet',
                       'Un résumé ' || ? || '.', '<p>Texte</p>', 'Texte', ?, 'INNOVATION', 'IDEA', 'PUBLIC', now(),
                       now(), now()
                FROM generate_series(1, 1001) n""", common, common, organisationB);
        Reply reply = api.get("api/v1/projects?q=" + common, null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getInt("total")).isEqualTo(1000);
        assertThat(reply.json().getBoolean("more")).isTrue();
        assertThat(reply.json().getInt("pages")).isEqualTo(50);
        assertThat(reply.header("X-Total-Count")).isEqualTo("1000");
        assertThat(reply.json().getJsonArray("items").getJsonObject(0).getString("title")).contains(common);
        JsonObject beyond = api.get("api/v1/projects?size=100&page=11&q=" + common, null).json();
        assertThat(beyond.getJsonArray("items")).as("the 1,001st result, past the count").hasSize(1);
        assertThat(beyond.getJsonArray("items").getJsonObject(0).getString("title")).doesNotContain(common);
        JsonObject under = api.get("api/v1/projects?q=" + word, null).json();
        assertThat(under.getBoolean("more")).isFalse();

        HttpResponse<String> page = page("public/projets.xhtml?q=" + common);
        // French groups thousands with a narrow no-break space, written as it is or as a character reference
        assertThat(page.body())
                .containsPattern("Plus de 1(\u202f|\u00a0|&#8239;|&#x202f;|&#160;|&nbsp;)000 projets trouvés");
        HttpResponse<String> english = page("public/projets.xhtml?lang=en&q=" + common);
        assertThat(english.body()).contains("More than 1,000 projects found");
    }

    @Test
    void snippetsAreEscapedBeforeMarking() {
        JsonObject hit = first(null, "q=" + word + "+soir&organisation=" + organisationA);
        assertThat(hit.getInt("id")).isEqualTo((int) publicA);
        assertThat(hit.getString("snippetHtml")).contains("<mark>").doesNotContain("<script>");
        assertThat(hit.getString("publicUrl")).endsWith("/public/projets/" + publicA + "-ecoles-ouvertes-" + word);
    }

    @Test
    void wrongParametersAreProblemsNamingThem() {
        for (String[] wrong : List.of(new String[]{"stage=FINISHED", "stage"}, new String[]{"year=deux", "year"},
                new String[]{"page=0", "page"}, new String[]{"size=101", "size"},
                new String[]{"territory=FR-99", "territory"}, new String[]{"theme=nothing-like-it", "theme"},
                new String[]{"organisation=x", "organisation"}, new String[]{"kind=big", "kind"})) {
            Reply reply = api.get("api/v1/projects?" + wrong[0], null);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
            assertThat(reply.json().getString("field")).isEqualTo(wrong[1]);
        }
    }

    @Test
    void thePublicSearchPageShowsPublicProjectsOnly() throws Exception {
        HttpResponse<String> page = page("public/projets.xhtml?q=" + word);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("5 projets trouvés", "/public/projets/" + publicA + "-")
                .doesNotContain("Brouillon de", "Réseau de A").doesNotContain("<script>alert");
        HttpResponse<String> wrong = page("public/projets.xhtml?year=deux");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("« deux »", "pas un nombre");
    }

    @Test
    void aPublicProjectHasAStableAddress() throws Exception {
        String slug = "ecoles-ouvertes-" + word;
        HttpResponse<String> page = page("public/projets/" + publicA + "-" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Écoles ouvertes " + word, "Projets similaires ailleurs",
                "/public/projets/" + publicB + "-").doesNotContain("Brouillon de B").doesNotContain("<script>alert");
        HttpResponse<String> moved = page("public/projets/" + publicA + "-old-title?lang=en");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location").orElseThrow())
                .endsWith("/public/projets/" + publicA + "-" + slug + "?lang=en");
        assertThat(page("public/projets/" + publicA).statusCode()).isEqualTo(301);
        assertThat(page("public/projet.xhtml?id=" + publicA).statusCode()).isEqualTo(301);
        for (long hidden : List.of(draftA, networkA, 999_999_999L)) {
            assertThat(page("public/projets/" + hidden + "-x").statusCode()).isEqualTo(404);
            assertThat(page("public/projet.xhtml?id=" + hidden).statusCode()).isEqualTo(404);
        }
        assertThat(page("public/projets/abc").statusCode()).isEqualTo(404);
    }

    /**
     * Similar projects go through the caller's scope too: a draft of A very like B's project is among its similar
     * projects for the secretariat and A's own people, never for B's people, anonymous visitors or the public page.
     */
    @Test
    void aDraftOfANeverAppearsAmongTheSimilarProjectsOfB() throws Exception {
        String other = TestProjects.marker();
        long projectB = TestProjects.insert("Jardins partagés des lycées " + other, "Des jardins dans les lycées.",
                "Texte", organisationB, "PUBLIC", "DEPLOYED", "INNOVATION", "2020-01-01", null,
                List.of("sustainability"), List.of("FR-84"), List.of());
        long publicOfA = TestProjects.insert("Jardins partagés des collèges " + other, "Des jardins.", "Texte",
                organisationA, "PUBLIC", "DEPLOYED", "INNOVATION", "2020-01-01", null, List.of("sustainability"),
                List.of("FR-53"), List.of());
        long draftOfA = TestProjects.insert("Jardins partagés des lycées ruraux " + other, "Des jardins.", "Texte",
                organisationA, "DRAFT", "IDEA", "INNOVATION", "2020-01-01", null, List.of("sustainability"),
                List.of("FR-53"), List.of());

        assertThat(similar("similar", projectB, SECRETARIAT)).as("the draft is a similar project")
                .contains(draftOfA, publicOfA);
        assertThat(similar("similar", projectB, CONTRIBUTOR_A)).as("for its own organisation").contains(draftOfA);
        assertThat(similar("similar", projectB, COORDINATOR_B)).as("never for B").contains(publicOfA)
                .doesNotContain(draftOfA);
        assertThat(similar("similar", projectB, null)).as("nor anonymous").contains(publicOfA)
                .doesNotContain(draftOfA);
        assertThat(similar("similar-public", projectB, CONTRIBUTOR_A)).as("nor the public page's, even for A")
                .contains(publicOfA).doesNotContain(draftOfA);
        assertThat(driver.call("similar", COORDINATOR_B, "id", draftOfA).status())
                .as("the draft's own similar projects: not found for B").isEqualTo(404);
        HttpResponse<String> page = page("public/projets/" + projectB + "-"
                + TestProjects.slug("Jardins partagés des lycées " + other));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Jardins partagés des collèges " + other)
                .doesNotContain("Jardins partagés des lycées ruraux");
    }

    private List<Long> similar(String kind, long project, String caller) {
        Reply reply = driver.call(kind, caller, "id", project);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("ids").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList();
    }

    private Set<Long> found(String caller, String query) {
        Reply reply = api.get("api/v1/projects?size=100&" + query, caller);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return new HashSet<>(ids(reply.json()));
    }

    private JsonObject first(String caller, String query) {
        Reply reply = api.get("api/v1/projects?" + query, caller);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items").getJsonObject(0);
    }

    private static List<Long> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(item -> item.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static HttpResponse<String> page(String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create(TestServer.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
