package fr.la27eregion.platform.cache;

import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data files and the news feed (issue 14) are generated once per version of the public data and served
 * from that copy ({@link PublicFiles}): an {@code ETag}, a 304 for a matching {@code If-None-Match}, the same bytes
 * for every reader; and they are limited per client address with the public API ({@link PublicApiLimit}: a 429
 * problem with {@code Retry-After}, then allowed again; the test server allows a burst of 30). A change of the data
 * through a boundary is in {@code PublicProjectCachingIT}.
 */
@DisplayName("Open data and feeds: kept per data version, validated, limited")
class PublicFilesIT {

    private static final List<String> FILES = List.of("opendata/catalog.jsonld", "opendata/members.csv",
            "opendata/projects.json?lang=en", "opendata/labels.schema.json", "feeds/news.atom",
            "feeds/news.atom?lang=en");
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
    @DisplayName("each file has an ETag; asked again naming it, a 304; asked again plainly, the same bytes")
    void keptAndValidated() throws Exception {
        for (String path : FILES) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError(path + ": ETag"));
            assertThat(first.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(c -> assertThat(c).contains("public", "max-age=", "must-revalidate"));
            // a schema changes with the application, not with the data: no date of its own
            boolean dated = !path.contains("schema");
            assertThat(first.headers().firstValue("Last-Modified").isPresent()).as(path + ": its date, kept with it")
                    .isEqualTo(dated);
            assertThat(first.headers().allValues("Set-Cookie")).as(path).isEmpty();

            HttpResponse<String> notModified = get(path, "If-None-Match", etag);
            assertThat(notModified.statusCode()).as(path).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();
            assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);

            HttpResponse<String> again = get(path);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            assertThat(again.body()).as(path + ": the copy").isEqualTo(first.body());
            assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
            assertThat(again.headers().allValues("Link")).isEqualTo(first.headers().allValues("Link"));
            if (dated) {
                assertThat(again.headers().firstValue("Last-Modified")).isEqualTo(first.headers()
                        .firstValue("Last-Modified"));
                assertThat(get(path, "If-Modified-Since", first.headers().firstValue("Last-Modified").orElseThrow())
                        .statusCode()).as(path + ": unchanged since its date").isEqualTo(304);
            }
        }
        assertThat(get("opendata/projects.json").headers().firstValue("ETag"))
                .as("another language, another file").isNotEqualTo(get("opendata/projects.json?lang=en").headers()
                        .firstValue("ETag"));
        assertThat(get("opendata/projects.json?lang=en&x=1").headers().firstValue("ETag"))
                .as("a parameter the file does not read is the same file")
                .isEqualTo(get("opendata/projects.json?lang=en").headers().firstValue("ETag"));
        HttpResponse<String> withPathParameter = get("opendata/members.csv;x=1");
        assertThat(withPathParameter.statusCode()).isEqualTo(200);
        assertThat(withPathParameter.headers().firstValue("ETag")).as("a path parameter is the same file, no new copy")
                .isEqualTo(get("opendata/members.csv").headers().firstValue("ETag"));
        HttpResponse<String> unknown = get("opendata/nothing.csv");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    @DisplayName("open data and feeds past the public API's burst: 429 with Retry-After, then allowed again")
    void rateLimited() {
        ApiClient reader = new ApiClient(base).from(ApiClient.uniqueAddress());
        Reply limited = null;
        int allowed = 0;
        for (int i = 0; i < BURST * 3 && limited == null; i++) {
            Reply reply = reader.get(i % 2 == 0 ? "opendata/catalog.jsonld" : "feeds/news.atom", null);
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
        assertThat(reader.get("api/v1/themes", null).status()).as("one count with the public API").isEqualTo(429);
        assertThat(new ApiClient(base).from(ApiClient.uniqueAddress()).get("opendata/members.csv", null).status())
                .as("another address is not held back").isEqualTo(200);

        new PlatformDriver(base).moveClockBy(Duration.ofSeconds(retryAfter + 1));
        assertThat(reader.get("feeds/news.atom", null).status()).as("after Retry-After").isEqualTo(200);
    }
}
