package fr.la27eregion.identity.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rules after ANSSI: length, common passwords, the username inside. */
class PasswordPolicyTest {

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThatCode(() -> PasswordPolicy.check("marie.dupont", "cheval agrafe pile 27")).doesNotThrowAnyException();
    }

    @Test
    void elevenCharactersAreTooFew() {
        assertThatThrownBy(() -> PasswordPolicy.check("marie", "Abcdefgh1!x"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("at least 12 characters")
                .extracting(e -> ((RuleViolation) e).key()).isEqualTo("identity.rule.passwordTooShort");
    }

    @Test
    void aNullPasswordIsTooShortNotAFailure() {
        assertThatThrownBy(() -> PasswordPolicy.check("marie", null)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aCommonPasswordIsRefusedWhateverItsCase() {
        assertThatThrownBy(() -> PasswordPolicy.check("marie", "MotDePasse2026"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("commonly used");
    }

    @Test
    void thePasswordMustNotContainTheUsername() {
        assertThatThrownBy(() -> PasswordPolicy.check("jdupont", "mon-JDupont-a-moi-42"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("username");
    }

    @Test
    void aPasswordLongerThan128CharactersIsRefused() {
        assertThatThrownBy(() -> PasswordPolicy.check("marie", "x".repeat(129)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("at most 128");
    }
}
