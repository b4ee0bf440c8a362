package fr.la27eregion.platform.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDispositionTest {

    @Test
    void theNameGoesInUtf8PercentEncodedWithAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("Bilan de l'été 2025.pdf")).isEqualTo(
                "attachment; filename=\"Bilan de l'_t_ 2025.pdf\"; filename*=UTF-8''Bilan%20de%20l%27%C3%A9t%C3%A9%202025.pdf");
    }

    @Test
    void quotesBackslashesAndLineBreaksCannotBreakTheHeader() {
        String header = ContentDisposition.attachment("a\"b\\c\r\nSet-Cookie: x.pdf");
        assertThat(header).doesNotContain("\r", "\n").startsWith("attachment; filename=\"a_b_c__Set-Cookie: x.pdf\";")
                .endsWith("filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.pdf");
    }
}
