package fr.la27eregion.platform.files;

import fr.la27eregion.platform.files.AttachmentRefused.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachmentNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd.pdf", "C:\\x\\y.pdf", "/etc/passwd", "dossier/rapport.pdf", "..\\a.pdf"})
    void aPathInTheNameIsRefused(String given) {
        assertThatThrownBy(() -> AttachmentName.of(given)).isInstanceOfSatisfying(AttachmentRefused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Reason.PATH);
            assertThat(refused.field()).contains("file");
            assertThat(refused.getMessage()).contains("folder path");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "...", "\u202e\u0000 \n", ". ."})
    void aNameWithNothingLeftIsRefused(String given) {
        assertThatThrownBy(() -> AttachmentName.of(given)).isInstanceOfSatisfying(AttachmentRefused.class,
                refused -> assertThat(refused.reason()).isEqualTo(Reason.NAME));
    }

    @Test
    void invisibleCharactersLeadingDotsAndRunsOfSpacesGo() {
        assertThat(AttachmentName.of("..rapport\u202egpj.exe").value()).isEqualTo("rapportgpj.exe");
        assertThat(AttachmentName.of("  Bilan \t  2024\r\n.pdf ").value()).isEqualTo("Bilan 2024.pdf");
        assertThat(AttachmentName.of("E\u0301cole.pdf").value()).isEqualTo("École.pdf");
    }

    @Test
    void theExtensionMustNameTheTypeOfTheContent() {
        assertThat(AttachmentName.of("Rapport final.PDF").checkedFor(AttachmentType.PDF)).isEqualTo("Rapport final.PDF");
        assertThat(AttachmentName.of("photo.jpeg").checkedFor(AttachmentType.JPEG)).isEqualTo("photo.jpeg");
        assertThat(AttachmentName.of("Bilan v2.3").checkedFor(AttachmentType.PDF)).isEqualTo("Bilan v2.3.pdf");
        assertThatThrownBy(() -> AttachmentName.of("photo.pdf").checkedFor(AttachmentType.PNG))
                .isInstanceOfSatisfying(AttachmentRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.MISLABELLED);
                    assertThat(refused.getMessage()).contains(".pdf").contains("PNG");
                });
        assertThatThrownBy(() -> AttachmentName.of("outil.exe").checkedFor(AttachmentType.PDF))
                .isInstanceOfSatisfying(AttachmentRefused.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.MISLABELLED));
    }

    @Test
    void aLongNameIsShortenedWithItsExtension() {
        String name = AttachmentName.of("é".repeat(300) + ".docx").value();
        assertThat(name).hasSize(AttachmentName.MAX).endsWith("é.docx");
        String added = AttachmentName.of("a".repeat(300)).checkedFor(AttachmentType.PDF);
        assertThat(added).hasSize(AttachmentName.MAX).endsWith("a.pdf");
    }
}
