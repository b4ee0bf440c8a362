package fr.la27eregion.identity.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;

/** The login page ({@code /login.xhtml}): two fields, a button, and the message tied to the password field. */
public class LoginPage extends PublicPage {

    public LoginPage(Browser browser) {
        super(browser);
    }

    public LoginPage open(URI application, String language) {
        load(application, "login.xhtml", language);
        return this;
    }

    /** Types the credentials and submits; the browser then shows the login page again or the intranet. */
    public void logIn(String username, String password) {
        field("login:username").clear();
        field("login:username").sendKeys(username);
        field("login:password").sendKeys(password);
        loadingNewPage(() -> browser.driver().findElement(By.id("login:submit")).click());
    }

    /** Submits the password reset form of {@code /reset-password.xhtml}. */
    public void submitReset() {
        loadingNewPage(() -> browser.driver().findElement(By.id("reset:save")).click());
    }

    /** The error shown under the password field, empty when none. */
    public String passwordError() {
        return browser.driver().findElements(By.cssSelector("[id='login:password-message']")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    public boolean isShown() {
        return !browser.driver().findElements(By.id("login:submit")).isEmpty();
    }

    public String notice() {
        return browser.driver().findElements(By.id("logged-out")).stream().map(WebElement::getText).findFirst()
                .orElse("");
    }

    private WebElement field(String id) {
        return browser.driver().findElement(By.id(id));
    }
}
