package fr.la27eregion.platform.cache;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.IntranetSession;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public side for anonymous readers (issue 14): no HTTP session on any public page or public API answer;
 * {@code ETag} and {@code Cache-Control} on them, a 304 for a matching {@code If-None-Match}; {@code private,
 * no-store} for a signed-in caller; the public API's limit per client address (429 with {@code Retry-After}, then
 * allowed again: the test server allows a burst of 30, {@code limits.public-api.burst}); robots.txt, the sitemap with
 * its hreflang alternates, and each public page's description, language and alternates.
 */
@DisplayName("Public answers: stateless, validated, limited, described")
class PublicResponsesIT {

    /** The public pages and public API reads, as anonymous readers ask for them. */
    private static final List<String> PUBLIC = List.of("", "index.xhtml", "?lang=en", "public/members.xhtml",
            "public/members.xhtml?lang=en", "public/territories.xhtml", "public/projets.xhtml",
            "public/projets.xhtml?q=region&lang=en", "public/labels.xhtml", "public/verification.xhtml",
            "public/verification.xhtml?code=L27-NONE", "public/campagnes.xhtml", "api/v1/territories",
            "api/v1/themes", "api/v1/organisations", "sitemap.xml", "sitemap/pages.xml", "sitemap/projects-1.xml",
            "robots.txt");
    /** limits.public-api.burst of the test server. */
    private static final int BURST = 30;

    private final URL base = TestServer.url();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void realTimeAgain() {
        new PlatformDriver(base).moveClockBy(Duration.ZERO);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).GET()
                .timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("no public page, sitemap or public API answer opens a session for an anonymous reader")
    void noSession() throws Exception {
        for (String path : PUBLIC) {
            HttpResponse<String> first = get(path);
            HttpResponse<String> again = get(path);
            for (HttpResponse<String> response : List.of(first, again)) {
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().allValues("Set-Cookie")).as(path)
                        .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            }
            assertThat(again.body()).as(path + ": the same page again (from the application's copy or not)")
                    .isEqualTo(first.body().replace(nonce(first.body()), nonce(again.body())));
        }
        assertThat(get("public/members.xhtml?lang=en").headers().allValues("Set-Cookie"))
                .as("the language chosen is kept in a cookie").anyMatch(c -> c.startsWith("lang=en"));
        assertThat(get("public/members.xhtml", "Cookie", "lang=en").body()).contains("xhtml\" lang=\"en\">");
    }

    /** The script nonce of a page (a page rendered again has another; a copy has the same). */
    private static String nonce(String page) {
        int at = page.indexOf("nonce=\"");
        return at < 0 ? "" : page.substring(at + 7, page.indexOf('"', at + 7));
    }

    @Test
    @DisplayName("a second request naming the ETag gets a 304; another language is another ETag")
    void notModified() throws Exception {
        for (String path : List.of("public/projets.xhtml", "public/labels.xhtml", "", "api/v1/themes",
                "api/v1/organisations", "sitemap.xml")) {
            HttpResponse<String> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + ": ETag"));
            assertThat(first.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(c -> assertThat(c).contains("public", "max-age=", "must-revalidate"));
            HttpResponse<String> second = get(path, "If-None-Match", etag);
            assertThat(second.statusCode()).as(path).isEqualTo(304);
            assertThat(second.body()).isEmpty();
            assertThat(second.headers().firstValue("ETag")).hasValue(etag);
            assertThat(get(path, "If-None-Match", "\"something-else\"").statusCode()).isEqualTo(200);
        }
        String french = get("public/labels.xhtml").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> english = get("public/labels.xhtml?lang=en", "If-None-Match", french);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("ETag")).isPresent().isNotEqualTo(french);
        HttpResponse<String> limited = get("public/campagnes.xhtml");
        assertThat(limited.headers().firstValue("ETag")).as("open by the clock: never kept").isEmpty();
    }

    @Test
    @DisplayName("the members' and territories' tables filtered by their address: each view a page validated and kept")
    void filteredTablesAreCachedPages() throws Exception {
        TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        // the address, the table it filters, what each of its rows shows, and the rows expected (null: all ACTIVE)
        record Filtered(String path, String table, Pattern cell, List<String> expected) {
        }
        List<Filtered> pages = List.of(
                new Filtered("public/territories.xhtml?name=bre", "regions",
                        Pattern.compile("<th scope=\"row\">([^<]+)</th>"), List.of("Bretagne")),
                new Filtered("public/territories.xhtml?area=OVERSEAS&sort=insee&lang=en", "regions",
                        Pattern.compile("<th scope=\"row\">[^<]+</th>\\s*<td>(\\d+)</td>"),
                        List.of("01", "02", "03", "04", "06")),
                new Filtered("public/territories.xhtml?mergedInto=grand&formerSort=insee", "former",
                        Pattern.compile("<th scope=\"row\">([^<]+)</th>"),
                        List.of("Champagne-Ardenne", "Lorraine", "Alsace")),
                new Filtered("public/members.xhtml?state=ACTIVE&sort=until", "list",
                        Pattern.compile("<span class=\"state state--([A-Z_]+)\">"), null));
        for (Filtered page : pages) {
            String path = page.path();
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().allValues("Set-Cookie")).as(path)
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + ": ETag"));
            assertThat(first.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(c -> assertThat(c).startsWith("public"));
            HttpResponse<String> second = get(path, "If-None-Match", etag);
            assertThat(second.statusCode()).as(path).isEqualTo(304);
            assertThat(second.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
            String body = first.body();
            int table = body.indexOf("<table id=\"" + page.table() + "\"");
            List<String> found = new ArrayList<>();
            Matcher rows = page.cell().matcher(body.substring(body.indexOf("<tbody>", table),
                    body.indexOf("</tbody>", table)));
            while (rows.find()) {
                found.add(rows.group(1));
            }
            if (page.expected() != null) {
                assertThat(found).as(path).containsExactlyElementsOf(page.expected());
            } else {
                assertThat(found).as(path + ": active members only").isNotEmpty().containsOnly("ACTIVE");
            }
            assertThat(get(path + "&x=1").headers().firstValue("ETag")).as("another address, another ETag")
                    .isPresent().isNotEqualTo(Optional.of(etag));
        }
        HttpResponse<String> unknown = get("public/members.xhtml?kind=NOTAKIND");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"kind-error\" class=\"field__error\">Cette nature");
        assertThat(get("public/territories.xhtml?name=zzz").body()).contains("0 région(s) affichée(s)");
    }

    @Test
    @DisplayName("a signed-in caller's answers are private and kept nowhere")
    void signedInIsPrivate() {
        Reply signedIn = new ApiClient(base).get("api/v1/themes", TestAccounts.of(Role.NETWORK_ADMIN));
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(signedIn.header("ETag")).isNull();
        IntranetSession session = new IntranetSession(base, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(session.logIn(TestAccounts.of(Role.AUDITOR), TestAccounts.PASSWORD)).isTrue();
        HttpResponse<String> intranet = session.get("app/index.xhtml");
        assertThat(intranet.statusCode()).isEqualTo(200);
        assertThat(intranet.headers().firstValue("Cache-Control")).as("an intranet page").hasValue("private, no-store");
    }

    @Test
    @DisplayName("the public API past its burst: 429 with Retry-After, then allowed again once it passed")
    void rateLimit() {
        ApiClient reader = new ApiClient(base).from(ApiClient.uniqueAddress());
        Reply limited = null;
        int allowed = 0;
        for (int i = 0; i < BURST * 3 && limited == null; i++) {
            Reply reply = reader.get(i % 2 == 0 ? "api/v1/themes" : "api/v1/territories", null);
            if (reply.status() == 429) {
                limited = reply;
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                allowed++;
            }
        }
        assertThat(limited).as("refused past the burst").isNotNull();
        assertThat(allowed).as("the burst, and what came back meanwhile").isBetween(BURST, BURST + 5);
        assertThat(limited.mediaType()).isEqualTo("application/problem+json");
        assertThat(limited.json().getInt("status")).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(new ApiClient(base).from(ApiClient.uniqueAddress()).get("api/v1/themes", null).status())
                .as("another address is not held back").isEqualTo(200);
        assertThat(reader.get("api/v1/themes",
                TestAccounts.of(Role.AUDITOR)).status()).as("a signed-in caller is not counted").isEqualTo(200);

        new PlatformDriver(base).moveClockBy(Duration.ofSeconds(retryAfter + 1));
        assertThat(reader.get("api/v1/themes", null).status()).as("after Retry-After").isEqualTo(200);
    }

    @Test
    @DisplayName("robots.txt, the sitemap with both languages, and each public page's description and alternates")
    void describedForSearchEngines() throws Exception {
        String robots = get("robots.txt").body();
        assertThat(robots).contains("User-agent: *", "Disallow: /app/", "Disallow: /api/")
                .containsPattern("Sitemap: https?://\\S+/sitemap\\.xml");
        String index = get("sitemap.xml").body();
        assertThat(index).contains("<sitemapindex", "/sitemap/pages.xml</loc>", "/sitemap/projects-1.xml</loc>");
        String pages = get("sitemap/pages.xml").body();
        assertThat(pages).contains("/public/members.xhtml?lang=fr</loc>", "/public/members.xhtml?lang=en</loc>",
                "hreflang=\"en\"", "hreflang=\"x-default\"");
        for (List<Object> programme : PlatformDriver.rows("SELECT code FROM label_programme")) {
            assertThat(pages).as("each programme's register").contains("/public/labels.xhtml?programme="
                    + java.net.URLEncoder.encode((String) programme.get(0), java.nio.charset.StandardCharsets.UTF_8)
                    + "&amp;lang=en</loc>");
        }
        assertThat(get("sitemap/projects-999999.xml").statusCode()).isEqualTo(404);

        HttpResponse<String> english = get("public/members.xhtml?lang=en");
        assertThat(english.body()).contains("xhtml\" lang=\"en\">", "<title>The members of the network",
                "<meta name=\"description\" content=\"The members of",
                "<link rel=\"alternate\" hreflang=\"fr\" href=\"",
                "/public/members.xhtml?lang=fr\"", "hreflang=\"x-default\"");
        HttpResponse<String> french = get("public/labels.xhtml?year=2026");
        assertThat(french.body()).contains("xhtml\" lang=\"fr\">",
                "<meta name=\"description\" content=\"Le registre",
                "/public/labels.xhtml?year=2026&amp;lang=en\"");
    }
}
