package fr.la27eregion.platform.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableWriterTest {

    private static final List<String> COLUMNS = List.of("n°", "quand", "raison");
    private static final Instant WHEN = Instant.parse("2026-03-01T09:30:15Z");
    private static final String AWKWARD = "Région « Île-de-France », \"dit-il\"\nligne 2";

    @Test
    void csvIsRfc4180ThatAStandardParserReadsBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.CSV.open(out, "journal", COLUMNS)) {
            writer.row(Arrays.asList(1L, WHEN, AWKWARD));
            writer.row(Arrays.asList(2L, null, null));
        }
        out.write('#'); // the writer left the stream open

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("n°,quand,raison\r\n").endsWith("\r\n#");
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new InputStreamReader(
                new ByteArrayInputStream(text.substring(0, text.length() - 1).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).getRecords();
        assertThat(records).hasSize(3);
        assertThat(records.get(1).values()).containsExactly("1", "2026-03-01T09:30:15Z", AWKWARD);
        assertThat(records.get(2).values()).containsExactly("2", "", "");
    }

    @Test
    void xlsxOpensInApachePoiWithTypedCellsAndTheNamesInBold() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = ExportFormat.XLSX.open(out, "Journal: 2026/03", COLUMNS)) {
            writer.row(Arrays.asList(1L, WHEN, AWKWARD));
            writer.row(Arrays.asList(2L, null, "x"));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Journal  2026 03");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row names = sheet.getRow(0);
            assertThat(names.getCell(0).getStringCellValue()).isEqualTo("n°");
            assertThat(workbook.getFontAt(names.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getLocalDateTimeCellValue()).isEqualTo("2026-03-01T09:30:15");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo(AWKWARD);
            assertThat(sheet.getRow(2).getCell(1)).isNull();
        }
    }

    @Test
    void aTableLongerThanASheetGoesOnInAnotherSheetThatRepeatsTheNames() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = new XlsxTableWriter(out, "journal", 4)) {
            writer.row(COLUMNS);
            for (long n = 1; n <= 7; n++) {
                writer.row(List.of(n, WHEN, "r" + n));
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(1)).isEqualTo("journal 2");
            Sheet second = workbook.getSheetAt(1);
            assertThat(second.getRow(0).getCell(2).getStringCellValue()).isEqualTo("raison");
            assertThat(second.getRow(1).getCell(2).getStringCellValue()).isEqualTo("r4");
            assertThat(workbook.getSheetAt(2).getRow(1).getCell(2).getStringCellValue()).isEqualTo("r7");
            assertThat(workbook.getSheetAt(2).getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void aFormatIsNamedCsvOrXlsx() {
        assertThat(ExportFormat.named(" xlsx")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> ExportFormat.named("pdf")).hasMessageContaining("CSV or XLSX");
    }
}
