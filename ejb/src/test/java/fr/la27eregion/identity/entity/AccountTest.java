package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of an account: roles and organisation, lockout, enabling. */
class AccountTest {

    private static final UnaryOperator<String> HASH = p -> "hashed:" + p;
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);

    private static Account reviewer() {
        return Account.create("a.expert", "Anne Expert", "anne@example.org", "cheval agrafe pile 27",
                Set.of(Role.REVIEWER), null, HASH, NOW);
    }

    private static void lock(Account account) {
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, 5, LOCK);
        }
    }

    @Test
    void aNewAccountIsEnabledWithTheHashOnly() {
        Account account = reviewer();
        assertThat(account.canLogIn(NOW)).isTrue();
        assertThat(account.passwordHash()).isEqualTo("hashed:cheval agrafe pile 27");
        assertThat(account.roles()).containsExactly(Role.REVIEWER);
    }

    @Test
    void coordinatorsAndContributorsNeedAnOrganisation() {
        for (Role role : Set.of(Role.MEMBER_COORDINATOR, Role.CONTRIBUTOR)) {
            assertThatThrownBy(() -> Account.create("c.region", "C", "c@example.org", "cheval agrafe pile 27",
                    Set.of(role), null, HASH, NOW))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining(role.name())
                    .hasMessageContaining("organisation");
        }
        Account coordinator = Account.create("c.region", "C", "c@example.org", "cheval agrafe pile 27",
                Set.of(Role.MEMBER_COORDINATOR), 7L, HASH, NOW);
        assertThat(coordinator.organisationId()).contains(7L);
    }

    @Test
    void anAccountNeedsARole() {
        Account account = reviewer();
        assertThatThrownBy(() -> account.changeRoles(Set.of(), null)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("at least one role");
    }

    @Test
    void theUsernameHasAFormat() {
        assertThatThrownBy(() -> Account.create("Anne Expert", "A", "a@example.org", "cheval agrafe pile 27",
                Set.of(Role.JURY), null, HASH, NOW)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void thePasswordPolicyAppliesOnCreation() {
        assertThatThrownBy(() -> Account.create("anne", "A", "a@example.org", "short", Set.of(Role.JURY), null,
                HASH, NOW)).isInstanceOf(RuleViolation.class).hasMessageContaining("12");
    }

    @Test
    void theFifthFailureInARowLocksForTheConfiguredTime() {
        Account account = reviewer();
        for (int i = 1; i <= 4; i++) {
            assertThat(account.recordFailedLogin(NOW, 5, LOCK)).isFalse();
        }
        assertThat(account.recordFailedLogin(NOW, 5, LOCK)).isTrue();
        assertThat(account.canLogIn(NOW.plus(Duration.ofMinutes(14)))).isFalse();
        assertThat(account.canLogIn(NOW.plus(LOCK))).isTrue();
    }

    @Test
    void aSuccessClearsTheFailures() {
        Account account = reviewer();
        account.recordFailedLogin(NOW, 5, LOCK);
        account.recordFailedLogin(NOW, 5, LOCK);
        account.recordSuccessfulLogin(NOW);
        assertThat(account.failedLogins()).isZero();
        for (int i = 1; i <= 4; i++) {
            account.recordFailedLogin(NOW, 5, LOCK);
        }
        assertThat(account.canLogIn(NOW)).isTrue();
    }

    @Test
    void failuresAfterALockExpiredStartCountingAgain() {
        Account account = reviewer();
        lock(account);
        Instant later = NOW.plus(Duration.ofMinutes(20));
        assertThat(account.recordFailedLogin(later, 5, LOCK)).isFalse();
        assertThat(account.failedLogins()).isEqualTo(1);
        assertThat(account.canLogIn(later)).isTrue();
    }

    @Test
    void aDisabledAccountNeverLogsInAndEnablingClearsALock() {
        Account account = reviewer();
        account.disable();
        assertThat(account.canLogIn(NOW)).isFalse();
        lock(account);
        account.enable();
        assertThat(account.canLogIn(NOW)).isTrue();
    }

    @Test
    void aNewPasswordEndsALock() {
        Account account = reviewer();
        lock(account);
        account.changePassword("une autre phrase longue", HASH);
        assertThat(account.canLogIn(NOW)).isTrue();
    }

    @Test
    void aSuccessfulLoginHasSomethingToResetOnlyAfterAFailure() {
        Account account = Account.create("marie", "Marie", "marie@example.org", "trois pommes vertes",
                Set.of(Role.JURY), null, HASH, NOW);
        assertThat(account.hasNothingToReset()).isTrue();
        account.recordFailedLogin(NOW, 5, Duration.ofMinutes(15));
        assertThat(account.hasNothingToReset()).isFalse();
        account.recordSuccessfulLogin(NOW);
        assertThat(account.hasNothingToReset()).isTrue();
    }

    @Test
    void aPersonReplacesTheirPasswordWithADifferentOneThatFollowsThePolicy() {
        Account account = reviewer();
        assertThatThrownBy(() -> account.replacePassword("cheval agrafe pile 27", "cheval agrafe pile 27", HASH))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.passwordUnchanged"));
        assertThatThrownBy(() -> account.replacePassword("cheval agrafe pile 27", "court", HASH))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.passwordTooShort"));
        assertThat(account.passwordHash()).isEqualTo("hashed:cheval agrafe pile 27");

        account.replacePassword("cheval agrafe pile 27", "un velo rouge sous la pluie", HASH);
        assertThat(account.passwordHash()).isEqualTo("hashed:un velo rouge sous la pluie");
    }

    @Test
    void anAccountReadsFrenchUntilItChoosesEnglish() {
        Account account = reviewer();
        assertThat(account.language()).isEqualTo("fr");
        account.chooseLanguage("en");
        assertThat(account.language()).isEqualTo("en");
        assertThatThrownBy(() -> account.chooseLanguage("de")).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).key()).isEqualTo("identity.rule.languageUnknown"));
        assertThatThrownBy(() -> account.chooseLanguage(null)).isInstanceOf(RuleViolation.class);
        assertThat(account.language()).isEqualTo("en");
    }
}
