package fr.la27eregion.identity.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * OpenID Connect login with the region's enterprise identity provider (Keycloak, ProConnect…): the authorization
 * code flow with PKCE, state and nonce, for a confidential client. Enabled only when {@code oidc.provider-uri}
 * is set (MicroProfile Config); otherwise the login page offers the form only.
 *
 * <p>The ID token comes straight from the provider's token endpoint (a direct request of the server, not through
 * the browser), so, as OpenID Connect Core 3.1.3.7 allows, the TLS connection to the provider vouches for it; its
 * issuer, audience, expiry and nonce are checked here. The caller's platform account is the one whose username is
 * the value of the {@code oidc.username-claim} claim; there is no account creation on the fly.
 */
@Named("singleSignOn")
@ApplicationScoped
public class SingleSignOn {

    static final String START = "/sso/login";
    static final String CALLBACK = "/sso/callback";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SKEW = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Provider provider;

    /** The provider's endpoints, from its discovery document. */
    record Provider(String issuer, URI authorization, URI token) {
    }

    /** What the login remembers between the redirect to the provider and its answer (kept in the session). */
    record Pending(String state, String nonce, String verifier, String redirectUri) implements Serializable {
    }

    /** Whether a provider is configured: the login page shows its button, {@link #START} starts a login. */
    public boolean isEnabled() {
        return setting("oidc.provider-uri").isPresent();
    }

    /** The label of the login button, e.g. the provider's name ({@code oidc.display-name}). */
    public String getDisplayName() {
        return setting("oidc.display-name").orElse(null);
    }

    Pending newLogin(String redirectUri) {
        return new Pending(random(), random(), random(), setting("oidc.redirect-uri").orElse(redirectUri));
    }

    /** Where the browser goes to log in at the provider. */
    URI authorizationRequest(Pending pending) {
        String query = "response_type=code&client_id=" + encode(required("oidc.client-id"))
                + "&redirect_uri=" + encode(pending.redirectUri())
                + "&scope=" + encode(setting("oidc.scope").orElse("openid profile email"))
                + "&state=" + encode(pending.state()) + "&nonce=" + encode(pending.nonce())
                + "&code_challenge=" + encode(challenge(pending.verifier())) + "&code_challenge_method=S256";
        URI endpoint = provider().authorization();
        return URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    /**
     * Exchanges the code for the tokens and returns the platform username the ID token names.
     *
     * @throws SecurityException when the provider refuses or the ID token does not fit this login
     */
    String username(Pending pending, String code) {
        String clientId = required("oidc.client-id");
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri="
                + encode(pending.redirectUri()) + "&code_verifier=" + encode(pending.verifier());
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":"
                + encode(setting("oidc.client-secret").orElse(""))).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(provider().token()).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonObject tokens = json(send(request), "token response");
        String idToken = tokens.getString("id_token", null);
        if (idToken == null) {
            throw new SecurityException("The token response has no ID token");
        }
        String[] parts = idToken.split("\\.");
        if (parts.length != 3) {
            throw new SecurityException("The ID token is not a JWS");
        }
        JsonObject claims = json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8),
                "ID token");
        if (!provider().issuer().equals(claims.getString("iss", null))) {
            throw new SecurityException("The ID token comes from another issuer: " + claims.getString("iss", null));
        }
        JsonValue aud = claims.get("aud");
        boolean audience = aud instanceof JsonString one ? one.getString().equals(clientId)
                : aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY
                && aud.asJsonArray().getValuesAs(JsonString.class).stream().anyMatch(a -> a.getString().equals(clientId));
        if (!audience) {
            throw new SecurityException("The ID token is for another client");
        }
        if (!claims.containsKey("exp") || Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue())
                .plus(SKEW).isBefore(Instant.now())) {
            throw new SecurityException("The ID token has expired");
        }
        if (!pending.nonce().equals(claims.getString("nonce", null))) {
            throw new SecurityException("The ID token is not for this login (nonce)");
        }
        String claim = setting("oidc.username-claim").orElse("preferred_username");
        String username = claims.getString(claim, null);
        if (username == null || username.isBlank()) {
            throw new SecurityException("The ID token has no '" + claim + "' claim");
        }
        return username.strip();
    }

    private Provider provider() {
        Provider known = provider;
        String issuer = required("oidc.provider-uri").replaceAll("/+$", "");
        if (known == null || !known.issuer().equals(issuer)) {
            secure(issuer);
            JsonObject discovery = json(send(HttpRequest.newBuilder(
                    URI.create(issuer + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(15))
                    .header("Accept", "application/json").GET().build()), "discovery document");
            known = new Provider(discovery.getString("issuer", issuer),
                    URI.create(discovery.getString("authorization_endpoint")),
                    URI.create(discovery.getString("token_endpoint")));
            if (!known.issuer().equals(issuer)) {
                throw new SecurityException("The provider names another issuer: " + known.issuer());
            }
            secure(known.authorization().toString());
            secure(known.token().toString());
            provider = known;
        }
        return known;
    }

    /**
     * The ID token is trusted because it comes over the server's own TLS connection to the provider: plain HTTP
     * only to a provider on this machine (tests, development).
     */
    private static void secure(String address) {
        URI uri = URI.create(address);
        String host = uri.getHost();
        if (!"https".equalsIgnoreCase(uri.getScheme())
                && !("http".equalsIgnoreCase(uri.getScheme()) && ("127.0.0.1".equals(host) || "localhost".equals(host)
                || "[::1]".equals(host)))) {
            throw new SecurityException("The identity provider must be reached over https: " + address);
        }
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SecurityException("The identity provider answered " + response.statusCode() + " to "
                        + request.uri());
            }
            return response.body();
        } catch (IOException e) {
            throw new SecurityException("The identity provider cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecurityException("Interrupted", e);
        }
    }

    private static JsonObject json(String text, String what) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new SecurityException("The " + what + " is not a JSON object", e);
        }
    }

    private static Optional<String> setting(String key) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(String key) {
        return setting(key).orElseThrow(() -> new SecurityException("Single sign-on needs " + key));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
