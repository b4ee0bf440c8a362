package fr.la27eregion.testing.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;

/**
 * A page of the citizens' template ({@code WEB-INF/templates/public.xhtml}): what every public page offers, the
 * language of the document, its title, the skip link, the language switch and the main content. Page objects of
 * public pages extend it; the home page is this class as it is.
 */
public class PublicPage {

    protected final Browser browser;

    public PublicPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the page at {@code path} (relative to the application) in the reader's language, French at first. */
    public PublicPage load(URI application, String path) {
        browser.open(application.resolve(path));
        return this;
    }

    /** Opens the page at {@code path} in the given language ({@code fr} or {@code en}), as a shared link would. */
    public PublicPage load(URI application, String path, String language) {
        browser.open(application.resolve(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
        return this;
    }

    /** The {@code lang} of the document, which screen readers use to pick their voice. */
    public String language() {
        return browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** The text of the page's one {@code h1}. */
    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    /** Follows the link of the language switch to the given language ({@code fr} or {@code en}). */
    public void switchLanguage(String language) {
        WebElement document = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.cssSelector("nav.language-switch a[hreflang='" + language + "']")).click();
        browser.waitUntil(ExpectedConditions.stalenessOf(document));
        browser.waitForDocument();
    }

    /**
     * Does something that loads a new document (a submitted form, a link) and waits until the new one is ready.
     * It marks the old document's window instead of waiting for an element to go stale: Chromium sometimes
     * answers a stale check with an inspector error rather than the stale-element error Selenium expects.
     */
    protected void loadingNewPage(Runnable action) {
        browser.script().executeScript("window.__previousDocument = true");
        action.run();
        browser.waitUntil(d -> {
            try {
                return Boolean.TRUE.equals(browser.script().executeScript(
                        "return !window.__previousDocument && document.readyState === 'complete'"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
    }

    /** Presses a key as a keyboard user does, on whatever has the focus. */
    public void press(Keys key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    public WebElement skipLink() {
        return browser.driver().findElement(By.cssSelector("a.skip-link"));
    }

    public WebElement main() {
        return browser.driver().findElement(By.tagName("main"));
    }

    /**
     * Types into the filter of a column of a PrimeFaces table filtered in the page ({@code column} counts from 1) and
     * waits for the table to show the result: its body is rendered again by the filter's ajax response, so its first
     * row goes stale.
     */
    protected void filterColumn(String table, int column, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(
                "[id='" + table + "'] thead th:nth-child(" + column + ") input.ui-column-filter"));
        WebElement firstRow = browser.driver().findElement(By.cssSelector("[id='" + table + "_data'] > tr"));
        input.sendKeys(text);
        browser.waitUntil(ExpectedConditions.stalenessOf(firstRow));
        browser.waitUntil(d -> ajaxIdle());
    }

    /**
     * Whether PrimeFaces has no ajax request queued, in flight or about to start (a debounced filter), and no CSS
     * transition is still running on the page.
     */
    protected boolean ajaxIdle() {
        return Boolean.TRUE.equals(browser.script().executeScript(
                "return !!window.PrimeFaces && !PrimeFaces.debounceTimer && PrimeFaces.ajax.Queue.isEmpty()"
                        + " && (!window.jQuery || jQuery.active === 0)"
                        // a button re-enabled after its request fades back in (a CSS transition): checked
                        // half-way, its colours would be neither the disabled nor the enabled ones
                        + " && !document.getAnimations().some(a => a instanceof CSSTransition"
                        + " && a.playState === 'running')"));
    }
}
