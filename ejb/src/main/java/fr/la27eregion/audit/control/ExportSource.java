package fr.la27eregion.audit.control;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A table of the workspace as an export reads it: its columns, how many rows it will have, and its rows one after
 * the other, all read in the export's connection (one snapshot: count, rows and the journal's head agree).
 */
public interface ExportSource {

    /** The sheet's name and the start of the file's. */
    String title();

    /** The columns' names, as the API and the README name them. */
    List<String> columns();

    /** How many rows {@link #rows} will give (for the progress shown). */
    long count(Connection connection) throws SQLException;

    /** Hands each row to {@code sink}, in order, without keeping any. */
    void rows(Connection connection, RowSink sink) throws SQLException, IOException;

    /** Where rows go. */
    @FunctionalInterface
    interface RowSink {
        void accept(List<?> row) throws IOException;
    }
}
