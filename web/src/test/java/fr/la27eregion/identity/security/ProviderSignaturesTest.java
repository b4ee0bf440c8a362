package fr.la27eregion.identity.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks of the provider's tokens, against a provider whose keys are generated here: the ID token of a single
 * sign-on ({@link SingleSignOn#verifiedIdToken}) and the access token of an API client
 * ({@link ProviderTokens#verified}). The same checks against the real provider of the tests are in
 * {@code OidcIT} and {@code ProviderTokensIT}; here the tokens the provider of the tests cannot be made to issue
 * (an ID token signed with a key it does not publish, a not-before in the future).
 */
@DisplayName("Signatures and claims of the identity provider's tokens")
class ProviderSignaturesTest {

    private static final String ISSUER = "https://idp.example.org/realms/region";
    private static final String CLIENT = "platform";

    private static final Clock CLOCK = Clock.systemUTC();

    private static RSAKey published;
    private static RSAKey unpublished;
    private static SingleSignOn.Provider provider;

    @BeforeAll
    static void provider() throws JOSEException {
        published = new RSAKeyGenerator(2048).keyID("k1").generate();
        // same key id as the published one: only the signature tells them apart
        unpublished = new RSAKeyGenerator(2048).keyID("k1").generate();
        OIDCProviderMetadata metadata = new OIDCProviderMetadata(new Issuer(ISSUER), List.of(SubjectType.PUBLIC),
                URI.create(ISSUER + "/certs"));
        provider = new SingleSignOn.Provider(metadata, new ImmutableJWKSet<>(new JWKSet(published.toPublicJWK())));
    }

    @Test
    @DisplayName("an ID token signed with a published key, for this client and this login, is believed")
    void aSoundIdToken() throws Exception {
        assertThat(SingleSignOn.verifiedIdToken(provider, new ClientID(CLIENT), signed(published, c -> c),
                new Nonce("n-1")).getStringClaim("preferred_username")).isEqualTo("auditor");
    }

    @Test
    @DisplayName("an ID token signed with another key, unsigned, HMAC-signed with the public key, of another"
            + " audience, issuer or login, or expired, is refused")
    void unsoundIdTokens() throws Exception {
        List<JWT> refused = List.of(
                signed(unpublished, c -> c),
                new PlainJWT(claims(c -> c)),
                hmacWithThePublicKey(claims(c -> c)),
                signed(published, c -> c.audience("another-client")),
                signed(published, c -> c.issuer("https://elsewhere.example.org")),
                signed(published, c -> c.claim("nonce", "another-login")),
                signed(published, c -> c.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))));
        for (JWT token : refused) {
            assertThatThrownBy(() -> SingleSignOn.verifiedIdToken(provider, new ClientID(CLIENT), token,
                    new Nonce("n-1"))).as(token.getHeader().toString()).isInstanceOf(SecurityException.class);
        }
    }

    @Test
    @DisplayName("an access token is believed for its audience; the same checks refuse the unsound ones")
    void accessTokens() throws Exception {
        UnaryOperator<JWTClaimsSet.Builder> access = c -> c.claim("nonce", null);
        assertThat(ProviderTokens.verified(provider, CLIENT, signed(published, access).serialize(), CLOCK)
                .getStringClaim("preferred_username")).isEqualTo("auditor");
        assertThat(ProviderTokens.verified(provider, "platform-api", signed(published,
                c -> access.apply(c).audience(List.of("platform-api", "account"))).serialize(), CLOCK).getSubject())
                .isEqualTo("s-1");
        List<String> refused = List.of(
                signed(published, c -> c).serialize(), // an ID token (with its nonce), not an access token
                signed(unpublished, access).serialize(),
                new PlainJWT(claims(access)).serialize(),
                hmacWithThePublicKey(claims(access)).serialize(),
                signed(published, c -> access.apply(c).audience("another-client")).serialize(),
                signed(published, c -> access.apply(c).issuer("https://elsewhere.example.org")).serialize(),
                signed(published, c -> access.apply(c)
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))))).serialize(),
                signed(published, c -> access.apply(c).expirationTime(null)).serialize(),
                signed(published, c -> access.apply(c)
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))).serialize(),
                "not.a.token", "");
        String sound = signed(published, access).serialize();
        assertThatThrownBy(() -> ProviderTokens.verified(provider, CLIENT, sound,
                Clock.offset(CLOCK, Duration.ofMinutes(7)))).as("expiry by the platform's clock")
                .isInstanceOf(SecurityException.class);
        for (String token : refused) {
            assertThatThrownBy(() -> ProviderTokens.verified(provider, CLIENT, token, CLOCK)).as(token)
                    .isInstanceOf(SecurityException.class);
        }
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer(ISSUER).subject("s-1").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", "n-1").claim("preferred_username", "auditor")).build();
    }

    private static SignedJWT signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims(change));
        jwt.sign(new RSASSASigner(key));
        return jwt;
    }

    /** The "key confusion" forgery: HS256 keyed with the provider's public key, which anyone can fetch. */
    private static SignedJWT hmacWithThePublicKey(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims);
        jwt.sign(new MACSigner(published.toPublicKey().getEncoded()));
        return jwt;
    }
}
