package fr.la27eregion.identity.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider's keys as the platform fetches them ({@link SingleSignOn#publishedKeys}), from a JWKS served over
 * HTTP on 127.0.0.1 whose keys the test rotates: a token signed with a key published after the keys were cached is
 * believed at once (its unknown key id makes the platform fetch the keys again, without waiting for the cache to
 * expire), and tokens with invented key ids do not make the platform fetch the keys on every request.
 */
@DisplayName("The identity provider's keys: cached, fetched again for an unknown key id, not hammered")
class ProviderKeyRotationTest {

    private static final String ISSUER = "https://idp.example.org/realms/region";
    private static final String AUDIENCE = "platform";

    private HttpServer server;
    private final AtomicReference<JWKSet> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private SingleSignOn.Provider provider;

    @BeforeEach
    void jwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        URI certs = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
        provider = new SingleSignOn.Provider(new OIDCProviderMetadata(new Issuer(ISSUER),
                List.of(SubjectType.PUBLIC), certs), SingleSignOn.publishedKeys(certs.toURL()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("a key rotated in after the keys were cached is fetched at once; invented key ids fetch nothing more")
    void rotation() throws Exception {
        RSAKey before = new RSAKeyGenerator(2048).keyID("2026-11").generate();
        RSAKey after = new RSAKeyGenerator(2048).keyID("2026-12").generate();
        served.set(new JWKSet(before.toPublicJWK()));

        assertThat(verifiedSubject(before)).isEqualTo("s-1");
        assertThat(verifiedSubject(before)).isEqualTo("s-1");
        assertThat(fetches).as("the keys are fetched once, then cached").hasValue(1);

        // the provider rotates: it publishes the new key (and keeps the old one for tokens still running)
        served.set(new JWKSet(List.of(after.toPublicJWK(), before.toPublicJWK())));
        assertThat(verifiedSubject(after)).as("a token of the new key, the cache still fresh").isEqualTo("s-1");
        assertThat(fetches).as("its unknown key id fetched the keys again").hasValue(2);
        assertThat(verifiedSubject(before)).isEqualTo("s-1");
        assertThat(fetches).hasValue(2);

        // a flood of tokens signed with keys the provider never published
        for (int i = 0; i < 20; i++) {
            RSAKey invented = new RSAKeyGenerator(2048).keyID("invented-" + i).generate();
            assertThatThrownBy(() -> verifiedSubject(invented)).isInstanceOf(SecurityException.class);
        }
        assertThat(fetches.get()).as("unknown key ids are rate-limited: at most one more fetch in 30 seconds")
                .isLessThanOrEqualTo(3);
        assertThat(verifiedSubject(after)).as("the sound tokens still pass").isEqualTo("s-1");
    }

    private String verifiedSubject(RSAKey key) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).subject("s-1").audience(AUDIENCE)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).build());
        jwt.sign(new RSASSASigner(key));
        return ProviderTokens.verified(provider, AUDIENCE, jwt.serialize(), Clock.systemUTC()).getSubject();
    }
}
