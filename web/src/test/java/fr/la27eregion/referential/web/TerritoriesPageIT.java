package fr.la27eregion.referential.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's journeys through the territories page, in a real Chromium against the micro WAR on a real Payara
 * Micro and PostgreSQL: reading the two tables, filtering them, switching language, moving by keyboard; and the
 * pages the citizen sees checked against WCAG 2.1 A and AA with axe-core.
 *
 * <p>Each test opens its own page in a fresh session (the {@link Browser} clears cookies), so none depends on
 * another's order or leftovers. Screenshots go to {@code screenshots.dir} for review.
 */
@Tag("browser")
@Tag("citizen")
@DisplayName("Citizen journeys: the territories page")
class TerritoriesPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    // ----- reading and filtering -----

    @Test
    @DisplayName("a new reader gets the page in French, with the 18 regions of today and the 26 before 2016")
    void aNewReaderGetsBothTablesInFrench() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application());

        assertThat(page.language()).isEqualTo("fr");
        assertThat(page.heading()).isEqualTo("Les régions du réseau");
        assertThat(page.regionRowCount()).isEqualTo(18);
        assertThat(page.formerRegionRowCount()).isEqualTo(26);
        assertThat(page.regionsStatus()).isEqualTo("18 région(s) affichée(s)");
        assertThat(page.formerRegionsStatus()).isEqualTo("26 ancienne(s) région(s) affichée(s)");
    }

    @Test
    @DisplayName("typing part of a name keeps the matching region and says how many are shown")
    void typingPartOfANameFindsTheRegion() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr");

        page.filterRegionsByName("Bre");

        assertThat(page.regionNames()).containsExactly("Bretagne");
        assertThat(page.regionsStatus()).isEqualTo("1 région(s) affichée(s)");
        assertThat(page.formerRegionRowCount()).as("the other table is left alone").isEqualTo(26);
    }

    @Test
    @DisplayName("the former regions can be filtered by the region they merged into")
    void formerRegionsFilteredByTheRegionTheyMergedInto() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr");

        page.filterFormerRegionsByMergedInto("Grand Est");

        assertThat(page.formerRegionNames()).containsExactlyInAnyOrder("Alsace", "Champagne-Ardenne", "Lorraine");
        assertThat(page.formerRegionsStatus()).isEqualTo("3 ancienne(s) région(s) affichée(s)");
    }

    @Test
    @DisplayName("a heading's link sorts the table; the filter stays, in the address and in its field")
    void aHeadingSortsTheFilteredTable() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr")
                .filterRegionsByName("e");
        int shown = page.regionRowCount();
        assertThat(shown).isBetween(2, 17);

        page.sortRegionsBy("Code INSEE");

        assertThat(page.regionInseeCodes()).hasSize(shown).isSorted();
        assertThat(page.filterValue("name")).isEqualTo("e");
        assertThat(page.regionNames()).allSatisfy(name -> assertThat(name.toLowerCase()).contains("e"));
        assertThat(browser.driver().getCurrentUrl()).contains("name=e", "sort=insee");
    }

    // ----- language and keyboard -----

    @Test
    @DisplayName("the language link switches the page to English")
    void theLanguageLinkSwitchesToEnglish() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr");

        page.switchLanguage("en");

        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo("The regions of the network");
        assertThat(page.regionsStatus()).isEqualTo("18 region(s) shown");
    }

    @Test
    @DisplayName("switching language keeps the tables filtered")
    void theLanguageSwitchKeepsTheFilters() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr")
                .filterFormerRegionsByMergedInto("Grand Est");

        page.switchLanguage("en");

        assertThat(page.formerRegionNames()).containsExactlyInAnyOrder("Alsace", "Champagne-Ardenne", "Lorraine");
        assertThat(page.formerRegionsStatus()).isEqualTo("3 former region(s) shown");
        assertThat(page.filterValue("mergedInto")).isEqualTo("Grand Est");
    }

    @Test
    @DisplayName("a keyboard user reaches the skip link first and it takes the focus to the main content")
    void theSkipLinkComesFirstAndMovesTheFocusToTheContent() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr");

        page.press(Keys.TAB);
        WebElement skipLink = page.focused();
        assertThat(skipLink).isEqualTo(page.skipLink());
        assertThat(skipLink.getText()).isEqualTo("Aller au contenu");
        assertThat(skipLink.getRect().getX()).as("the focused skip link is on screen").isNotNegative();

        page.press(Keys.ENTER);
        assertThat(page.focused()).isEqualTo(page.main());
        assertThat(page.focused().getDomAttribute("id")).isEqualTo("content");
    }

    // ----- WCAG 2.1 A and AA, with axe-core -----

    @Test
    @DisplayName("the French page meets WCAG 2.1 AA")
    void theFrenchPageIsAccessible() {
        new TerritoriesPage(browser).open(browser.application(), "fr");
        browser.screenshot("territories-fr");
        browser.accessibility().assertNoViolations("the territories page in French");
    }

    @Test
    @DisplayName("the English page meets WCAG 2.1 AA")
    void theEnglishPageIsAccessible() {
        TerritoriesPage page = new TerritoriesPage(browser).open(browser.application(), "fr");
        page.switchLanguage("en");
        browser.screenshot("territories-en");
        browser.accessibility().assertNoViolations("the territories page in English");
    }

    @Test
    @DisplayName("the page still meets WCAG 2.1 AA after both tables were filtered")
    void theFilteredPageIsAccessible() {
        new TerritoriesPage(browser).open(browser.application(), "fr")
                .filterRegionsByName("Bre")
                .filterFormerRegionsByMergedInto("Grand Est");
        browser.screenshot("territories-filtered");
        browser.accessibility().assertNoViolations("the territories page, both tables filtered");
    }

    @Test
    @DisplayName("the home page meets WCAG 2.1 AA")
    void theHomePageIsAccessible() {
        PublicPage home = new PublicPage(browser).load(browser.application(), "");
        assertThat(home.language()).isEqualTo("fr");
        browser.screenshot("territories-home-fr");
        browser.accessibility().assertNoViolations("the home page in French");
    }
}
