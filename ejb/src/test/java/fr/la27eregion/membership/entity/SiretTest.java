package fr.la27eregion.membership.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {"73282932000074", "732 829 320 00074", "35600000000048", "11000101300017"})
    void validSiretsAreAcceptedWithOrWithoutSpaces(String text) {
        Siret siret = Siret.parse(text);
        assertThat(siret.value()).hasSize(14).containsOnlyDigits();
        assertThat(siret.siren()).isEqualTo(siret.value().substring(0, 9));
    }

    @ParameterizedTest
    @CsvSource({
        "73282932000075, WRONG_KEY",
        "7328293200007, WRONG_LENGTH",
        "732829320000740, WRONG_LENGTH",
        "7328293200007A, NOT_DIGITS",
        "732-829-320-00074, NOT_DIGITS"
    })
    void eachProblemIsNamed(String text, Siret.Problem problem) {
        assertThat(Siret.check(text)).isEqualTo(problem);
        assertThatThrownBy(() -> Siret.parse(text))
                .isInstanceOfSatisfying(Siret.Invalid.class, invalid -> assertThat(invalid.problem()).isEqualTo(problem));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsMissing(String text) {
        assertThatThrownBy(() -> Siret.parse(text))
                .isInstanceOfSatisfying(Siret.Invalid.class,
                        invalid -> assertThat(invalid.problem()).isEqualTo(Siret.Problem.MISSING));
    }
}
