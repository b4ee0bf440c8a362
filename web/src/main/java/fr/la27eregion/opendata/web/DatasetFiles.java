package fr.la27eregion.opendata.web;

import fr.la27eregion.opendata.boundary.Column;
import fr.la27eregion.opendata.boundary.ColumnType;
import fr.la27eregion.opendata.boundary.Dataset;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes a dataset's rows as they are read: CSV (RFC 4180, UTF-8, a header row of the column names, lists joined by
 * {@value ColumnType#LIST_SEPARATOR}, dates in ISO 8601) or JSON (an object that names the dataset, its licence, its
 * date and its schema, then its records), and describes the JSON by a JSON Schema (draft 2020-12).
 */
final class DatasetFiles {

    static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private DatasetFiles() {
    }

    /** The rows' sink that prints them as CSV records, after the header. */
    static Consumer<List<Object>> csv(Dataset dataset, Writer out, String site) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(dataset.columns().stream().map(Column::name).toArray(String[]::new)).build());
        return row -> {
            try {
                for (int i = 0; i < row.size(); i++) {
                    printer.print(csvValue(dataset.columns().get(i), row.get(i), site));
                }
                printer.println();
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
        };
    }

    private static String csvValue(Column column, Object value, String site) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> items) {
            return String.join(ColumnType.LIST_SEPARATOR, items.stream().map(String::valueOf).toList());
        }
        return text(column, value, site);
    }

    private static String text(Column column, Object value, String site) {
        if (column.type() == ColumnType.PATH) {
            return site + value;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return String.valueOf(value);
    }

    /** Starts the JSON document (its metadata, then the records' array) and gives the sink of its records. */
    static Consumer<List<Object>> json(Dataset dataset, JsonGenerator json, String site, Instant modified,
                                       Locale locale) {
        json.writeStartObject()
                .write("$schema", site + "/opendata/" + dataset.slug() + ".schema.json")
                .write("dataset", dataset.slug())
                .write("title", OpenDataTexts.title(dataset, locale))
                .write("publisher", OpenDataTexts.publisher(locale))
                .write("licence", OpenDataTexts.licence(locale))
                .write("licenceUrl", OpenDataTexts.LICENCE_URL)
                .write("modified", modified.truncatedTo(ChronoUnit.SECONDS).toString())
                .write("documentation", site + "/public/open-data.xhtml")
                .writeStartArray("records");
        return row -> {
            json.writeStartObject();
            for (int i = 0; i < row.size(); i++) {
                Column column = dataset.columns().get(i);
                Object value = row.get(i);
                if (value == null) {
                    json.writeNull(column.name());
                } else if (value instanceof List<?> items) {
                    json.writeStartArray(column.name());
                    items.forEach(item -> json.write(String.valueOf(item)));
                    json.writeEnd();
                } else if (value instanceof Long number) {
                    json.write(column.name(), number);
                } else if (value instanceof Integer number) {
                    json.write(column.name(), number);
                } else if (value instanceof BigDecimal number) {
                    json.write(column.name(), number);
                } else {
                    json.write(column.name(), text(column, value, site));
                }
            }
            json.writeEnd();
        };
    }

    /** Ends the JSON document that {@link #json} started. */
    static void endJson(JsonGenerator json) {
        json.writeEnd().writeEnd();
    }

    /** The JSON Schema of the dataset's JSON document, its descriptions in the reader's language. */
    static void schema(Dataset dataset, JsonGenerator json, String site, Locale locale) {
        json.writeStartObject()
                .write("$schema", SCHEMA_DIALECT)
                .write("$id", site + "/opendata/" + dataset.slug() + ".schema.json")
                .write("title", OpenDataTexts.title(dataset, locale))
                .write("description", OpenDataTexts.description(dataset, locale))
                .write("type", "object")
                .writeStartArray("required");
        List.of("dataset", "licence", "licenceUrl", "modified", "records").forEach(json::write);
        json.writeEnd().writeStartObject("properties");
        for (String text : List.of("$schema", "title", "publisher", "licence", "documentation")) {
            json.writeStartObject(text).write("type", "string").writeEnd();
        }
        json.writeStartObject("dataset").write("const", dataset.slug()).writeEnd();
        json.writeStartObject("licenceUrl").write("const", OpenDataTexts.LICENCE_URL).writeEnd();
        json.writeStartObject("modified").write("type", "string").write("format", "date-time").writeEnd();
        json.writeStartObject("records").write("type", "array").writeStartObject("items")
                .write("type", "object").write("additionalProperties", false).writeStartArray("required");
        dataset.columns().forEach(column -> json.write(column.name()));
        json.writeEnd().writeStartObject("properties");
        for (Column column : dataset.columns()) {
            json.writeStartObject(column.name())
                    .write("description", OpenDataTexts.meaning(dataset, column, locale));
            typed(json, column);
            json.writeEnd();
        }
        json.writeEnd().writeEnd().writeEnd().writeEnd().writeEnd();
    }

    private static void typed(JsonGenerator json, Column column) {
        String type = switch (column.type()) {
            case INTEGER -> "integer";
            case DECIMAL -> "number";
            case LIST -> "array";
            default -> "string";
        };
        if (column.required()) {
            json.write("type", type);
        } else {
            json.writeStartArray("type").write(type).write("null").writeEnd();
        }
        switch (column.type()) {
            case DATE -> json.write("format", "date");
            case DATE_TIME -> json.write("format", "date-time");
            case URL, PATH -> json.write("format", "uri");
            case LIST -> json.writeStartObject("items").write("type", "string").writeEnd();
            default -> {
            }
        }
        if (!column.codes().isEmpty()) {
            json.writeStartArray("enum");
            column.codes().forEach(json::write);
            if (!column.required()) {
                json.writeNull();
            }
            json.writeEnd();
        }
    }

    /** A generator that writes to the response as it goes. */
    static JsonGenerator generator(Writer out) {
        return Json.createGenerator(out);
    }
}
