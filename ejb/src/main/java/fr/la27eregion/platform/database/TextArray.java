package fr.la27eregion.platform.database;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Stores a list of words in a PostgreSQL {@code text[]} column (a label's mentions): the driver binds a
 * {@code String[]} as an array and reads one back as a {@link java.sql.Array}. Jakarta Persistence has no array
 * type; a join table for a handful of words per row would be one more table to read for nothing. Applied by
 * {@code @Convert} on each such attribute.
 */
@Converter
public class TextArray implements AttributeConverter<List<String>, Object> {

    @Override
    public Object convertToDatabaseColumn(List<String> words) {
        return words == null ? new String[0] : words.toArray(String[]::new);
    }

    @Override
    public List<String> convertToEntityAttribute(Object column) {
        if (column == null) {
            return List.of();
        }
        Object elements = column;
        if (column instanceof Array array) {
            try {
                elements = array.getArray();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a text[] column", e);
            }
        }
        if (elements instanceof Object[] values) {
            return Arrays.stream(values).filter(Objects::nonNull).map(String::valueOf).toList();
        }
        throw new IllegalStateException("A text[] column read as " + elements.getClass().getName());
    }
}
