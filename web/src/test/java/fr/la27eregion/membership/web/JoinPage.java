package fr.la27eregion.membership.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/**
 * The join page ({@code /join.xhtml}): the kind of organisation, its profile, its contacts, the error summary and
 * the confirmation. Every step that talks to the server waits for PrimeFaces to be idle again.
 */
public class JoinPage extends PublicPage {

    public JoinPage(Browser browser) {
        super(browser);
    }

    public JoinPage open(URI application, String language) {
        load(application, "join.xhtml", language);
        return this;
    }

    /** Chooses the kind by its radio button ({@code ASSOCIATE}, {@code EUROPEAN_REGION}...), with the keyboard. */
    public JoinPage chooseKind(String kind) {
        WebElement radio = browser.driver().findElement(
                By.cssSelector("[id='join:kind'] input[type='radio'][value='" + kind + "']"));
        // the radio itself is visually hidden by PrimeFaces, as it is for a mouse user: reach it as a keyboard does
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus()", radio);
        radio.sendKeys(Keys.SPACE);
        idle();
        return this;
    }

    public JoinPage type(String field, String text) {
        WebElement input = input(field);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public JoinPage region(String code) {
        new Select(input("region")).selectByValue(code);
        return this;
    }

    /** Fills the contact at {@code index} (0 is the first). */
    public JoinPage contact(int index, String fullName, String email, String jobTitle, String networkRole) {
        type("contacts:" + index + ":fullName", fullName);
        type("contacts:" + index + ":email", email);
        type("contacts:" + index + ":jobTitle", jobTitle);
        new Select(input("contacts:" + index + ":networkRole")).selectByValue(networkRole);
        return this;
    }

    public JoinPage addContact() {
        browser.driver().findElement(By.id("join:addContact")).click();
        idle();
        return this;
    }

    /** Removes the contact at {@code index} by its own remove button. */
    public JoinPage removeContact(int index) {
        browser.driver().findElement(By.id("join:contacts:" + index + ":remove")).click();
        idle();
        return this;
    }

    public JoinPage submit() {
        browser.driver().findElement(By.id("join:submit")).click();
        idle();
        return this;
    }

    public boolean shows(String field) {
        return !browser.driver().findElements(By.id("join:" + field)).isEmpty();
    }

    public WebElement input(String field) {
        return browser.driver().findElement(By.id("join:" + field));
    }

    /** The message beside an input ({@code siret}, {@code contacts:0:email}), empty when none. */
    public String fieldMessage(String field) {
        return browser.driver().findElements(By.id("join:" + field + "Message")).stream().map(WebElement::getText)
                .findFirst().orElse("").strip();
    }

    /** The errors listed by the summary at the top of the form. */
    public List<String> summary() {
        return browser.driver().findElements(By.cssSelector(".error-summary li")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** The heading of the summary at the top of the form. */
    public String summaryHeading() {
        return browser.driver().findElement(By.id("error-summary-title")).getText().strip();
    }

    public WebElement summaryBox() {
        return browser.driver().findElement(By.cssSelector(".error-summary"));
    }

    public String confirmation() {
        return browser.driver().findElements(By.id("confirmation")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    private void idle() {
        browser.waitUntil(d -> ajaxIdle());
    }
}
