package fr.la27eregion.referential.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;

/**
 * {@code public/territories.xhtml} as a citizen uses it: two tables, the regions of today and the regions before
 * 2016, each with its filters and the sentence (a {@code role="status"} live region) that says how many rows
 * are shown.
 */
final class TerritoriesPage extends PublicPage {

    private static final String PATH = "public/territories.xhtml";
    private static final String REGIONS = "territories:regions";
    private static final String FORMER = "territories:former";
    private static final int NAME_COLUMN = 1;
    private static final int MERGED_INTO_COLUMN = 4;

    TerritoriesPage(Browser browser) {
        super(browser);
    }

    /** Opens the page in the reader's language (French for a new reader). */
    TerritoriesPage open(URI application) {
        load(application, PATH);
        return this;
    }

    /** Opens the page in {@code fr} or {@code en}. */
    TerritoriesPage open(URI application, String language) {
        load(application, PATH, language);
        return this;
    }

    /** Types into the name filter of the regions table and waits for the table to show the result. */
    TerritoriesPage filterRegionsByName(String text) {
        filterColumn(REGIONS, NAME_COLUMN, text);
        return this;
    }

    /** Types into the "merged into" filter of the former regions table and waits for the result. */
    TerritoriesPage filterFormerRegionsByMergedInto(String text) {
        filterColumn(FORMER, MERGED_INTO_COLUMN, text);
        return this;
    }

    List<String> regionNames() {
        return names(REGIONS);
    }

    int regionRowCount() {
        return rows(REGIONS).size();
    }

    List<String> formerRegionNames() {
        return names(FORMER);
    }

    int formerRegionRowCount() {
        return rows(FORMER).size();
    }

    /** What the live region above the regions table says, e.g. "18 région(s) affichée(s)". */
    String regionsStatus() {
        return status("regions-heading");
    }

    /** What the live region above the former regions table says. */
    String formerRegionsStatus() {
        return status("former-heading");
    }

    private List<WebElement> rows(String table) {
        return browser.driver()
                .findElements(By.cssSelector("[id='" + table + "_data'] > tr:not(.ui-datatable-empty-message)"))
                .stream().filter(WebElement::isDisplayed).toList();
    }

    private List<String> names(String table) {
        return rows(table).stream().map(row -> row.findElement(By.cssSelector("td:nth-child(" + NAME_COLUMN + ")")))
                .map(WebElement::getText).map(String::trim).toList();
    }

    private String status(String sectionHeading) {
        return browser.driver()
                .findElement(By.cssSelector("section[aria-labelledby='" + sectionHeading + "'] [role='status']"))
                .getText().trim();
    }
}
