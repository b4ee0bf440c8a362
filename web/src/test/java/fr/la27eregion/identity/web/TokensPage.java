package fr.la27eregion.identity.web;

import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

/** "My access tokens" ({@code /app/account/tokens.xhtml}): the creation form, the new secret, the list. */
public class TokensPage extends IntranetPage {

    public TokensPage(Browser browser) {
        super(browser);
    }

    /** Opens the page from the intranet's menu, as a person does. */
    public TokensPage openFromMenu() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-tokens")).click());
        return this;
    }

    public TokensPage name(String name) {
        WebElement field = browser.driver().findElement(By.id("create:name"));
        field.clear();
        field.sendKeys(name);
        return this;
    }

    /** Chooses the scope by its label's position: 0 read only, 1 read and write. */
    public TokensPage scope(int index) {
        browser.driver().findElement(By.cssSelector("label[for='create:scope:" + index + "']")).click();
        return this;
    }

    /** Sets the last day in the native date field, as the browser's date picker would. */
    public TokensPage lastDay(LocalDate day) {
        browser.script().executeScript("document.getElementById('create:expiresOn').value = arguments[0]",
                day.toString());
        return this;
    }

    /** The last day the form proposes. */
    public String lastDay() {
        return browser.driver().findElement(By.id("create:expiresOn")).getDomProperty("value");
    }

    public TokensPage create() {
        click(By.id("create:createButton"));
        return this;
    }

    /** The secret of the token just created, as the page shows it once (empty when it shows none). */
    public String secret() {
        return browser.driver().findElements(By.id("secret")).stream().map(e -> e.getDomProperty("value"))
                .findFirst().orElse("");
    }

    public String warning() {
        return browser.driver().findElements(By.cssSelector(".token-created__warning")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** Presses the revoke button of the token's row and waits for the dialog. */
    public TokensPage revoke(String name) {
        click(By.xpath("//button[@aria-label='Révoquer " + name + "']"));
        browser.waitUntil(d -> d.findElement(By.id("revokeDialog")).isDisplayed() && ajaxIdle());
        return this;
    }

    public String dialogText() {
        return browser.driver().findElement(By.id("revokeDialog")).getText();
    }

    public TokensPage confirmRevoke() {
        click(By.id("revoke:confirmRevoke"));
        browser.waitUntil(d -> !d.findElement(By.id("revokeDialog")).isDisplayed());
        return this;
    }

    /** The rows of the list, each as its cells' text. */
    public List<List<String>> rows() {
        return browser.driver().findElements(By.cssSelector("[id='list:table'] tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText)
                        .map(String::strip).toList()).toList();
    }

    /** The row of the token of this name, as its cells' text. */
    public List<String> row(String name) {
        return rows().stream().filter(cells -> !cells.isEmpty() && cells.get(0).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no token " + name + " in " + rows()));
    }

    public String fieldMessage(String field) {
        return browser.driver().findElements(By.id("create:" + field + "Message")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    public String pageMessage() {
        return browser.driver().findElements(By.cssSelector("[id='messages'] li")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    private void click(By button) {
        browser.driver().findElement(button).click();
        browser.waitUntil(d -> ajaxIdle());
    }
}
