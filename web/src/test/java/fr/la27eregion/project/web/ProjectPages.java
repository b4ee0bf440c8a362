package fr.la27eregion.project.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/**
 * The intranet's project pages: the list ({@code app/projects/index.xhtml}), the form ({@code edit.xhtml}) and a
 * project's page ({@code project.xhtml?id=}) with its step buttons and dialog.
 */
public class ProjectPages extends IntranetPage {

    public ProjectPages(Browser browser) {
        super(browser);
    }

    /** Follows the menu link "Projects". */
    public ProjectPages openList() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-projects")).click());
        return this;
    }

    /** The titles of the list's rows. */
    public List<String> listed() {
        return browser.driver().findElements(By.cssSelector("[id='projects:table'] .project-link")).stream()
                .map(WebElement::getText).toList();
    }

    public ProjectPages startNew() {
        loadingNewPage(() -> browser.driver().findElement(By.id("newProject")).click());
        return this;
    }

    public ProjectPages open(URI application, long id) {
        load(application, "app/projects/project.xhtml?id=" + id);
        return this;
    }

    public ProjectPages type(String field, String text) {
        WebElement input = browser.driver().findElement(By.id("edit:" + field));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public ProjectPages kind(String kind) {
        new Select(browser.driver().findElement(By.id("edit:kind"))).selectByValue(kind);
        return this;
    }

    /** Ticks a theme by its label. */
    public ProjectPages theme(String label) {
        browser.driver().findElement(By.xpath("//*[@id='edit:themes']//label[normalize-space()=\"" + label + "\"]"))
                .click();
        return this;
    }

    /** Types part of an organisation's name and chooses it among the suggestions, by the keyboard. */
    public ProjectPages partner(String typed, String name) {
        WebElement field = browser.driver().findElement(By.id("edit:partnerToAdd_input"));
        field.sendKeys(typed);
        By suggestion = By.cssSelector("[id='edit:partnerToAdd_panel'] li[data-item-label='" + name + "']");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(suggestion));
        for (int moves = 0; moves < 25 && !browser.driver().findElement(suggestion).getDomAttribute("class")
                .contains("ui-state-highlight"); moves++) {
            field.sendKeys(Keys.ARROW_DOWN);
        }
        field.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> ajaxIdle() && d.findElement(By.id("chosen-partners")).getText().contains(name));
        return this;
    }

    /** Types the description and waits for the preview of what the server keeps. */
    public ProjectPages description(String html) {
        type("description", html);
        browser.waitUntil(d -> ajaxIdle() && !d.findElement(By.id("edit:descriptionPreview")).getText()
                .equals(d.findElement(By.id("edit:descriptionPreview")).findElement(By.cssSelector(".hint")).getText()));
        return this;
    }

    /** The preview's HTML (what the server will keep). */
    public String descriptionPreview() {
        return browser.driver().findElement(By.cssSelector("[id='edit:descriptionPreview'] .rich-text"))
                .getDomProperty("innerHTML").strip();
    }

    public ProjectPages addOutsidePartner(String name, String country, String kind) {
        int row = browser.driver().findElements(By.cssSelector("[id$=':outsideName']")).size();
        browser.driver().findElement(By.id("edit:addOutside")).click();
        browser.waitUntil(d -> ajaxIdle() && d.findElements(By.id("edit:outside:" + row + ":outsideName")).size() == 1);
        browser.driver().findElement(By.id("edit:outside:" + row + ":outsideName")).sendKeys(name);
        new Select(browser.driver().findElement(By.id("edit:outside:" + row + ":outsideCountry"))).selectByValue(country);
        new Select(browser.driver().findElement(By.id("edit:outside:" + row + ":outsideKind"))).selectByValue(kind);
        return this;
    }

    public ProjectPages save() {
        loadingNewPage(() -> browser.driver().findElement(By.id("edit:save")).click());
        return this;
    }

    public String fieldMessage(String clientId) {
        return browser.driver().findElements(By.id(clientId)).stream().map(WebElement::getText).findFirst()
                .orElse("").strip();
    }

    /** The id of the project whose page is shown. */
    public long projectId() {
        String query = URI.create(browser.driver().getCurrentUrl()).getQuery();
        return Long.parseLong(query.replaceAll(".*\\bid=(\\d+).*", "$1"));
    }

    public String pageMessage() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText)
                .findFirst().orElse("").strip();
    }

    /** The visibility shown ({@code DRAFT}...). */
    public String visibility() {
        return browser.driver().findElement(By.id("visibility")).getDomAttribute("data-state");
    }

    public String stage() {
        return browser.driver().findElement(By.id("stage")).getDomAttribute("data-state");
    }

    public List<String> partners() {
        return browser.driver().findElements(By.cssSelector("#partners li")).stream().map(WebElement::getText)
                .toList();
    }

    /** The themes the project page lists, as the reader reads them. */
    public List<String> themes() {
        return browser.driver().findElements(By.cssSelector("#themes li")).stream().map(WebElement::getText)
                .toList();
    }

    /** Whether the page offers this step ({@code PUBLISH}, {@code START}...). */
    public boolean offers(String action) {
        return !browser.driver().findElements(By.cssSelector("#steps .action-" + action)).isEmpty();
    }

    /** Presses the step's button and waits for its dialog. */
    public ProjectPages step(String action) {
        By button = By.cssSelector("#steps .action-" + action);
        browser.driver().findElement(button).click();
        browser.waitUntil(d -> d.findElement(By.id("actionDialog")).isDisplayed() && ajaxIdle()
                && d.findElements(button).stream().allMatch(pressed -> pressed.isEnabled()
                        && !pressed.getDomAttribute("class").contains("ui-state-disabled")));
        return this;
    }

    public ProjectPages reason(String reason) {
        WebElement field = browser.driver().findElement(By.id("action:reason"));
        field.clear();
        field.sendKeys(reason);
        return this;
    }

    public ProjectPages confirm() {
        browser.driver().findElement(By.id("action:perform")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    public List<String> timeline() {
        return browser.driver().findElements(By.cssSelector("#timeline-list li")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }
}
