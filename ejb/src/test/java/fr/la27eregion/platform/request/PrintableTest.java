package fr.la27eregion.platform.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrintableTest {

    @Test
    void keepsPrintableAsciiAndReplacesTheRest() {
        assertThat(Printable.of("marie.dupont")).isEqualTo("marie.dupont");
        assertThat(Printable.of("a\nb\tc é")).isEqualTo("a?b?c ?");
        assertThat(Printable.of(null)).isEmpty();
    }

    @Test
    void aCharacterOutsideTheBasicMultilingualPlaneIsOneMarkNotAFailure() {
        assertThat(Printable.of("jury\uD83D\uDE00")).isEqualTo("jury?");
        assertThat(Printable.of("\uD83D\uDE00".repeat(100))).isEqualTo("?".repeat(64));
        assertThat(Printable.of("x".repeat(63) + "\uD83D\uDE00" + "y")).isEqualTo("x".repeat(63) + "?");
    }

    @Test
    void keepsAtMostSixtyFourCharacters() {
        assertThat(Printable.of("a".repeat(200))).hasSize(64);
    }
}
