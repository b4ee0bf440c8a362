package fr.la27eregion.membership.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** The notifications page ({@code /app/notifications.xhtml}) and the unread badge of the intranet's menu. */
public class NotificationsPage extends IntranetPage {

    public NotificationsPage(Browser browser) {
        super(browser);
    }

    /** Follows the menu link "Notifications". */
    public NotificationsPage openFromMenu() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-notifications")).click());
        return this;
    }

    /** The unread count the menu's badge shows, 0 when it shows none. */
    public int badge() {
        return browser.driver().findElements(By.cssSelector("#nav-notifications .nav-badge")).stream()
                .map(WebElement::getText).map(String::strip).map(Integer::parseInt).findFirst().orElse(0);
    }

    /** The entries of the list, newest first, as text. */
    public List<String> entries() {
        return browser.driver().findElements(By.cssSelector("#notice-list li")).stream().map(WebElement::getText)
                .toList();
    }

    /** The entry whose text contains this, as an element. */
    public WebElement entry(String text) {
        return browser.driver().findElement(By.xpath("//ol[@id='notice-list']/li[contains(., '" + text + "')]"));
    }

    public boolean unread(String text) {
        return entry(text).getDomAttribute("class").contains("notice-item--unread");
    }

    public void markRead(String text) {
        entry(text).findElement(By.tagName("button")).click();
        browser.waitUntil(d -> ajaxIdle());
    }
}
