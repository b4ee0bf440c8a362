package fr.la27eregion.identity.entity;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSecretTest {

    @Test
    void aNewSecretHasThePrefixTheRandomPartAndTheChecksum() {
        TokenSecret secret = TokenSecret.generate();
        assertThat(secret.value()).startsWith("l27_").hasSize(4 + 43 + 6).matches("l27_[A-Za-z0-9_-]+");
        assertThat(TokenSecret.parse(secret.value())).map(TokenSecret::value).contains(secret.value());
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(TokenSecret.generate().value())).isTrue();
        }
    }

    @Test
    void onlyTheSha256IsKeptAndTheDisplayPrefixIsTheStartOfTheSecret() {
        TokenSecret secret = TokenSecret.generate();
        assertThat(secret.hash()).hasSize(64).matches("[0-9a-f]+").doesNotContain(secret.value().substring(4));
        assertThat(secret.hash()).isEqualTo(TokenSecret.parse(secret.value()).orElseThrow().hash());
        assertThat(secret.prefix()).hasSize(12).isEqualTo(secret.value().substring(0, 12));
        assertThat(secret.toString()).doesNotContain(secret.value().substring(12));
    }

    @Test
    void aTruncatedAlteredOrForeignStringIsRefusedByItsShapeOrChecksum() {
        String good = TokenSecret.generate().value();
        char last = good.charAt(20);
        String altered = good.substring(0, 20) + (last == 'A' ? 'B' : 'A') + good.substring(21);
        for (String bad : new String[] {null, "", "l27_", good.substring(0, good.length() - 1), good + "x", altered,
            "ghp_" + good.substring(4), "L27_" + good.substring(4), good.replace('l', ' ')}) {
            assertThat(TokenSecret.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aStringOfTheRightShapeWithoutTheChecksumIsRefused() {
        String good = TokenSecret.generate().value();
        String forged = good.substring(0, good.length() - 6) + "AAAAAA";
        assertThat(forged).hasSameSizeAs(good);
        assertThat(TokenSecret.parse(forged)).isEmpty();
    }

    @Test
    void onlyThePrefixClaimsAToken() {
        assertThat(TokenSecret.claims("l27_whatever")).isTrue();
        assertThat(TokenSecret.claims("eyJhbGciOiJSUzI1NiJ9.e30.x")).isFalse();
        assertThat(TokenSecret.claims(null)).isFalse();
    }
}
