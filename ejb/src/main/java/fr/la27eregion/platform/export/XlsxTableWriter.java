package fr.la27eregion.platform.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * XLSX with fastexcel, a writer made for large sheets: rows go to the stream as they come (flushed every
 * {@link #FLUSH_EVERY} rows) and text is written inline, not in the shared-strings table, so memory does not grow
 * with the rows. A sheet holds at most {@link #MAX_ROWS} rows (the format's limit): the table goes on in a second
 * sheet, which repeats the column names.
 */
final class XlsxTableWriter implements TableWriter {

    static final int MAX_ROWS = 1_048_576;
    private static final int FLUSH_EVERY = 1_000;
    private static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";

    private final Workbook workbook;
    private final String title;
    private Worksheet sheet;
    private int sheets;
    private int nextRow;
    private List<?> columns;

    private final int maxRows;

    XlsxTableWriter(OutputStream out, String title) {
        this(out, title, MAX_ROWS);
    }

    /** With sheets of at most {@code maxRows} rows, the column names included (the tests' small sheets). */
    XlsxTableWriter(OutputStream out, String title, int maxRows) {
        this.workbook = new Workbook(out, "La 27e Region", "1.0");
        this.title = title;
        this.maxRows = maxRows;
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (columns == null) {
            columns = new ArrayList<>(values);
            newSheet();
            return;
        }
        if (nextRow == maxRows) {
            newSheet();
        }
        write(values);
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        // a sheet's name has at most 31 characters, none of : \ / ? * [ ]
        String name = (title.replaceAll("[:\\\\/?*\\[\\]]", " ") + (sheets == 1 ? "" : " " + sheets));
        sheet = workbook.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
        nextRow = 0;
        write(columns);
        sheet.freezePane(0, 1);
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
    }

    private void write(List<?> values) throws IOException {
        int row = nextRow++;
        for (int column = 0; column < values.size(); column++) {
            Object value = values.get(column);
            if (value == null) {
                continue;
            }
            if (value instanceof Number number) {
                sheet.value(row, column, number);
            } else if (value instanceof Instant instant) {
                sheet.value(row, column, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                sheet.style(row, column).format(TIME_FORMAT).set();
            } else {
                sheet.inlineString(row, column, value.toString());
            }
        }
        if (nextRow % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
