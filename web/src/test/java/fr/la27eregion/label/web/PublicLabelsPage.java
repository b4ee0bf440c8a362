package fr.la27eregion.label.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/**
 * The public pages of labels as a visitor uses them: the register ({@code public/labels.xhtml}) with its filters
 * and table, the verification ({@code public/verification.xhtml}) with its field and verdict, and the open
 * campaigns ({@code public/campagnes.xhtml}).
 */
final class PublicLabelsPage extends PublicPage {

    PublicLabelsPage(Browser browser) {
        super(browser);
    }

    PublicLabelsPage open(URI application, String path, String language) {
        load(application, path, language);
        return this;
    }

    /** Chooses a region by its name in the register's filters and submits the form (a GET: a new address). */
    void filterByRegion(String region) {
        new Select(browser.driver().findElement(By.id("region"))).selectByVisibleText(region);
        loadingNewPage(() -> browser.driver().findElement(By.id("submit")).click());
    }

    String count() {
        return browser.driver().findElement(By.id("count")).getText();
    }

    /** The certificate numbers of the register's rows, in order. */
    List<String> numbers() {
        return browser.driver().findElements(By.cssSelector("#register tbody th")).stream()
                .map(WebElement::getText).toList();
    }

    /** The states of the register's rows as written. */
    List<String> states() {
        return browser.driver().findElements(By.cssSelector("#register tbody .state")).stream()
                .map(WebElement::getText).toList();
    }

    /** Types a code in the verification form and submits it. */
    void verify(String code) {
        WebElement input = browser.driver().findElement(By.id("code"));
        input.clear();
        input.sendKeys(code);
        loadingNewPage(() -> browser.driver().findElement(By.id("submit")).click());
    }

    /** The text of the verdict's status region. */
    String verdict() {
        return browser.driver().findElement(By.id("verdict")).getText();
    }

    WebElement codeField() {
        return browser.driver().findElement(By.id("code"));
    }

    String codeError() {
        return browser.driver().findElement(By.id("code-error")).getText();
    }

    String address() {
        return browser.driver().getCurrentUrl();
    }

    List<String> headings(String level) {
        return browser.driver().findElements(By.tagName(level)).stream().map(WebElement::getText).toList();
    }

    String text() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** Follows a link of the main navigation by its id. */
    void follow(String id) {
        loadingNewPage(() -> browser.driver().findElement(By.id(id)).click());
    }
}
