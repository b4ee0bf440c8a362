package fr.la27eregion.home.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.util.List;

/** The intranet's header search box, its results page, and the menu reached by keyboard. */
public class SearchPage extends IntranetPage {

    /** How many times Tab is pressed at most to reach an element from the top of the page. */
    private static final int MAX_TABS = 60;

    public SearchPage(Browser browser) {
        super(browser);
    }

    /** Moves the focus from the top of the page with Tab until it is on the element of this id. */
    public void tabTo(String id) {
        browser.script().executeScript("document.activeElement && document.activeElement.blur();"
                + " window.scrollTo(0, 0);");
        for (int i = 0; i < MAX_TABS; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (id.equals(focusedId())) {
                return;
            }
        }
        throw new AssertionError("#" + id + " not reached by keyboard in " + MAX_TABS + " tabs");
    }

    /** The id of the element that has the focus. */
    public String focusedId() {
        return browser.driver().switchTo().activeElement().getAttribute("id");
    }

    /** Presses Tab once more. */
    public void tab() {
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    }

    /** Whether the focus is in the page's header (its search box, its menu). */
    public boolean focusInHeader() {
        return Boolean.TRUE.equals(browser.script().executeScript(
                "return document.activeElement !== null && document.activeElement.closest('header') !== null;"));
    }

    /** The names of the menu's groups, in order. */
    public List<String> menuGroups() {
        return browser.driver().findElements(By.cssSelector(".nav-group__name")).stream()
                .map(e -> e.getAttribute("textContent").strip()).toList();
    }

    /** Types the words in the focused element and presses Enter (a new page loads). */
    public void typeAndEnter(String words) {
        loadingNewPage(() -> new Actions(browser.driver()).sendKeys(words).sendKeys(Keys.ENTER).perform());
    }

    /** Presses Enter on the focused element (a link: a new page loads). */
    public void enter() {
        loadingNewPage(() -> new Actions(browser.driver()).sendKeys(Keys.ENTER).perform());
    }

    /** The kinds shown, in order ({@code ORGANISATIONS}...). */
    public List<String> groups() {
        return browser.driver().findElements(By.cssSelector("section.search-group")).stream()
                .map(s -> s.getAttribute("id").substring("search-".length())).toList();
    }

    /** The count beside a kind's heading, as it reads ("(2 résultats)"). */
    public String count(String kind) {
        return browser.driver().findElement(By.cssSelector("#search-" + kind + " .search-group__count")).getText();
    }

    /** The addresses of a kind's hits. */
    public List<String> links(String kind) {
        return browser.driver().findElements(By.cssSelector("#search-" + kind + " .search-hit__title a")).stream()
                .map(a -> a.getAttribute("href")).toList();
    }

    /** Follows the hit of a kind whose address ends with {@code pathEnd}. */
    public void follow(String kind, String pathEnd) {
        WebElement link = browser.driver().findElements(By.cssSelector("#search-" + kind + " .search-hit__title a"))
                .stream().filter(a -> a.getAttribute("href").endsWith(pathEnd)).findFirst()
                .orElseThrow(() -> new AssertionError("no hit " + pathEnd));
        loadingNewPage(link::click);
    }

    /** Saves the whole page as {@code target/search-screenshots/<name>.png}. */
    public void screenshot(String name) {
        browser.screenshot(Path.of(System.getProperty("browser.work.dir", "target"), "search-screenshots"), name);
    }
}
