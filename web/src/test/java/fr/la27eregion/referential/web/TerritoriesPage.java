package fr.la27eregion.referential.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;

/**
 * {@code public/territories.xhtml} as a citizen uses it: two tables, the regions of today and the regions before
 * 2016, each with its filter form (GET: each view of the page is an address), its columns' sorting links and the
 * sentence (a {@code role="status"}) that says how many rows are shown.
 */
final class TerritoriesPage extends PublicPage {

    private static final String PATH = "public/territories.xhtml";
    private static final String REGIONS = "regions";
    private static final String FORMER = "former";

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

    /** Types into the name field of the regions' filters and submits them with their button. */
    TerritoriesPage filterRegionsByName(String text) {
        return filter("name", "regions-filters", text);
    }

    /** Types into the "merged into" field of the former regions' filters and submits them with their button. */
    TerritoriesPage filterFormerRegionsByMergedInto(String text) {
        return filter("mergedInto", "former-filters", text);
    }

    private TerritoriesPage filter(String field, String form, String text) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
        loadingNewPage(() -> browser.driver().findElement(By.cssSelector("#" + form + " button[type=submit]"))
                .click());
        return this;
    }

    /** Follows the link of a heading of the regions table that sorts it by that column. */
    TerritoriesPage sortRegionsBy(String columnHeading) {
        WebElement link = browser.driver().findElement(By.xpath("//table[@id='" + REGIONS
                + "']/thead//a[contains(., \"" + columnHeading + "\")]"));
        loadingNewPage(link::click);
        return this;
    }

    /** The INSEE codes of the regions table, in the order shown. */
    List<String> regionInseeCodes() {
        return rows(REGIONS).stream().map(row -> row.findElement(By.cssSelector("td:nth-of-type(1)")).getText()
                .strip()).toList();
    }

    /** The value of a field of the filters, as the page shows it. */
    String filterValue(String field) {
        return browser.driver().findElement(By.id(field)).getDomProperty("value");
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
        return browser.driver().findElements(By.cssSelector("#" + table + " > tbody > tr"));
    }

    private List<String> names(String table) {
        return rows(table).stream().map(row -> row.findElement(By.cssSelector("th")))
                .map(WebElement::getText).map(String::trim).toList();
    }

    private String status(String sectionHeading) {
        return browser.driver()
                .findElement(By.cssSelector("section[aria-labelledby='" + sectionHeading + "'] [role='status']"))
                .getText().trim();
    }
}
