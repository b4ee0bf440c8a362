package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Backs the accessibility statement ({@code /public/accessibility.xhtml}, RGAA's "déclaration d'accessibilité"):
 * its measured part comes from {@value #SUMMARY}, the summary of the browser tests' own axe-core runs on every
 * public page in both languages, written by {@code AccessibilityStatementIT} and committed (that test fails when a
 * public page is missing from it, when a figure no longer matches, or when it is older than a year); its editable
 * parts (the conformance state, contact and derogations) are the secretariat's published accessibility item.
 */
@Named
@ApplicationScoped
public class AccessibilityView {

    /** The committed summary of the axe-core runs, on the class path. */
    public static final String SUMMARY = "accessibility/axe-summary.json";

    @Inject
    private PublishedContent published;

    /** No summary committed. */
    private static final Summary NONE = new Summary(LocalDate.MIN, "", "", List.of());

    private volatile Summary summary;

    /** The secretariat's published statement text, or null. */
    public ContentItem getStatement() {
        return published.single(ContentKind.ACCESSIBILITY).orElse(null);
    }

    /** The committed summary of the axe-core runs; null when none is committed yet (the page says so). */
    public Summary getSummary() {
        if (summary == null) {
            summary = read();
        }
        return summary == NONE ? null : summary;
    }

    private static Summary read() {
        try (InputStream in = AccessibilityView.class.getClassLoader().getResourceAsStream(SUMMARY)) {
            if (in == null) {
                return NONE;
            }
            try (JsonReader reader = Json.createReader(in)) {
                JsonObject json = reader.readObject();
                List<PageResult> pages = json.getJsonArray("pages").getValuesAs(JsonObject.class).stream()
                        .map(page -> new PageResult(page.getString("path"), page.getString("language"),
                                page.getInt("rulesPassed"), page.getInt("violations"))).toList();
                return new Summary(LocalDate.parse(json.getString("date")), json.getString("axe"),
                        String.join(", ", json.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class)
                                .stream().map(jakarta.json.JsonString::getString).toList()), pages);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** What the axe-core runs found: when, which version and rule tags, and each page in each language. */
    public record Summary(LocalDate date, String axe, String tags, List<PageResult> pages) {

        public LocalDate getDate() {
            return date;
        }

        public String getAxe() {
            return axe;
        }

        public String getTags() {
            return tags;
        }

        public List<PageResult> getPages() {
            return pages;
        }

        /** How many page checks found no violation. */
        public long getClean() {
            return pages.stream().filter(page -> page.violations() == 0).count();
        }
    }

    /** One page in one language: its path, the rules it passed and its violations. */
    public record PageResult(String path, String language, int rulesPassed, int violations) {

        public String getPath() {
            return path;
        }

        public String getLanguage() {
            return language;
        }

        public int getRulesPassed() {
            return rulesPassed;
        }

        public int getViolations() {
            return violations;
        }
    }
}
