package fr.la27eregion.content.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The secretariat's content editor ({@code app/content/edit.xhtml}) and the public pages that show content. */
class ContentPages extends PublicPage {

    private final Browser browser;

    ContentPages(Browser browser) {
        super(browser);
        this.browser = browser;
    }

    /** Types into an input of the editor ({@code key}, {@code titleFr}...), replacing what it held. */
    ContentPages type(String input, String text) {
        WebElement field = browser.driver().findElement(By.id("edit:" + input));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Saves; a saved item comes back as its own page (a new document), a refused one in place. */
    void save(boolean accepted) {
        if (accepted) {
            loadingNewPage(() -> browser.driver().findElement(By.id("edit:save")).click());
        } else {
            browser.driver().findElement(By.id("edit:save")).click();
            browser.waitUntil(d -> ajaxIdle() && !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        }
    }

    /** Takes a step (PUBLISH, UNPUBLISH) and waits for the state it leads to. */
    void step(String action, String stateText) {
        browser.driver().findElement(By.cssSelector("button.content-step--" + action)).click();
        browser.waitUntil(d -> ajaxIdle() && state().contains(stateText));
    }

    String state() {
        return browser.driver().findElement(By.id("content-state")).getText();
    }

    /** Puts the keyboard focus on a link of the page (by its text) and presses Enter, as a keyboard user follows it. */
    void followByKeyboard(String css, String linkText) {
        WebElement link = browser.driver().findElement(By.cssSelector(css)).findElement(By.linkText(linkText));
        browser.script().executeScript("arguments[0].focus()", link);
        loadingNewPage(() -> press(org.openqa.selenium.Keys.ENTER));
    }

    String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    boolean invalid(String input) {
        return "true".equals(browser.driver().findElement(By.id("edit:" + input)).getDomAttribute("aria-invalid"));
    }
}
