package fr.la27eregion.platform.web;

import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.KeyboardWalk;
import fr.la27eregion.testing.SqlWaitingWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page with the keyboard alone, in French and in English: Tab from the top of the page reaches every
 * link and control a mouse user can reach, and each shows that it has the focus (RGAA 10.7 and 12.8; WCAG 2.1.1,
 * 2.4.3 and 2.4.7); the first stop is the skip link to the content. The pages are the XHTML files at the top of
 * the webapp and under {@code public/}, listed from the source tree, so a new public page is walked without being
 * named here; those that need a record are given one seeded for this test.
 */
@Tag("browser")
@DisplayName("Every public page with the keyboard alone")
class PublicKeyboardIT {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");

    @RegisterExtension
    static final Browser browser = new Browser();

    /** The query string a page needs (a record to show), by its path. */
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    @BeforeAll
    static void seed() {
        SqlWaitingWork seeded = SqlWaitingWork.seed("kbd");
        long project = seeded.projects().get(0);
        Superuser.update("UPDATE project SET visibility = 'PUBLIC' WHERE id = ?", project);
        QUERIES.put("public/projet.xhtml", "id=" + project);
        QUERIES.put("public/verification.xhtml", "code=" + Superuser.column(
                "SELECT certificate_number FROM label WHERE id = ?", seeded.labelId()).get(0));
    }

    @Test
    @DisplayName("Tab reaches every link and control of every public page, each with a visible focus")
    void everyPublicPageWorksWithTheKeyboardAlone() throws IOException {
        Map<String, Object> failures = new LinkedHashMap<>();
        int walked = 0;
        for (String page : publicPages()) {
            for (String language : List.of("fr", "en")) {
                String query = QUERIES.getOrDefault(page, "");
                browser.open(browser.application().resolve(page + "?" + (query.isEmpty() ? "" : query + "&")
                        + "lang=" + language));
                assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("html"))
                        .getDomAttribute("lang")).as(page + " in " + language).isEqualTo(language);
                KeyboardWalk walk = KeyboardWalk.through(browser);
                assertThat(walk.elements()).as(page + ": links and controls to reach").isNotEmpty();
                // the first stop is the skip link to the content (every page of the template has one)
                boolean skipFirst = !walk.stops().isEmpty() && walk.stops().get(0).element().contains(".skip-link");
                if (!walk.unreached().isEmpty() || !walk.invisibleFocus().isEmpty() || !skipFirst) {
                    failures.put(page + " (" + language + ")", walk.report() + (skipFirst ? ""
                            : ", first stop " + walk.stops()));
                }
                walked++;
            }
        }
        assertThat(walked).as("pages walked").isGreaterThanOrEqualTo(2 * 8);
        assertThat(failures).as("pages a keyboard user cannot go through").isEmpty();
    }

    /** The public pages, relative to the application: the top-level XHTML files and those of public/. */
    static List<String> publicPages() throws IOException {
        try (Stream<Path> top = Files.list(WEBAPP); Stream<Path> inPublic = Files.list(WEBAPP.resolve("public"))) {
            return Stream.concat(top, inPublic).filter(file -> file.toString().endsWith(".xhtml"))
                    .map(file -> WEBAPP.relativize(file).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
