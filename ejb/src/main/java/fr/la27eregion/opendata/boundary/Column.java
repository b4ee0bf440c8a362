package fr.la27eregion.opendata.boundary;

import java.io.Serializable;

/**
 * A column of a dataset: its name (the CSV header and the JSON member), its type, whether it may be empty. Its
 * meaning, in French and English, is in the web module's bundles ({@code opendata.<dataset>.<name>}).
 */
public record Column(String name, ColumnType type, boolean required) implements Serializable {

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    public String getName() {
        return name;
    }

    public ColumnType getType() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }
}
