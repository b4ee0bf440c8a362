package fr.la27eregion.journal.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/** The journal browser ({@code app/audit/journal.xhtml}) as an auditor uses it: its GET form, rows and links. */
final class JournalPage extends PublicPage {

    JournalPage(Browser browser) {
        super(browser);
    }

    JournalPage open(URI application, String query, String language) {
        load(application, "app/audit/journal.xhtml" + (query.isEmpty() ? "" : "?" + query), language);
        return this;
    }

    /** Chooses an option of a filter's select by its visible text. */
    void choose(String select, String text) {
        new Select(browser.driver().findElement(By.id(select))).selectByVisibleText(text);
    }

    /** Types in a filter's text field. */
    void type(String field, String text) {
        WebElement input = browser.driver().findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** Submits the filters (a GET: a new address). */
    void filter() {
        loadingNewPage(() -> browser.driver().findElement(By.id("submit")).click());
    }

    /** Follows a link of the page by its id ("next", "newest", "reset"). */
    void follow(String id) {
        loadingNewPage(() -> browser.driver().findElement(By.id(id)).click());
    }

    boolean has(String id) {
        return !browser.driver().findElements(By.id(id)).isEmpty();
    }

    /** The numbers of the rows shown, in order. */
    List<Long> seqs() {
        return browser.driver().findElements(By.cssSelector("#entries tbody th")).stream()
                .map(cell -> Long.valueOf(cell.getText().strip())).toList();
    }

    /** A row's text. */
    String row(long seq) {
        return browser.driver().findElement(By.id("entry-" + seq)).getText();
    }

    /** Opens a row's details (its summary, as a keyboard user would with Enter) and returns their text. */
    String openDetails(long seq) {
        WebElement summary = browser.driver().findElement(By.cssSelector("#entry-" + seq + " details summary"));
        summary.click();
        browser.waitUntil(d -> summary.findElement(By.xpath("..")).getDomProperty("open").equals("true"));
        return browser.driver().findElement(By.cssSelector("#entry-" + seq + " details")).getText();
    }

    String address() {
        return browser.driver().getCurrentUrl();
    }

    String text() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** Asks for an export of what the filters select ("csv" or "xlsx"): the exports page opens. */
    void export(String format) {
        loadingNewPage(() -> browser.driver().findElement(By.id("export:" + format)).click());
    }
}
