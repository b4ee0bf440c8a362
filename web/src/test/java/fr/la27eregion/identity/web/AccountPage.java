package fr.la27eregion.identity.web;

import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

/** "My account" ({@code /app/account/index.xhtml}): the profile, the language, the password, the sessions. */
public class AccountPage extends IntranetPage {

    public AccountPage(Browser browser) {
        super(browser);
    }

    /** Opens the page by the link beside the caller's name in the header, as a person does. */
    public AccountPage openFromHeader() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-account")).click());
        return this;
    }

    public String username() {
        return browser.driver().findElement(By.id("username")).getText();
    }

    /** Chooses a language by its radio button's position (0 French, 1 English) and saves it: a new page. */
    public AccountPage saveLanguage(int index) {
        browser.driver().findElement(By.cssSelector("label[for='language:language:" + index + "']")).click();
        loadingNewPage(() -> browser.driver().findElement(By.id("language:saveLanguage")).click());
        return this;
    }

    public AccountPage changePassword(String current, String newPassword, String confirmation) {
        type("password:current", current);
        type("password:newPassword", newPassword);
        type("password:confirmation", confirmation);
        click(By.id("password:changePassword"));
        return this;
    }

    public String fieldMessage(String field) {
        return browser.driver().findElements(By.id("password:" + field + "Message")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    public String pageMessage() {
        return browser.driver().findElements(By.cssSelector("[id='messages'] li")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    /** The rows of the sessions' table, each as its cells' text. */
    public List<List<String>> sessions() {
        return browser.driver().findElements(By.cssSelector("[id='sessions:table'] tbody tr.session-row")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText)
                        .map(String::strip).toList()).toList();
    }

    /** Ends the first session of the list that is not this one. */
    public AccountPage endAnotherSession() {
        click(By.cssSelector("[id='sessions:table'] button.end-session"));
        return this;
    }

    public AccountPage endOtherSessions() {
        click(By.id("sessions:endOthers"));
        return this;
    }

    /** Opens the access tokens page from the account page's sections. */
    public void openTokens() {
        loadingNewPage(() -> browser.driver().findElement(By.id("tokens-link")).click());
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void click(By button) {
        browser.driver().findElement(button).click();
        browser.waitUntil(d -> ajaxIdle());
    }
}
