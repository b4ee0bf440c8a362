package fr.la27eregion.opendata.boundary;

/**
 * The kind of value a column holds, as the CSV writes it and the JSON Schema types it. A {@code LIST} is a list of
 * texts: a JSON array, and in CSV its items separated by {@value #LIST_SEPARATOR}. A {@code PATH} is an address on
 * this site ({@code /public/projets/42-ecoles}) written out as an absolute URL.
 */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, DATE, DATE_TIME, URL, PATH, LIST;

    public static final String LIST_SEPARATOR = "|";
}
