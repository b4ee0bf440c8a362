package fr.la27eregion.platform.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CSV with Commons CSV's RFC 4180 format; times in ISO 8601 UTC, as the API writes them. */
final class CsvTableWriter implements TableWriter {

    private final BufferedWriter text;
    private final CSVPrinter printer;

    CsvTableWriter(OutputStream out) throws IOException {
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.printer = new CSVPrinter(text, CSVFormat.RFC4180);
    }

    @Override
    public void row(List<?> values) throws IOException {
        List<Object> written = new ArrayList<>(values.size());
        for (Object value : values) {
            written.add(value instanceof Instant instant ? instant.toString() : value);
        }
        printer.printRecord(written);
    }

    @Override
    public void close() throws IOException {
        // flushed, not closed: the stream underneath belongs to the caller
        printer.flush();
        text.flush();
    }
}
