package fr.la27eregion.opendata.web;

import fr.la27eregion.opendata.boundary.Dataset;
import jakarta.json.stream.JsonGenerator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/**
 * The DCAT-AP catalogue of the open data, in JSON-LD: the catalogue and each dataset with its titles and
 * descriptions in French and English, licence, publisher, date of last change, landing page and distributions (the
 * CSV and the JSON, with their media types, download addresses and, for the JSON, the schema it conforms to).
 */
final class Catalogue {

    private static final String IANA = "https://www.iana.org/assignments/media-types/";
    private static final String EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/";

    private Catalogue() {
    }

    static void write(JsonGenerator json, String site, Map<Dataset, Instant> modified) {
        Instant latest = modified.values().stream().max(Instant::compareTo).orElse(Instant.EPOCH);
        json.writeStartObject();
        json.writeStartObject("@context")
                .write("dcat", "http://www.w3.org/ns/dcat#")
                .write("dct", "http://purl.org/dc/terms/")
                .write("foaf", "http://xmlns.com/foaf/0.1/")
                .write("xsd", "http://www.w3.org/2001/XMLSchema#")
                .writeEnd();
        json.write("@id", site + "/opendata/catalog.jsonld").write("@type", "dcat:Catalog");
        both(json, "dct:title", "opendata.catalogue.title");
        both(json, "dct:description", "opendata.catalogue.description");
        publisher(json, site);
        license(json);
        date(json, "dct:modified", latest);
        json.writeStartArray("dct:language");
        OpenDataTexts.LANGUAGES.forEach(locale -> json.writeStartObject().write("@id",
                "http://publications.europa.eu/resource/authority/language/"
                        + ("en".equals(locale.getLanguage()) ? "ENG" : "FRA")).writeEnd());
        json.writeEnd();
        json.writeStartObject("foaf:homepage").write("@id", site + "/public/open-data.xhtml").writeEnd();
        json.writeStartArray("dcat:dataset");
        for (Dataset dataset : Dataset.values()) {
            dataset(json, site, dataset, modified.get(dataset));
        }
        json.writeEnd().writeEnd();
    }

    private static void dataset(JsonGenerator json, String site, Dataset dataset, Instant modified) {
        String base = site + "/opendata/" + dataset.slug();
        json.writeStartObject().write("@id", base).write("@type", "dcat:Dataset")
                .write("dct:identifier", dataset.slug());
        json.writeStartArray("dct:title");
        OpenDataTexts.LANGUAGES.forEach(locale -> tagged(json, OpenDataTexts.title(dataset, locale), locale));
        json.writeEnd().writeStartArray("dct:description");
        OpenDataTexts.LANGUAGES.forEach(locale -> tagged(json, OpenDataTexts.description(dataset, locale), locale));
        json.writeEnd();
        publisher(json, site);
        license(json);
        date(json, "dct:modified", modified);
        json.writeStartObject("dcat:landingPage").write("@id", site + "/public/open-data.xhtml#" + dataset.slug())
                .writeEnd();
        json.writeStartArray("dcat:distribution");
        distribution(json, base + ".csv", "text/csv", "CSV", null, dataset, modified);
        distribution(json, base + ".json", "application/json", "JSON", base + ".schema.json", dataset, modified);
        json.writeEnd().writeEnd();
    }

    private static void distribution(JsonGenerator json, String url, String mediaType, String format, String schema,
                                     Dataset dataset, Instant modified) {
        json.writeStartObject().write("@id", url).write("@type", "dcat:Distribution");
        json.writeStartArray("dct:title");
        OpenDataTexts.LANGUAGES.forEach(locale -> tagged(json, OpenDataTexts.title(dataset, locale) + " (" + format
                + ")", locale));
        json.writeEnd();
        json.writeStartObject("dcat:downloadURL").write("@id", url).writeEnd();
        json.writeStartObject("dcat:accessURL").write("@id", url).writeEnd();
        json.writeStartObject("dcat:mediaType").write("@id", IANA + mediaType).writeEnd();
        json.writeStartObject("dct:format").write("@id", EU_FILE_TYPE + format).writeEnd();
        license(json);
        date(json, "dct:modified", modified);
        if (schema != null) {
            json.writeStartObject("dct:conformsTo").write("@id", schema).writeEnd();
        }
        json.writeEnd();
    }

    private static void both(JsonGenerator json, String property, String key) {
        json.writeStartArray(property);
        OpenDataTexts.LANGUAGES.forEach(locale -> tagged(json, OpenDataTexts.text(key, locale), locale));
        json.writeEnd();
    }

    private static void tagged(JsonGenerator json, String text, Locale locale) {
        json.writeStartObject().write("@value", text).write("@language", locale.getLanguage()).writeEnd();
    }

    private static void publisher(JsonGenerator json, String site) {
        json.writeStartObject("dct:publisher").write("@id", site + "/").write("@type", "foaf:Agent")
                .write("foaf:name", OpenDataTexts.publisher(Locale.FRENCH)).writeEnd();
    }

    private static void license(JsonGenerator json) {
        json.writeStartObject("dct:license").write("@id", OpenDataTexts.LICENCE_URL).writeEnd();
    }

    private static void date(JsonGenerator json, String property, Instant at) {
        json.writeStartObject(property).write("@value", at.truncatedTo(ChronoUnit.SECONDS).toString())
                .write("@type", "xsd:dateTime").writeEnd();
    }
}
