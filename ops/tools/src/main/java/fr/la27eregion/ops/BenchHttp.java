package fr.la27eregion.ops;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP of the benchmarks: HTTP/1.1 keep-alive clients, JSON posts, answers checked, flat JSON members read. */
final class BenchHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    private BenchHttp() {
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A JSON POST to {@code api.resolve(path)}, with these credentials (an Authorization header) or none. */
    static HttpRequest post(URI api, String path, String json, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (credentials != null) {
            request.header("Authorization", credentials);
        }
        return request.build();
    }

    /** A GET of {@code api.resolve(path)} with these credentials. */
    static HttpRequest get(URI api, String path, String credentials) {
        return HttpRequest.newBuilder(api.resolve(path)).header("Authorization", credentials)
                .timeout(REQUEST_TIMEOUT).GET().build();
    }

    /**
     * A client with its own session (cookies kept, redirects followed), logged in through the login form as this
     * demo account (the demo password).
     */
    static HttpClient loggedIn(URI base, String username) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        URI login = base.resolve("login.xhtml");
        String form = http.send(HttpRequest.newBuilder(login).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher state = VIEW_STATE.matcher(form);
        Matcher nonce = NONCE.matcher(form);
        if (!state.find() || !nonce.find()) {
            throw new IllegalStateException("No view state or script nonce in the login page");
        }
        // the page's script nonce, as the page's script adds it to the form: without it the form is refused
        String body = "login=login&login%3Ausername=" + username + "&login%3Apassword="
                + URLEncoder.encode("Demo-27eRegion-2026", StandardCharsets.UTF_8) + "&login%3Asubmit="
                + "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8)
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(login).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        return http;
    }

    /** A GET in French with the client's session; fails unless it answers 200 with this text in it. */
    static void getPage(HttpClient http, URI uri, String expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept-Language", "fr").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + " without " + expected
                    + ": " + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    /** Sends; fails unless the answer has this status. */
    static HttpResponse<String> expect(int status, HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ", not " + status + ": " + response.body());
        }
        return response;
    }

    /** The {@code version} member of a record's JSON. */
    static int version(HttpResponse<String> response) {
        Matcher version = VERSION.matcher(response.body());
        if (!version.find()) {
            throw new IllegalStateException("No version in " + response.body());
        }
        return Integer.parseInt(version.group(1));
    }

    /** A number or boolean member of a flat JSON object, as text. */
    static String member(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":([^,}]+)").matcher(json);
        return value.find() ? value.group(1) : "?";
    }

    /** The value of a metric of the Prometheus text (the first series of that name), 0 when absent. */
    static double metric(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    /** Verifies the journal's chain through the API and prints the verdict; fails when it is broken. */
    static void verifyJournal(URI api, String credentials) throws IOException, InterruptedException {
        HttpResponse<String> answer = expect(200, newClient(), HttpRequest.newBuilder(api.resolve("journal/verify"))
                .header("Authorization", credentials).timeout(Duration.ofMinutes(5)).GET().build());
        String body = answer.body();
        boolean intact = body.contains("\"intact\":true");
        System.out.printf(Locale.ROOT, "%nJournal verified through GET /api/v1/journal/verify: %s entries checked in "
                        + "%s ms, %s%n", member(body, "entriesChecked"), member(body, "durationMillis"),
                intact ? "intact" : "BROKEN at " + member(body, "firstBrokenSeq") + ": " + body);
        if (!intact) {
            throw new IllegalStateException("The journal's chain is broken after the benchmark");
        }
    }
}
