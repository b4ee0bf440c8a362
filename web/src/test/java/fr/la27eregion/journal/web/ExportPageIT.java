package fr.la27eregion.journal.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SqlJournal;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.browser.Browser;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor exports the journal from its page, in a real Chromium: filtered by actor, "Exporter (XLSX)" opens
 * "Mes exports", where the export's progress is followed until it is ready (the page refreshes itself); the file,
 * fetched through its link with the browser's session, opens in Apache POI with exactly the entries of that actor,
 * and its SHA-256 is the one the page and the manifest show. The page in French and in English, axe-core clean.
 */
@Tag("browser")
@DisplayName("Auditor journeys: exporting the journal")
class ExportPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static SqlJournal seed;

    @BeforeAll
    static void seed() {
        seed = SqlJournal.seed("export", 30);
    }

    @Test
    @DisplayName("an auditor exports the filtered journal as XLSX and opens the file")
    void exportXlsx() throws Exception {
        browser.logInAs(Role.AUDITOR);
        JournalPage journal = new JournalPage(browser).open(browser.application(), "actor=" + seed.actor(), "fr");
        browser.accessibility().assertNoViolations("the journal with its export buttons, in French");
        journal.export("xlsx");

        assertThat(journal.heading()).isEqualTo("Mes exports");
        assertThat(browser.driver().findElement(By.id("messages")).getText()).contains("Export demandé");
        // the newest export (first) is this one: wait until the page, refreshing itself, shows it ready
        browser.waitUntil(Duration.ofSeconds(90), d -> !d.findElements(
                By.cssSelector("li.export")).get(0).findElements(By.cssSelector(".export__file")).isEmpty());
        browser.waitForDocument();
        WebElement export = browser.driver().findElement(By.cssSelector("li.export"));
        WebElement file = export.findElement(By.cssSelector(".export__file"));
        assertThat(export.getText()).contains("Prêt", "journal-", ".xlsx");
        browser.screenshot("exports-fr");
        browser.accessibility().assertNoViolations("my exports, one ready, in French");

        Browser.Download download = browser.download(file.getDomAttribute("href"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.disposition()).startsWith("attachment").contains(".xlsx");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body()));
        assertThat(export.findElement(By.cssSelector(".export__sha256")).getText()).isEqualTo(sha256);
        List<String> expected = Superuser.column("SELECT seq::text FROM journal_entry WHERE actor = ? ORDER BY journal_entry.seq",
                seed.actor());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(expected.size());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(String.valueOf((long) sheet.getRow(r).getCell(0).getNumericCellValue()))
                        .isEqualTo(expected.get(r - 1));
                assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).isEqualTo(seed.actor());
            }
        }
        Browser.Download manifest = browser.download(export.findElement(By.cssSelector(".export__manifest"))
                .getDomAttribute("href"));
        assertThat(new String(manifest.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"sha256\":\"" + sha256 + "\"", "\"rows\":" + expected.size());

        new JournalPage(browser).load(browser.application(), "app/audit/exports.xhtml", "en");
        assertThat(journal.heading()).isEqualTo("My exports");
        assertThat(browser.driver().findElement(By.cssSelector("li.export")).getText()).contains("Ready");
        browser.screenshot("exports-en");
        browser.accessibility().assertNoViolations("my exports, in English");
    }
}
