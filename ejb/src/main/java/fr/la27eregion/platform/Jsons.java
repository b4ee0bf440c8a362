package fr.la27eregion.platform;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;

import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * JSON-P's factories from one provider, looked up once. Each static method of {@link jakarta.json.Json} looks the
 * provider up again ({@link JsonProvider#provider()}: a {@link java.util.ServiceLoader} scan of the application's
 * class path), which in the application server costs more than the JSON itself: a third of the journal browser's
 * time under load went there, one lookup per entry shown. Production code writes {@code Jsons.createReader(...)}
 * where it would write {@code Json.createReader(...)}.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonReader createReader(java.io.InputStream in) {
        return PROVIDER.createReader(in);
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
        return PROVIDER.createObjectBuilder(map);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> collection) {
        return PROVIDER.createArrayBuilder(collection);
    }

    public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return PROVIDER.createWriterFactory(config);
    }
}
