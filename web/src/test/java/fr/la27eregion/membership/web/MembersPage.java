package fr.la27eregion.membership.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/**
 * {@code public/members.xhtml} as a citizen uses it: the map of the regions (SVG links named with their state) and
 * its table, the counts by state, and the list of member organisations with its filter form (a GET form: each
 * filtered list is an address) and the count above it.
 */
final class MembersPage extends PublicPage {

    private static final String PATH = "public/members.xhtml";
    private static final String LIST = "list";

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

    /** Types into the name field of the list's filters and presses Enter, as a keyboard user submits the form. */
    MembersPage filterByName(String text) {
        WebElement field = browser.driver().findElement(By.id("name"));
        field.clear();
        field.sendKeys(text);
        loadingNewPage(() -> field.sendKeys(Keys.ENTER));
        return this;
    }

    /** Chooses a kind of organisation ({@code ASSOCIATE}...) in the filters and submits them with the button. */
    MembersPage filterByKind(String kind) {
        new Select(browser.driver().findElement(By.id("kind"))).selectByValue(kind);
        loadingNewPage(() -> browser.driver().findElement(By.id("submit")).click());
        return this;
    }

    /** Follows the link of a column's heading that sorts the list by it. */
    MembersPage sortBy(String columnHeading) {
        WebElement link = browser.driver().findElement(By.xpath("//table[@id='" + LIST + "']/thead//a[contains(., \""
                + columnHeading + "\")]"));
        loadingNewPage(link::click);
        return this;
    }

    /** The heading of the column the list is sorted by (its {@code aria-sort}), as text. */
    String sortedColumn() {
        return browser.driver().findElement(By.cssSelector("#" + LIST + " th[aria-sort=ascending]")).getText()
                .strip();
    }

    /** The value of a field of the list's filters, as the page shows it after it was submitted. */
    String filterValue(String field) {
        return browser.driver().findElement(By.id(field)).getDomProperty("value");
    }

    /** The cells of each row the list shows (the name first), as text. */
    List<List<String>> rows() {
        return browser.driver().findElements(By.cssSelector("#" + LIST + " > tbody > tr")).stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream()
                        .map(cell -> cell.getText().strip()).toList())
                .toList();
    }

    /** The website link of the organisation's row. */
    String websiteOf(String organisation) {
        return browser.driver().findElement(By.xpath("//table[@id='" + LIST + "']/tbody/tr[th[contains(., '"
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
