package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.time.Clocks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {

    /** 23:30 in Paris on 10 March 2026: already the 10th in France, still the 10th in UTC too (22:30). */
    private static final Instant NOW = ZonedDateTime.of(2026, 3, 10, 23, 30, 0, 0, Clocks.FRANCE).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void withoutAChosenDayATokenWorksTheDefaultNumberOfDaysToTheEndOfTheDayInFrance() {
        Instant expiry = AccessToken.expiry(null, NOW, 90, 365);
        assertThat(expiry).isEqualTo(TODAY.plusDays(91).atStartOfDay(Clocks.FRANCE).toInstant());
    }

    @Test
    void theDefaultNeverExceedsTheMaximum() {
        assertThat(AccessToken.expiry(null, NOW, 500, 30))
                .isEqualTo(TODAY.plusDays(31).atStartOfDay(Clocks.FRANCE).toInstant());
    }

    @Test
    void aChosenDayFromTomorrowToAYearAheadIsAccepted() {
        assertThat(AccessToken.expiry(TODAY.plusDays(1), NOW, 90, 365))
                .isEqualTo(TODAY.plusDays(2).atStartOfDay(Clocks.FRANCE).toInstant());
        assertThat(AccessToken.expiry(TODAY.plusDays(365), NOW, 90, 365))
                .isEqualTo(TODAY.plusDays(366).atStartOfDay(Clocks.FRANCE).toInstant());
    }

    @Test
    void todayOrAPastDayIsRefusedOnTheExpiryField() {
        for (LocalDate day : new LocalDate[] {TODAY, TODAY.minusDays(1)}) {
            assertThatThrownBy(() -> AccessToken.expiry(day, NOW, 90, 365)).isInstanceOf(RuleViolation.class)
                    .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.tokenExpiryPast"))
                    .satisfies(e -> assertThat(((RuleViolation) e).field()).contains("expiresOn"));
        }
    }

    @Test
    void moreThanTheMaximumAheadIsRefused() {
        assertThatThrownBy(() -> AccessToken.expiry(TODAY.plusDays(366), NOW, 90, 365))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.tokenExpiryTooFar"));
    }

    @Test
    void aTokenNeedsANameOfAtMost100CharactersAndAScope() {
        TokenSecret secret = TokenSecret.generate();
        Instant expiry = AccessToken.expiry(null, NOW, 90, 365);
        assertThatThrownBy(() -> AccessToken.issue(null, "  ", TokenScope.READ, secret, NOW, expiry))
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.tokenNameRequired"));
        assertThatThrownBy(() -> AccessToken.issue(null, "x".repeat(101), TokenScope.READ, secret, NOW, expiry))
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.tokenNameLength"));
        assertThatThrownBy(() -> AccessToken.issue(null, "Portail", null, secret, NOW, expiry))
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.tokenScopeRequired"));
    }

    @Test
    void aTokenIsActiveUntilItExpiresOrIsRevoked() {
        TokenSecret secret = TokenSecret.generate();
        Instant expiry = AccessToken.expiry(TODAY.plusDays(1), NOW, 90, 365);
        AccessToken token = AccessToken.issue(null, " Portail ", TokenScope.READ_WRITE, secret, NOW, expiry);
        assertThat(token.name()).isEqualTo("Portail");
        assertThat(token.prefix()).isEqualTo(secret.prefix());
        assertThat(token.lastDay()).isEqualTo(TODAY.plusDays(1));
        assertThat(token.state(NOW)).isEqualTo(AccessToken.State.ACTIVE);
        assertThat(token.state(expiry.minusSeconds(1))).isEqualTo(AccessToken.State.ACTIVE);
        assertThat(token.state(expiry)).isEqualTo(AccessToken.State.EXPIRED);
        token.revoke("network-admin", NOW);
        token.revoke("someone-else", NOW.plusSeconds(60));
        assertThat(token.state(NOW)).isEqualTo(AccessToken.State.REVOKED);
        assertThat(token.revokedBy()).contains("network-admin");
        assertThat(token.revokedAt()).contains(NOW);
    }

    @Test
    void aReadTokenOnlyReads() {
        for (String safe : Set.of("GET", "HEAD", "OPTIONS")) {
            assertThat(TokenScope.READ.allows(safe)).isTrue();
        }
        for (String write : Set.of("POST", "PUT", "PATCH", "DELETE")) {
            assertThat(TokenScope.READ.allows(write)).as(write).isFalse();
            assertThat(TokenScope.READ_WRITE.allows(write)).as(write).isTrue();
        }
    }
}
