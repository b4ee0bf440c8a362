package fr.la27eregion.home.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SqlSearch;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intranet's search box in real Chromium, with axe-core: a coordinator reaches the header's box by keyboard,
 * types a word without its accents, reads the results grouped by kind (another organisation's draft not among them)
 * and follows one; the menu's groups are reached and followed by keyboard, the current page marked; refused words
 * are said beside the box. Screenshots in {@code target/search-screenshots/}.
 */
@Tag("browser")
@DisplayName("The intranet's search box and menu")
class SearchPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static SqlSearch seeded;

    private final SearchPage page = new SearchPage(browser);

    @BeforeAll
    static void seed() {
        seeded = SqlSearch.seed();
    }

    @Test
    @DisplayName("a coordinator searches from the header, reads the results grouped by kind and opens a project")
    void searchFromTheHeader() {
        browser.logInAs(seeded.coordinatorA());
        browser.open(browser.application().resolve("app/index.xhtml?lang=fr"));
        page.tabTo("header-search-q");
        page.typeAndEnter(seeded.word());
        assertThat(page.path()).endsWith("/app/search.xhtml");
        assertThat(browser.driver().findElement(By.id("search-total")).getText())
                .isEqualTo("10 résultats pour « " + seeded.word() + " »");
        assertThat(page.groups()).containsExactly("ORGANISATIONS", "PROJECTS", "APPLICATIONS", "LABELS");
        assertThat(page.count("ORGANISATIONS")).isEqualTo("(2 résultats)");
        assertThat(page.count("PROJECTS")).isEqualTo("(5 résultats)");
        assertThat(page.count("APPLICATIONS")).isEqualTo("(2 résultats)");
        assertThat(page.count("LABELS")).isEqualTo("(1 résultat)");
        assertThat(page.links("PROJECTS")).noneMatch(href -> href.endsWith("id=" + seeded.draftProjectB()));
        assertThat(page.links("APPLICATIONS")).noneMatch(href -> href.endsWith("id=" + seeded.draftApplicationB()));
        assertThat(browser.driver().findElements(By.cssSelector("#search-PROJECTS mark"))).isNotEmpty();
        browser.accessibility().assertNoViolations("search results");
        page.screenshot("results-fr");

        page.follow("PROJECTS", "project.xhtml?id=" + seeded.publicProjectA());
        assertThat(page.path()).endsWith("/app/projects/project.xhtml");
        assertThat(page.heading()).contains("Les écluses de");
    }

    @Test
    @DisplayName("the results in English, and words refused beside the box")
    void englishAndRefusals() {
        browser.logInAs(TestAccounts.of(Role.NETWORK_ADMIN));
        browser.open(browser.application().resolve("app/search.xhtml?lang=en&q=" + seeded.word()));
        assertThat(browser.driver().findElement(By.id("search-total")).getText()).startsWith("16 results for");
        browser.accessibility().assertNoViolations("search results in English");
        page.screenshot("results-en");

        browser.open(browser.application().resolve("app/search.xhtml?lang=fr&q=" + "a".repeat(300)));
        assertThat(browser.driver().findElement(By.id("search-q-error")).getText())
                .isEqualTo("Les mots recherchés sont trop longs (au plus 200 caractères).");
        assertThat(browser.driver().findElement(By.id("search-q")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElements(By.cssSelector("section.search-group"))).isEmpty();
        browser.accessibility().assertNoViolations("refused search");
        page.screenshot("refused");
    }

    @Test
    @DisplayName("the menu's groups are reached by keyboard, an entry followed, the current page marked")
    void menuByKeyboard() {
        browser.logInAs(TestAccounts.of(Role.NETWORK_ADMIN));
        browser.open(browser.application().resolve("app/index.xhtml?lang=fr"));
        assertThat(page.menuGroups()).containsExactly("Réseau", "Projets", "Labels", "Audit", "Outils");
        assertThat(browser.driver().findElement(By.id("nav-home")).getAttribute("aria-current")).isEqualTo("page");
        page.screenshot("menu-secretariat");
        page.tabTo("nav-label-desk");
        page.enter();
        assertThat(page.path()).endsWith("/app/labels/campaigns.xhtml");
        assertThat(browser.driver().findElement(By.id("nav-label-desk")).getAttribute("aria-current"))
                .isEqualTo("page");
        assertThat(browser.driver().findElement(By.id("nav-home")).getAttribute("aria-current")).isNull();
        // past the menu, the keyboard goes on to the page: no trap
        page.tabTo("logout");
        page.tab();
        assertThat(page.focusInHeader()).isFalse();
        browser.accessibility().assertNoViolations("the label desk with its menu");

        browser.logInAs(seeded.reviewer());
        browser.open(browser.application().resolve("app/index.xhtml?lang=fr"));
        assertThat(page.menuGroups()).as("only the groups a reviewer may use")
                .containsExactly("Projets", "Labels", "Outils");
        assertThat(browser.driver().findElements(By.id("nav-desk"))).isEmpty();
        page.screenshot("menu-reviewer");
    }
}
