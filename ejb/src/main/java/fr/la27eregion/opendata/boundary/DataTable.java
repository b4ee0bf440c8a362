package fr.la27eregion.opendata.boundary;

import java.time.Instant;
import java.util.List;

/**
 * A dataset as read now: its rows (each a list of values in the order of the dataset's columns; null for empty,
 * a {@code List<String>} for a {@code LIST} column) and the instant its data last changed.
 */
public record DataTable(Dataset dataset, Instant modified, List<List<Object>> rows) {
}
