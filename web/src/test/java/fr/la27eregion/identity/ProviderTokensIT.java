package fr.la27eregion.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.security.PlatformAuthentication;
import fr.la27eregion.platform.request.ClientNetwork;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.OidcProviderSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity provider's access tokens on the API ({@code Authorization: Bearer <jwt>}), against the real
 * provider of the tests ({@link OidcProviderSession}, mock-oauth2-server) and the shared test server configured
 * for it: a token it issues for the platform opens the API as the account its {@code preferred_username} names,
 * for that request only; forged, foreign, expired and unsigned tokens are refused like any wrong credential, and
 * the refusals are counted and journaled as security events. The OpenAPI description names the schemes.
 */
@DisplayName("Bearer tokens of the identity provider")
class ProviderTokensIT {

    final URL base = TestServer.url();
    private final ApiClient api = new ApiClient(base);

    @Test
    @DisplayName("a provider access token for the platform opens the API as the account it names, without a session")
    void aProviderTokenActsAsItsAccount() {
        Reply me = api.withToken(issued(TestAccounts.of(Role.AUDITOR), TestServer.OIDC_CLIENT_ID,
                300).serialize()).get("api/v1/me", null);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        JsonObject caller = me.json();
        assertThat(caller.getString("username")).isEqualTo(TestAccounts.of(Role.AUDITOR));
        assertThat(caller.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("AUDITOR");
        assertThat(me.response().headers().firstValue("Set-Cookie")).as("no session for machine clients").isEmpty();
    }

    @Test
    @DisplayName("a token signed with another key, for another audience, expired, unsigned, HMAC-keyed with the"
            + " public key, tampered, of no account: 401 as any wrong credential, counted and journaled")
    void unsoundTokensAreRefusedLikeAnyWrongCredential() throws Exception {
        SignedJWT sound = issued(TestAccounts.of(Role.AUDITOR), TestServer.OIDC_CLIENT_ID, 300);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("signed with another key", forged(sound.getJWTClaimsSet(), sound.getHeader().getKeyID()));
        tokens.put("another audience", issued(TestAccounts.of(Role.AUDITOR), "another-client", 300).serialize());
        tokens.put("expired", issued(TestAccounts.of(Role.AUDITOR), TestServer.OIDC_CLIENT_ID, -600).serialize());
        tokens.put("alg none", new PlainJWT(sound.getJWTClaimsSet()).serialize());
        tokens.put("HS256 keyed with the public key", hmacWithThePublicKey(sound));
        tokens.put("tampered claims", tampered(sound));
        tokens.put("no platform account", issued("nobody-at-the-platform", TestServer.OIDC_CLIENT_ID, 300)
                .serialize());
        tokens.put("a disabled account", issued(TestAccounts.DISABLED, TestServer.OIDC_CLIENT_ID, 300).serialize());

        // one address of its own: 9 refusals stay within the failed-logins limit (10 a minute)
        String address = ApiClient.uniqueAddress();
        ApiClient client = api.from(address);
        String wrongPassword = api.getWithPassword("api/v1/me", "nobody-here", "not the password at all").json()
                .getString("detail");
        tokens.forEach((what, token) -> {
            Reply refused = client.withToken(token).get("api/v1/me", null);
            assertThat(refused.status()).as(what).isEqualTo(401);
            assertThat(refused.mediaType()).as(what).isEqualTo("application/problem+json");
            assertThat(refused.json().getString("detail")).as(what + ": same wording").isEqualTo(wrongPassword);
            assertThat(refused.response().headers().allValues("WWW-Authenticate")).as(what)
                    .containsExactly(PlatformAuthentication.BEARER_CHALLENGE, PlatformAuthentication.BASIC_CHALLENGE);
        });

        // counted, each: the failed-logins limit of the address and the security events
        assertThat(PlatformDriver.rows("SELECT coalesce(sum(count), 0) FROM security_event_count WHERE address = ?"
                + " AND kind LIKE 'login.refused/bearer token%'", ClientNetwork.of(address)).get(0).get(0))
                .hasToString(String.valueOf(tokens.size()));
        // journaled: the first of each cause in the minute, without the token
        List<List<Object>> journaled = PlatformDriver.rows("SELECT details FROM journal_entry"
                + " WHERE action = 'login.refused' AND details LIKE ?", "%\"clientAddress\":\"" + address + "\"%");
        assertThat(journaled).extracting(row -> row.get(0).toString())
                .anySatisfy(details -> assertThat(details).contains("bearer token invalid"))
                .anySatisfy(details -> assertThat(details).contains("bearer token without account"))
                .allSatisfy(details -> assertThat(details).doesNotContain(sound.serialize().substring(0, 30)));
    }

    @Test
    @DisplayName("the OpenAPI description names the bearer and Basic schemes and asks for them on protected operations")
    void openApiNamesTheSchemes() {
        Reply openapi = api.get("openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        String description = openapi.body();
        assertThat(description).contains("securitySchemes").contains("scheme: bearer").contains("scheme: basic");
        // a protected operation requires one of them; a public one none
        String me = description.substring(description.indexOf("/api/v1/me:"));
        assertThat(me.substring(0, me.indexOf("\n  /"))).contains("security:").contains("- bearer: []")
                .contains("- basic: []");
        String themes = description.substring(description.indexOf("/api/v1/themes:"));
        assertThat(themes.substring(0, themes.indexOf("\n  /") < 0 ? themes.length() : themes.indexOf("\n  /")))
                .doesNotContain("security:");
    }

    /** An access token issued by the provider of the tests, signed with its key, valid for {@code seconds}. */
    static SignedJWT issued(String username, String audience, long seconds) {
        return OidcProviderSession.provider().issueToken(OidcProviderSession.ISSUER_ID, "a-regional-portal",
                new DefaultOAuth2TokenCallback(OidcProviderSession.ISSUER_ID, "subject-" + username, "JWT",
                        List.of(audience), Map.of("preferred_username", username), seconds));
    }

    /** The same claims and key id, signed with a key of its own. */
    private static String forged(JWTClaimsSet claims, String keyId) throws JOSEException {
        RSAKey key = new RSAKeyGenerator(2048).keyID(keyId).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** HS256 keyed with the provider's public key, fetched from its JWKS as anyone can. */
    private static String hmacWithThePublicKey(SignedJWT sound) throws Exception {
        JWKSet published = JWKSet.load(OidcProviderSession.provider().jwksUrl(OidcProviderSession.ISSUER_ID).url());
        RSAKey key = (RSAKey) published.getKeyByKeyId(sound.getHeader().getKeyID());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                sound.getJWTClaimsSet());
        jwt.sign(new MACSigner(key.toPublicKey().getEncoded()));
        return jwt.serialize();
    }

    /** The provider's signature over claims that name another account. */
    private static String tampered(SignedJWT sound) throws Exception {
        String[] parts = sound.serialize().split("\\.");
        String other = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new JWTClaimsSet.Builder(
                sound.getJWTClaimsSet()).claim("preferred_username", TestAccounts.of(Role.NETWORK_ADMIN)).build()
                .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return parts[0] + "." + other + "." + parts[2];
    }
}
