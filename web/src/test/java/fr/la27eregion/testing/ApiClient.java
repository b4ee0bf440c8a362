package fr.la27eregion.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The REST API called from outside, as a client does: over loopback HTTP (Payara Micro reports the machine's
 * address but listens on 127.0.0.1), as a test account of {@link TestAccounts} with HTTP Basic or anonymously.
 */
public final class ApiClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** The client address the requests claim through X-Forwarded-For (the test server trusts its loopback). */
    private final String clientAddress;
    /** The bearer token (a personal access token) sent with every request that names no test account. */
    private final String bearer;

    private ApiClient(URI base, String clientAddress, String bearer) {
        this.base = base;
        this.clientAddress = clientAddress;
        this.bearer = bearer;
    }

    /**
     * The same client as if it came from {@code address}: the test server believes the loopback's
     * X-Forwarded-For, so the limits per client address count this address, not the loopback (exempt).
     */
    public ApiClient from(String address) {
        return new ApiClient(base, address, bearer);
    }

    /** The same client, authenticated by this bearer token (sent as is) wherever a call names no test account. */
    public ApiClient withToken(String token) {
        return new ApiClient(base, clientAddress, token);
    }

    /** A client address that no other test uses (IPv6 documentation prefix). */
    public static String uniqueAddress() {
        return uniqueNetwork() + "1";
    }

    /**
     * The start of a /64 of its own ({@code 2001:db8:x:y::}), of the documentation prefix: the limits count an IPv6
     * client by its /64, so two {@link #uniqueAddress()}es are two clients only in two networks.
     */
    public static String uniqueNetwork() {
        return "2001:db8:" + Long.toHexString(System.nanoTime() & 0xffffL) + ":"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000)) + "::";
    }

    /** A GET with HTTP Basic credentials as given (any username and password). */
    public Reply getWithPassword(String path, String username, String password) {
        HttpRequest.Builder request = builder(path, "GET", null).header("Authorization", "Basic " + Base64
                .getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return send(request, "GET " + path);
    }

    public ApiClient(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        try {
            base = new URI("http", null, "127.0.0.1", deployed.getPort(), path, null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(deployed.toString(), e);
        }
        clientAddress = null;
        bearer = null;
    }

    /** A GET as this test account (null: anonymously). */
    public Reply get(String path, String username) {
        return send("GET", path, null, null, username);
    }

    /** A POST of a JSON body as this test account (null: anonymously). */
    public Reply post(String path, String json, String username) {
        return send("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(json), username);
    }

    /** Any request; no content type and no body when they are null. */
    public Reply send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                      String username) {
        HttpRequest.Builder request = builder(path, method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        } else if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request, method + " " + path);
    }

    private HttpRequest.Builder builder(String path, String method, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request, String what) {
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }

    /** An answer of the API, with what the tests read of it. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readArray();
            }
        }

        /** The media type without its parameters ({@code application/problem+json}). */
        public String mediaType() {
            return response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The id the platform gave the request; the journal keeps it beside each entry the request wrote. */
        public String requestId() {
            return response.headers().firstValue("X-Request-Id").orElseThrow();
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " → " + response.statusCode() + " "
                    + response.body();
        }
    }
}
