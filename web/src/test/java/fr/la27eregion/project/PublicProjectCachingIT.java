package fr.la27eregion.project;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages are kept and validated by the public data's version (issue 14): a project published through the
 * boundary changes the ETag of the public search at once, and the page shows it (never a stale copy); the sitemap
 * lists its page in both languages; the open data files and the news feed are generated again with it.
 */
class PublicProjectCachingIT {

    private static final String COORDINATOR_A = TestAccounts.of(Role.MEMBER_COORDINATOR);

    private final ProjectDriver driver = new ProjectDriver();
    private final URL base = TestServer.url();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aProjectPublishedChangesTheETagAndThePageShowsIt() throws Exception {
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        StringBuilder word = new StringBuilder("zorglub");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        String title = "Cantine " + word;
        JsonObject draft = driver.call("create", COORDINATOR_A, "title", title, "summary", "Un résumé",
                "kind", "EXPERIMENT", "territories", "FR-53", "themes", "service-design").json();
        long id = draft.getJsonNumber("id").longValue();
        String search = "public/projets.xhtml?q=" + word;

        HttpResponse<String> before = get(search);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        String link = "/public/projets/" + id + "-";
        assertThat(before.body()).doesNotContain(link);
        assertThat(get(search, "If-None-Match", etag).statusCode()).as("nothing changed yet").isEqualTo(304);

        JsonObject shared = driver.call("step", COORDINATOR_A, "id", id, "version", draft.getInt("version"),
                "action", "SHARE").json();
        HttpResponse<String> networkOnly = get(search, "If-None-Match", etag);
        assertThat(networkOnly.statusCode()).as("the data changed: rendered again").isEqualTo(200);
        assertThat(networkOnly.body()).as("shared with the network only").doesNotContain(link);
        etag = networkOnly.headers().firstValue("ETag").orElseThrow();

        assertThat(driver.call("step", COORDINATOR_A, "id", id, "version", shared.getInt("version"), "action",
                "PUBLISH").json().getString("visibility")).isEqualTo("PUBLIC");
        HttpResponse<String> after = get(search, "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
        assertThat(after.body()).as("no stale copy").contains(link, "Cantine <mark>" + word + "</mark>");
        assertThat(get(search).body()).contains(link);

        String sitemap = get("sitemap/projects-1.xml").body();
        assertThat(sitemap).contains("/public/projets/" + id + "-").contains("?lang=en</loc>");
    }

    @Test
    void aProjectPublishedChangesTheOpenDataAndTheFeed() throws Exception {
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        String title = "Jardin " + word();
        JsonObject draft = driver.call("create", COORDINATOR_A, "title", title, "summary", "Un résumé",
                "kind", "EXPERIMENT", "territories", "FR-53", "themes", "service-design").json();
        long id = draft.getJsonNumber("id").longValue();
        List<String> files = List.of("opendata/projects.csv", "opendata/projects.json", "opendata/catalog.jsonld",
                "feeds/news.atom");
        Map<String, HttpResponse<String>> before = new HashMap<>();
        for (String file : files) {
            HttpResponse<String> answer = get(file);
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.body()).as(file + ": a draft").doesNotContain(title);
            assertThat(get(file, "If-None-Match", answer.headers().firstValue("ETag").orElseThrow()).statusCode())
                    .as(file + ": nothing changed yet").isEqualTo(304);
            before.put(file, answer);
        }

        // the catalogue dates a dataset to the second (its last journaled change, the draft's creation here): the
        // publication must fall in a later second for its date to move (CI once published within the same one)
        Thread.sleep(1_100);
        JsonObject shared = driver.call("step", COORDINATOR_A, "id", id, "version", draft.getInt("version"),
                "action", "SHARE").json();
        driver.call("step", COORDINATOR_A, "id", id, "version", shared.getInt("version"), "action", "PUBLISH");

        for (String file : files) {
            String etag = before.get(file).headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> after = get(file, "If-None-Match", etag);
            assertThat(after.statusCode()).as(file + ": generated again for the new data").isEqualTo(200);
            assertThat(after.headers().firstValue("ETag")).as(file).isPresent().isNotEqualTo(Optional.of(etag));
            if (!file.contains("catalog")) {
                assertThat(after.body()).as(file + ": no stale copy").contains(title);
            }
        }
        HttpResponse<String> catalogue = get("opendata/catalog.jsonld");
        assertThat(catalogue.body()).as("the catalogue's date of the projects moved with them")
                .isNotEqualTo(before.get("opendata/catalog.jsonld").body());
    }

    private static String word() {
        StringBuilder word = new StringBuilder("zorglub");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /**
     * Another instance of a cluster commits a change (here: a journal entry appended straight into the database, as
     * this instance never sees it): the public answers follow within {@code public.cache.recheck-millis} (1 s), the
     * head being read again that often rather than once a request.
     */
    @Test
    void aChangeCommittedElsewhereShowsWithinTheRecheckTime() throws Exception {
        String page = "public/projets.xhtml?q=ailleurs" + ThreadLocalRandom.current().nextInt(1_000_000);
        String etag = get(page).headers().firstValue("ETag").orElseThrow();
        assertThat(get(page, "If-None-Match", etag).statusCode()).as("nothing changed yet").isEqualTo(304);
        try (Connection db = Superuser.connect()) {
            db.setAutoCommit(false);
            ChainAppend.append(db, Clock.systemUTC(), new EntryDraft("other-instance", "NETWORK_ADMIN",
                    "test.other-instance", null, null, null, null, null, null, null, null));
            db.commit();
        }
        Instant committed = Instant.now();
        HttpResponse<String> answer = get(page, "If-None-Match", etag);
        while (answer.statusCode() == 304 && Duration.between(committed, Instant.now()).toSeconds() < 10) {
            Thread.sleep(100);
            answer = get(page, "If-None-Match", etag);
        }
        assertThat(answer.statusCode()).as("rendered again for the new data version").isEqualTo(200);
        assertThat(answer.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);
    }
}
