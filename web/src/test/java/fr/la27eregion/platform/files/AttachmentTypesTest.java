package fr.la27eregion.platform.files;

import fr.la27eregion.platform.files.AttachmentRefused;
import fr.la27eregion.platform.files.AttachmentRefused.Reason;
import fr.la27eregion.platform.files.AttachmentType;
import fr.la27eregion.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The type of a file from its bytes alone (here in the web module, beside the sample files the ITs share). */
class AttachmentTypesTest {

    @TempDir
    Path folder;

    @Test
    void eachKindTakenIsRecognisedFromItsBytes() throws IOException {
        assertThat(AttachmentTypes.of(file(SampleFiles.pdf()))).isEqualTo(AttachmentType.PDF);
        assertThat(AttachmentTypes.of(file(SampleFiles.png()))).isEqualTo(AttachmentType.PNG);
        assertThat(AttachmentTypes.of(file(SampleFiles.jpeg()))).isEqualTo(AttachmentType.JPEG);
        assertThat(AttachmentTypes.of(file(SampleFiles.docx()))).isEqualTo(AttachmentType.DOCX);
        assertThat(AttachmentTypes.of(file(SampleFiles.odt()))).isEqualTo(AttachmentType.ODT);
    }

    @Test
    void executablesAZipAMacroDocumentAndTextAreRefused() throws IOException {
        assertRefused(SampleFiles.elf(), "application/x-executable");
        assertRefused(SampleFiles.exe(), "application/x-msdownload");
        assertRefused(SampleFiles.zip(), "application/zip");
        assertRefused("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "text/html");
        // a Word document with macros declares another main part: not a DOCX
        assertRefused(zip("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType="
                + "\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>", "word/document.xml", "<w/>"),
                "application/");
        // the entries of a Word document without its declaration, or an ODT mimetype for a spreadsheet
        assertRefused(zip("word/document.xml", "<w/>", "notes.txt", "x"), "application/zip");
        assertRefused(zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<c/>"),
                "application/");
    }

    private void assertRefused(byte[] bytes, String detected) throws IOException {
        Path file = file(bytes);
        assertThatThrownBy(() -> AttachmentTypes.of(file)).isInstanceOfSatisfying(AttachmentRefused.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.TYPE);
                    assertThat(refused.getMessage()).contains(detected);
                });
    }

    private Path file(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(folder, "sample", ".bin"), bytes);
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
