package fr.la27eregion.label.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The jury page ({@code app/labels/jury.xhtml}) as its tests read and drive it: the ranking and the dialog. */
final class JuryPage extends PublicPage {

    JuryPage(Browser browser) {
        super(browser);
    }

    WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    /** The application ids of the ranking's rows, in order. */
    List<String> rows() {
        return all("#ranking\\:table tbody tr.jury-row").stream().map(row -> row.getAttribute("class"))
                .map(classes -> classes.replaceAll(".*jury-application-(\\d+).*", "$1")).toList();
    }

    WebElement row(long application) {
        return find("tr.jury-application-" + application);
    }

    /** The state of a row's application ({@code REVIEWED}, {@code AWARDED}...). */
    String state(long application) {
        return find("tr.jury-application-" + application + " .state").getAttribute("data-state");
    }

    /** Opens the decision dialog on a row and waits for it. */
    void choose(long application) {
        find("tr.jury-application-" + application + " button.jury-decide").click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decision\\:motivation")));
        browser.waitUntil(d -> ajaxIdle());
    }

    /** Sends the dialog's form and waits for the answer. */
    void confirm() {
        find("#decision\\:confirm").click();
        browser.waitUntil(d -> ajaxIdle());
    }

    /** Waits for the ajax requests of a change (a template chosen, the decision's kind) to be answered. */
    void settle() {
        browser.waitUntil(d -> ajaxIdle());
    }
}
