package fr.la27eregion.platform.export;

import java.io.IOException;
import java.util.List;

/**
 * Writes a table row after row onto a stream; nothing of a row is kept once the next one is written. A value is
 * written as what it is: text, a number, a time ({@link java.time.Instant}, shown in UTC), or nothing ({@code null}).
 */
public interface TableWriter extends AutoCloseable {

    void row(List<?> values) throws IOException;

    /** Ends the file (the spreadsheet's closing parts); the stream underneath stays open. */
    @Override
    void close() throws IOException;
}
