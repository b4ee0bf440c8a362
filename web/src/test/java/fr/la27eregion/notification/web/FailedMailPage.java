package fr.la27eregion.notification.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The secretariat's page of the mail that failed for good ({@code /app/admin/mail.xhtml}), reached from the home. */
public class FailedMailPage extends IntranetPage {

    public FailedMailPage(Browser browser) {
        super(browser);
    }

    /** Opens the intranet home in French and follows the link of its failed mail to the page. */
    public FailedMailPage openFromHome() {
        browser.open(browser.application().resolve("app/index.xhtml?lang=fr"));
        loadingNewPage(() -> browser.driver().findElement(By.cssSelector("a[id$='mail-failed-open']")).click());
        return this;
    }

    /** The row of the mail with this id, as its cells' texts; empty when the page does not show it. */
    public List<String> row(long id) {
        return browser.driver().findElements(By.cssSelector("tr.failed-mail-" + id + " td")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** Whether the row of this mail offers "send again". */
    public boolean offersRequeue(long id) {
        return !browser.driver().findElements(By.cssSelector("tr.failed-mail-" + id + " .failed-mail__requeue"))
                .isEmpty();
    }

    /** Clicks "send again" on the row of this mail and waits for the answer. */
    public void requeue(long id) {
        browser.driver().findElement(By.cssSelector("tr.failed-mail-" + id + " .failed-mail__requeue")).click();
        browser.waitUntil(d -> ajaxIdle());
    }

    /** The page's messages (what a requeue said). */
    public String messages() {
        return browser.driver().findElement(By.id("messages")).getText().strip();
    }
}
