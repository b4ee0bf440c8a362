package fr.la27eregion.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The formats a table is exported in: its media type, the extension of its file, and its writer. */
public enum ExportFormat {

    /** RFC 4180 (comma, CRLF, quotes where needed), UTF-8 without byte order mark: what data tools read. */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** Office Open XML spreadsheet: what a civil servant opens in a spreadsheet program without import settings. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * A writer of this format onto {@code out}, its first row the column names. Closing the writer ends the file
     * and leaves {@code out} open.
     *
     * @param title the sheet's name in a spreadsheet (unused in CSV)
     */
    public TableWriter open(OutputStream out, String title, List<String> columns) throws IOException {
        TableWriter writer = this == CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out, title);
        writer.row(columns);
        return writer;
    }

    /** The format named so (case ignored), or an {@link IllegalArgumentException} naming the formats there are. */
    public static ExportFormat named(String name) {
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("The format is CSV or XLSX, not " + name);
    }
}
