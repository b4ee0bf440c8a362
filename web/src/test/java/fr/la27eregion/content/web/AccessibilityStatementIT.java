package fr.la27eregion.content.web;

import fr.la27eregion.content.ContentFixtures;
import fr.la27eregion.testing.browser.Accessibility;
import fr.la27eregion.testing.browser.AccessibilityViolation;
import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.KeyboardWalk;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measured part of the accessibility statement ({@code /public/accessibility.xhtml}): axe-core and a walk with
 * the keyboard alone ({@link KeyboardWalk}: every link and control reached by Tab, each with a visible focus) on
 * every public page (the XHTML files at the top of the webapp and under {@code public/}, listed from the source tree, so a new
 * page is checked without being named here), in French and in English. It writes what it found to
 * {@code target/accessibility/axe-summary.json} and fails unless the committed summary the page shows
 * ({@code src/main/resources/accessibility/axe-summary.json}) names the same pages with the same violations and
 * axe version, and is less than a year old: a public page added, a violation appeared or fixed, a new axe, or a
 * year gone by each make the statement stale. {@code -Daccessibility.summary.update=true} writes the fresh summary
 * over the committed one (the other checks still run on what was measured).
 */
@Tag("browser")
@DisplayName("The accessibility statement's measured part is the truth of today")
class AccessibilityStatementIT {

    /** How old the committed summary may be: RGAA asks for a statement updated at least once a year. */
    static final int MAX_AGE_DAYS = 365;

    private static final Path WEBAPP = Path.of("src", "main", "webapp");
    private static final Path COMMITTED = Path.of("src", "main", "resources", "accessibility", "axe-summary.json");
    private static final Path MEASURED = Path.of("target", "accessibility", "axe-summary.json");

    @RegisterExtension
    static final Browser browser = new Browser();

    /** A page's result in one language, as the summary keeps it. */
    record Result(int rulesPassed, int violations) {
    }

    @Test
    @DisplayName("every public page in both languages: no violation, and the committed summary says the same")
    void everyPublicPageIsCheckedAndTheCommittedSummaryMatches() throws IOException {
        ContentFixtures.PublicSite site = ContentFixtures.publicSite("a11y");
        Map<String, String> queries = Map.of(
                "/public/projet.xhtml", "id=" + site.project(),
                "/public/theme.xhtml", "id=service-design",
                "/public/explainer.xhtml", "id=" + site.explainerKey(),
                "/public/actualite.xhtml", "id=" + site.newsKey(),
                "/public/verification.xhtml", "code=" + site.certificateNumber());
        Map<String, Result> measured = new TreeMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, String> keyboard = new LinkedHashMap<>();
        String version = null;
        for (String path : publicPages()) {
            for (String language : new String[]{"fr", "en"}) {
                String query = queries.getOrDefault(path, "");
                browser.open(browser.application().resolve(path.substring(1) + "?" + (query.isEmpty() ? ""
                        : query + "&") + "lang=" + language));
                assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"))
                        .as(path + " in " + language).isEqualTo(language);
                Accessibility.Report report = browser.accessibility().report();
                version = report.axeVersion();
                measured.put(path + " " + language, new Result(report.rulesPassed(), report.violations().size()));
                if (!report.violations().isEmpty()) {
                    failures.put(path + " " + language, report.violations().stream()
                            .map(AccessibilityViolation::describe).collect(Collectors.joining("\n")));
                }
                // the statement's keyboard walk: Tab alone reaches every link and control, each with a visible
                // focus, the skip link first (RGAA 10.7 and 12.8)
                KeyboardWalk walk = KeyboardWalk.through(browser);
                boolean skipFirst = !walk.stops().isEmpty() && walk.stops().get(0).element().contains(".skip-link");
                if (walk.elements().isEmpty() || !walk.unreached().isEmpty() || !walk.invisibleFocus().isEmpty()
                        || !skipFirst) {
                    keyboard.put(path + " " + language, walk.report() + (skipFirst ? ""
                            : ", first stops " + walk.stops().subList(0, Math.min(2, walk.stops().size()))));
                }
            }
        }
        String summary = summary(LocalDate.now(), version, measured);
        Files.createDirectories(MEASURED.getParent());
        Files.writeString(MEASURED, summary);
        if (Boolean.getBoolean("accessibility.summary.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, summary);
        }
        assertThat(failures).as("WCAG 2.1 A/AA violations").isEmpty();
        assertThat(keyboard).as("pages a keyboard user cannot go through").isEmpty();

        assertThat(COMMITTED).as("the committed summary (write it with -Daccessibility.summary.update=true)")
                .exists();
        JsonObject committed;
        try (JsonReader reader = Json.createReader(Files.newBufferedReader(COMMITTED))) {
            committed = reader.readObject();
        }
        Map<String, Integer> committedViolations = committed.getJsonArray("pages").getValuesAs(JsonObject.class)
                .stream().collect(Collectors.toMap(page -> page.getString("path") + " " + page.getString("language"),
                        page -> page.getInt("violations"), (a, b) -> a, TreeMap::new));
        assertThat(committedViolations.keySet()).as("the pages and languages the statement names")
                .isEqualTo(measured.keySet());
        measured.forEach((page, result) -> assertThat(committedViolations.get(page))
                .as("violations of " + page + " in the statement").isEqualTo(result.violations()));
        assertThat(committed.getString("axe")).as("axe-core's version in the statement").isEqualTo(version);
        assertThat(LocalDate.parse(committed.getString("date"))).as("the statement's date")
                .isAfter(LocalDate.now().minusDays(MAX_AGE_DAYS));
    }

    /** The public pages, as paths from the application's root: the top-level XHTML files and those of public/. */
    static java.util.List<String> publicPages() throws IOException {
        try (Stream<Path> top = Files.list(WEBAPP); Stream<Path> inPublic = Files.list(WEBAPP.resolve("public"))) {
            return Stream.concat(top, inPublic).filter(file -> file.toString().endsWith(".xhtml"))
                    .map(file -> "/" + WEBAPP.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static String summary(LocalDate date, String version, Map<String, Result> measured) {
        JsonArrayBuilder pages = Json.createArrayBuilder();
        measured.forEach((page, result) -> {
            String[] parts = page.split(" ");
            pages.add(Json.createObjectBuilder().add("path", parts[0]).add("language", parts[1])
                    .add("rulesPassed", result.rulesPassed()).add("violations", result.violations()));
        });
        JsonArrayBuilder tags = Json.createArrayBuilder();
        Accessibility.WCAG_21_AA.forEach(tags::add);
        JsonObject summary = Json.createObjectBuilder().add("date", date.toString()).add("axe", version)
                .add("tags", tags).add("pages", pages).build();
        JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        StringWriter text = new StringWriter();
        writers.createWriter(text).writeObject(summary);
        return text.toString().strip() + "\n";
    }
}
