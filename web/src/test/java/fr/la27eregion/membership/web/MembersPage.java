package fr.la27eregion.membership.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.List;

/**
 * {@code public/members.xhtml} as a citizen uses it: the map of the regions (SVG links named with their state) and
 * its table, the counts by state, and the list of member organisations with its filters and the live count above it.
 */
final class MembersPage extends PublicPage {

    private static final String PATH = "public/members.xhtml";
    private static final String LIST = "members:list";
    private static final int NAME_COLUMN = 1;

    MembersPage(Browser browser) {
        super(browser);
    }

    MembersPage open(URI application, String language) {
        load(application, PATH, language);
        return this;
    }

    /** Follows the link of the site's main navigation to this page. */
    MembersPage openFromNavigation(URI application) {
        load(application, "");
        loadingNewPage(() -> browser.driver().findElement(By.cssSelector("nav.main-nav a[href*='members']")).click());
        return this;
    }

    /** Types into the name filter of the list and waits for the list to show the result. */
    MembersPage filterByName(String text) {
        filterColumn(LIST, NAME_COLUMN, text);
        return this;
    }

    /** The cells of each row the list shows, as text. */
    List<List<String>> rows() {
        return browser.driver()
                .findElements(By.cssSelector("[id='" + LIST + "_data'] > tr:not(.ui-datatable-empty-message)"))
                .stream().filter(WebElement::isDisplayed)
                .map(row -> row.findElements(By.cssSelector("td")).stream()
                        .map(cell -> cell.getText().strip()).toList())
                .toList();
    }

    /** The website link of the organisation's row. */
    String websiteOf(String organisation) {
        // with reflow, each cell also holds its column's title (hidden on wide screens): match on the name's text
        return browser.driver().findElement(By.xpath("//tbody[@id='" + LIST + "_data']/tr[td[1][contains(., '"
                + organisation + "')]]//a")).getDomAttribute("href");
    }

    /** What the live region above the list says, e.g. "1 organisation(s) affichée(s)". */
    String listStatus() {
        return browser.driver().findElement(By.cssSelector("section[aria-labelledby='list-heading'] [role='status']"))
                .getText().strip();
    }

    /** The link of a region on the map ({@code FR-53}). */
    WebElement region(String code) {
        return browser.driver().findElement(By.id("map-" + code));
    }

    /** The links of the map, in the document's (and the keyboard's) order. */
    List<WebElement> regionLinks() {
        return browser.driver().findElements(By.cssSelector("svg.region-map a.map-region"));
    }

    /** The cells of the region's row in the table after the map: name, location, state. */
    List<String> regionRow(String code) {
        WebElement row = browser.driver().findElement(By.cssSelector("#regions-table tr[data-region='" + code + "']"));
        return row.findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getText().strip()).toList();
    }

    /** The link that skips the map, just before it. */
    WebElement mapSkipLink() {
        return browser.driver().findElement(By.cssSelector("a.map-skip"));
    }

    /** The count of the table of counts for a state ({@code ACTIVE}...). */
    long stateCount(String state) {
        return Long.parseLong(browser.driver().findElement(By.cssSelector(
                "#counts-table tr[data-state='" + state + "'] td")).getText().strip());
    }
}
