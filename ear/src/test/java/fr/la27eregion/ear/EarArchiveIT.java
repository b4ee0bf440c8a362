package fr.la27eregion.ear;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EAR as built: both modules, and the EJB module's libraries in {@code lib/}, shared by both. Maven only
 * warns when it cannot read the POM of {@code platform-ejb} (it then drops its dependencies), which would leave
 * {@code lib/} empty and fail the deployment far from the cause: this says it first.
 */
class EarArchiveIT {

    @Test
    void theEarHoldsBothModulesAndTheLibrariesOfTheEjbModuleInLib() throws Exception {
        Path file = Path.of(System.getProperty("ear.file", "target/platform.ear"));
        try (ZipFile ear = new ZipFile(file.toFile())) {
            List<String> entries = ear.stream().map(ZipEntry::getName).collect(Collectors.toList());

            assertThat(entries).contains("META-INF/application.xml", "platform-ejb.jar", "platform-web.war");
            List<String> libraries = entries.stream().filter(entry -> entry.startsWith("lib/")).toList();
            assertThat(libraries)
                    .anyMatch(entry -> entry.matches("lib/.*flyway-core-[^/]+\\.jar"))
                    .anyMatch(entry -> entry.matches("lib/.*flyway-database-postgresql-[^/]+\\.jar"))
                    .anyMatch(entry -> entry.matches("lib/org\\.postgresql-postgresql-[^/]+\\.jar"))
                    // the type of project attachments, read from their bytes
                    .anyMatch(entry -> entry.matches("lib/.*tika-core-[^/]+\\.jar"))
                    // the label certificate: the PDF, its QR code, the fonts it embeds (without OpenPDF itself)
                    .anyMatch(entry -> entry.matches("lib/.*pdfbox-3[^/]+\\.jar"))
                    .anyMatch(entry -> entry.matches("lib/.*fontbox-[^/]+\\.jar"))
                    .anyMatch(entry -> entry.matches("lib/com\\.google\\.zxing-core-[^/]+\\.jar"))
                    .anyMatch(entry -> entry.matches("lib/.*openpdf-fonts-extra-[^/]+\\.jar"))
                    .noneMatch(entry -> entry.matches("lib/.*openpdf-[0-9][^/]*\\.jar"))
                    // the web module's libraries stay in its WEB-INF/lib; the server's APIs are not shipped
                    .noneMatch(entry -> entry.matches("lib/.*(primefaces|omnifaces|jakarta|microprofile).*"));
        }
    }
}
