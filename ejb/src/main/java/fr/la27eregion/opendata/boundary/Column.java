package fr.la27eregion.opendata.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Stream;

/**
 * A column of a dataset: its name (the CSV header and the JSON member), its type, whether it may be empty and, for a
 * coded column, the codes it may hold with the bundle prefix of their words ({@code project.ProjectStage.}). Its
 * meaning, in French and English, is in the web module's bundles ({@code opendata.<dataset>.column.<name>}).
 */
public record Column(String name, ColumnType type, boolean required, List<String> codes, String codeWords)
        implements Serializable {

    public Column {
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    static Column required(String name, ColumnType type) {
        return new Column(name, type, true, List.of(), null);
    }

    static Column optional(String name, ColumnType type) {
        return new Column(name, type, false, List.of(), null);
    }

    /** A column of the constants of an enum, whose words are the bundle's {@code codeWords + constant}. */
    static Column coded(String name, List<? extends Enum<?>> codes, String codeWords) {
        return new Column(name, ColumnType.TEXT, true, codes.stream().map(Enum::name).toList(), codeWords);
    }

    static <E extends Enum<E>> Column coded(String name, Class<E> codes, String codeWords) {
        return coded(name, Stream.of(codes.getEnumConstants()).toList(), codeWords);
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

    public List<String> getCodes() {
        return codes;
    }

    public String getCodeWords() {
        return codeWords;
    }
}
