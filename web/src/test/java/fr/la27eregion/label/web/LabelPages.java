package fr.la27eregion.label.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/**
 * The labels' pages as a person uses them: the list ({@code app/labels/labels.xhtml}) with its filters, and a
 * label's page ({@code label.xhtml?id=}) with its step buttons and dialog, certificate links and renewal form.
 */
public class LabelPages extends IntranetPage {

    public LabelPages(Browser browser) {
        super(browser);
    }

    /** Opens a label's page, in a language when one is given. */
    public LabelPages open(long id, String language) {
        browser.open(browser.application().resolve("app/labels/label.xhtml?id=" + id
                + (language == null ? "" : "&lang=" + language)));
        return this;
    }

    /** Opens the applications list, then follows its link to the labels list. */
    public LabelPages openListFromApplications() {
        browser.open(browser.application().resolve("app/labels/index.xhtml"));
        loadingNewPage(() -> browser.driver().findElement(By.id("labels-link")).click());
        return this;
    }

    /** Filters the list by a programme (its visible name) and a state (its visible label; null: any). */
    public LabelPages filter(String programme, String state) {
        if (programme != null) {
            new Select(browser.driver().findElement(By.id("labels:programme"))).selectByVisibleText(programme);
        }
        if (state != null) {
            new Select(browser.driver().findElement(By.id("labels:state"))).selectByVisibleText(state);
        }
        browser.driver().findElement(By.id("labels:filter")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /** The rows of the list, as their text. */
    public List<String> rows() {
        return browser.driver().findElements(By.cssSelector("#labels\\:table tbody tr")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }

    /** Follows the row's link to the label of this certificate number. */
    public LabelPages openRow(String certificateNumber) {
        loadingNewPage(() -> browser.driver().findElement(By.linkText(certificateNumber)).click());
        return this;
    }

    public String state() {
        return browser.driver().findElement(By.id("state")).getDomAttribute("data-state");
    }

    public String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    public boolean has(String css) {
        return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
    }

    /** Whether the page offers this step ({@code SUSPEND}...). */
    public boolean offers(String action) {
        return has("#steps .action-" + action);
    }

    /** Presses the step's button and waits for its dialog. */
    public LabelPages step(String action) {
        By button = By.cssSelector("#steps .action-" + action);
        browser.driver().findElement(button).click();
        browser.waitUntil(d -> d.findElement(By.id("actionDialog")).isDisplayed() && ajaxIdle()
                && d.findElements(button).stream().allMatch(pressed -> pressed.isEnabled()
                        && !pressed.getDomAttribute("class").contains("ui-state-disabled")));
        return this;
    }

    public LabelPages reason(String reason) {
        WebElement field = browser.driver().findElement(By.id("action:reason"));
        field.clear();
        field.sendKeys(reason);
        return this;
    }

    /** Confirms the step in the dialog and waits for the page to be updated. */
    public LabelPages confirm() {
        browser.driver().findElement(By.id("action:perform")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /** The refusal shown in the dialog, beside the motivation. */
    public String dialogError() {
        return browser.driver().findElement(By.id("action:reasonMessage")).getText();
    }

    public boolean dialogOpen() {
        return browser.driver().findElement(By.id("actionDialog")).isDisplayed();
    }

    public List<String> timeline() {
        return browser.driver().findElements(By.cssSelector("#timeline-list li")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }

    /** The status and type of the certificate at a link of the page, fetched with the page's session. */
    public String fetch(String linkId) {
        String href = browser.driver().findElement(By.id(linkId)).getDomAttribute("href");
        Object answer = browser.script().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => done(r.status"
                + " + ' ' + r.headers.get('content-type') + ' ' + b.byteLength))).catch(e => done('failed ' + e));",
                href);
        return String.valueOf(answer);
    }

    /** Chooses the campaign to renew in (its visible title) and starts the renewal. */
    public LabelPages renewIn(String campaign) {
        new Select(browser.driver().findElement(By.id("renewForm:campaign"))).selectByVisibleText(campaign);
        loadingNewPage(() -> browser.driver().findElement(By.id("renewForm:renew")).click());
        return this;
    }
}
