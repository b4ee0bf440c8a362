package fr.la27eregion.opendata;

import fr.la27eregion.content.ContentFixtures;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.project.TestProjects;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.RegisterLabels;
import fr.la27eregion.testing.RegisterLabels.Programme;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing that is not public reaches the public side. Through the boundaries, as their users would, this test
 * makes records that must stay out of sight: a draft project and a project shared with the network only (each with
 * a contact person), a draft label application for the network's project, an organisation's application to join
 * (a membership not yet active) with its coordinator, and two news items of the secretariat (a draft, and one
 * published then withdrawn). Then it reads every public output, anonymously (each page in
 * both languages, each dataset, the catalogue, the feeds, each public API resource) and looks for their distinctive
 * words. Control records (a project and a news item made public) must be found, so the search is known to work.
 */
@DisplayName("No leak: drafts, network-only records and applications stay off the public side")
class PublicNoLeakIT {

    private static final ApiClient API = new ApiClient(TestServer.url());
    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);

    private static String marker;
    private static final List<String> SECRETS = new ArrayList<>();
    private static String publicTitle;
    private static long draft;
    private static String draftNews;
    private static String withdrawnNews;
    private static String publicNews;
    private static long network;

    @BeforeAll
    static void records() {
        marker = TestProjects.marker();
        draft = project("Brouillon secret " + marker, "Marie Brouillon" + marker);
        network = project("Projet du réseau " + marker, "Paul Reseau" + marker);
        transition(network, "SHARE");
        publicTitle = "Projet public témoin " + marker;
        long published = project(publicTitle, "Contact Temoin" + marker);
        transition(published, "SHARE");
        transition(published, "PUBLISH");

        Programme programme = RegisterLabels.programme("Programme fuite " + marker, "Leak programme " + marker, true);
        Reply application = API.post("api/v1/label-applications", Json.createObjectBuilder()
                .add("campaignId", programme.campaignId()).add("projectId", network).build().toString(), CONTRIBUTOR);
        assertThat(application.status()).as(application.body()).isEqualTo(201);

        String applicant = "Candidate secrète " + marker;
        Reply joined = API.post("api/v1/organisations", Json.createObjectBuilder()
                .add("name", applicant).add("kind", "ASSOCIATE").add("siret", siret())
                .add("address", "3 rue Cachée " + marker + ", 35000 Rennes").add("website", "https://secret-" + marker
                        + ".example.fr")
                .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("fullName", "Jeanne Candidate" + marker).add("email", "jeanne." + marker + "@example.fr")
                        .add("jobTitle", "Cheffe de projet").add("networkRole", "COORDINATOR").add("language", "fr")))
                .build().toString(), null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        assertThat(joined.json().getString("state")).isEqualTo("APPLIED");

        // a news item written, never published; and one published then withdrawn (UNPUBLISHED)
        draftNews = "actu-brouillon-" + marker.toLowerCase(java.util.Locale.ROOT);
        newsItem(draftNews, "Nouvelle en brouillon " + marker, false);
        withdrawnNews = "actu-retiree-" + marker.toLowerCase(java.util.Locale.ROOT);
        newsItem(withdrawnNews, "Nouvelle retirée " + marker, true);
        publicNews = "actu-publiee-" + marker.toLowerCase(java.util.Locale.ROOT);
        ContentFixtures.published("NEWS", publicNews, "Nouvelle publiée " + marker, List.of());

        SECRETS.addAll(List.of("Brouillon secret " + marker, "Marie Brouillon" + marker,
                "Projet du réseau " + marker, "Paul Reseau" + marker, applicant, "Jeanne Candidate" + marker,
                "jeanne." + marker, "secret-" + marker, "rue Cachée " + marker, "Nouvelle en brouillon " + marker,
                "Nouvelle retirée " + marker));
    }

    /** A news item of the secretariat, left a draft, or published then withdrawn. */
    private static void newsItem(String key, String title, boolean publishedThenWithdrawn) {
        Reply created = API.post("api/v1/content-items", Json.createObjectBuilder().add("kind", "NEWS").add("key", key)
                .add("titleFr", title).add("titleEn", title + " (en)").add("summaryFr", "Résumé " + title)
                .add("summaryEn", "Summary " + title).add("bodyFr", "<p>" + title + "</p>")
                .add("bodyEn", "<p>" + title + "</p>").add("projectIds", Json.createArrayBuilder()).build().toString(),
                SECRETARIAT);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (publishedThenWithdrawn) {
            long id = created.json().getJsonNumber("id").longValue();
            int version = created.json().getInt("version");
            for (String action : List.of("PUBLISH", "UNPUBLISH")) {
                Reply moved = API.post("api/v1/content-items/" + id + "/transitions", Json.createObjectBuilder()
                        .add("action", action).add("version", version).build().toString(), SECRETARIAT);
                assertThat(moved.status()).as(action + ": " + moved.body()).isEqualTo(200);
                version = moved.json().getInt("version");
            }
        }
    }

    private static long project(String title, String contact) {
        Reply created = API.post("api/v1/projects", Json.createObjectBuilder().add("title", title)
                .add("summary", "Résumé de " + title).add("kind", "EXPERIMENT")
                .add("contactName", contact).add("contactEmail", contact.replace(' ', '.').toLowerCase() + "@example.fr")
                .add("themeCodes", Json.createArrayBuilder().add("public-innovation"))
                .add("territoryCodes", Json.createArrayBuilder().add("FR-53")).build().toString(), CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getJsonNumber("id").longValue();
    }

    private static void transition(long project, String action) {
        int version = API.get("api/v1/projects/" + project, CONTRIBUTOR).json().getInt("version");
        Reply moved = API.post("api/v1/projects/" + project + "/transitions", Json.createObjectBuilder()
                .add("action", action).add("version", version).build().toString(), COORDINATOR);
        assertThat(moved.status()).as(action + ": " + moved.body()).isEqualTo(200);
    }

    private static String siret() {
        String digits = String.format("%013d", Math.floorMod(System.nanoTime() * 7919, 10_000_000_000_000L));
        for (int key = 0; key < 10; key++) {
            if (luhn(digits + key)) {
                return digits + key;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean luhn(String number) {
        int sum = 0;
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(number.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static final List<String> OUTPUTS = List.of(
            "", "public/members.xhtml", "public/territories.xhtml", "public/projets.xhtml",
            "public/labels.xhtml", "public/verification.xhtml", "public/campagnes.xhtml",
            "public/open-data.xhtml", "public/actualites.xhtml", "sitemap/pages.xml",
            "opendata/members.csv", "opendata/projects.csv", "opendata/labels.csv",
            "opendata/members.json", "opendata/projects.json", "opendata/labels.json",
            "opendata/catalog.jsonld", "feeds/news.atom",
            "api/v1/organisations", "api/v1/projects", "api/v1/labels?size=100", "api/v1/territories",
            "api/v1/themes", "api/v1/campaigns");

    /** Reads a public output (anonymously) and says which secrets it tells. */
    private static List<String> leaks(String path) {
        Reply reply = API.get(path, null);
        assertThat(reply.status()).as(path).isLessThan(500);
        return SECRETS.stream().filter(reply.body()::contains).map(secret -> path + " tells " + secret).toList();
    }

    @Test
    @DisplayName("no public page, dataset, feed or API answer tells a draft, a network project or an application")
    void nothingLeaks() {
        List<String> leaks = new ArrayList<>();
        for (String output : OUTPUTS) {
            leaks.addAll(leaks(output));
            leaks.addAll(leaks(output + (output.contains("?") ? "&" : "?") + "lang=en"));
        }
        for (String search : List.of("api/v1/projects?q=" + marker, "public/projets.xhtml?q=" + marker,
                "api/v1/projects?q=secret", "api/v1/projects?q=reseau")) {
            leaks.addAll(leaks(search));
        }
        for (String news : List.of(draftNews, withdrawnNews)) {
            Reply page = API.get("public/actualite.xhtml?id=" + news, null);
            assertThat(page.status()).as(news + ": as an unknown one").isEqualTo(404);
            // its own address is said back on its 404 (the alternates): only the lists must not name its key
            for (String list : List.of("public/actualites.xhtml", "sitemap/pages.xml", "feeds/news.atom", "")) {
                assertThat(API.get(list, null).body()).as(list + " names " + news).doesNotContain(news);
            }
            leaks.addAll(leaks("public/actualite.xhtml?id=" + news));
            leaks.addAll(leaks("public/actualite.xhtml?id=" + news + "&lang=en"));
        }
        for (long hidden : List.of(draft, network)) {
            assertThat(API.get("api/v1/projects/" + hidden, null).status()).isEqualTo(404);
            leaks.addAll(leaks("public/projets/" + hidden + "-projet"));
            leaks.addAll(leaks("public/projet.xhtml?id=" + hidden));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    @DisplayName("the control: the project made public is found by the same search, with no contact in the data")
    void thePublicProjectIsFound() {
        assertThat(API.get("opendata/projects.csv", null).body()).contains(publicTitle);
        assertThat(API.get("opendata/projects.json", null).body()).contains(publicTitle);
        assertThat(API.get("feeds/news.atom", null).body()).contains(publicTitle, "Nouvelle publiée " + marker);
        assertThat(API.get("public/actualites.xhtml", null).body()).contains("Nouvelle publiée " + marker);
        assertThat(API.get("public/actualite.xhtml?id=" + publicNews, null).status()).isEqualTo(200);
        assertThat(API.get("sitemap/pages.xml", null).body()).contains("public/actualite.xhtml?id=" + publicNews);
        JsonObject found = API.get("api/v1/projects?q=" + marker, null).json();
        assertThat(found.toString()).contains(publicTitle);
        for (String data : List.of("opendata/projects.csv", "opendata/projects.json", "feeds/news.atom")) {
            assertThat(API.get(data, null).body()).as("the public project's contact person is not open data")
                    .doesNotContain("Contact Temoin" + marker).doesNotContain("contact.temoin");
        }
    }
}
