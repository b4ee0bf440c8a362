package fr.la27eregion.identity.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** A page of the intranet template: the caller's name, their roles (home page), the logout button, the menu. */
public class IntranetPage extends PublicPage {

    public IntranetPage(Browser browser) {
        super(browser);
    }

    public String caller() {
        return browser.driver().findElement(By.cssSelector(".caller")).getText();
    }

    public List<String> roles() {
        return browser.driver().findElements(By.cssSelector("#roles li")).stream().map(WebElement::getText).toList();
    }

    public boolean offersAccounts() {
        return !browser.driver().findElements(By.id("nav-users")).isEmpty();
    }

    /** Follows the menu link to the accounts page (the link carries the CSRF token of protected views). */
    public void openAccounts() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-users")).click());
    }

    public void logOut() {
        loadingNewPage(() -> browser.driver().findElement(By.id("logout")).click());
    }

    public String path() {
        return java.net.URI.create(browser.driver().getCurrentUrl()).getPath();
    }
}
