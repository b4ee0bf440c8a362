package fr.la27eregion.label.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

/**
 * The secretariat's label pages as a person uses them: programmes and one programme (its criteria editor, grid
 * versions, templates), campaigns and one campaign (its applications and the bulk assignment), and the assignment
 * section of an application. Inputs are found by their client ids ({@code create:criteria:1:weight}).
 */
final class LabelDeskPages extends IntranetPage {

    LabelDeskPages(Browser browser) {
        super(browser);
    }

    WebElement find(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return browser.driver().findElements(By.cssSelector(css));
    }

    WebElement byId(String id) {
        return browser.driver().findElement(By.id(id));
    }

    /** Replaces the text of an input. */
    LabelDeskPages type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Sets a date or date-time input's value as its picker would ({@code 2026-12-01}, {@code 2026-12-01T09:00}). */
    LabelDeskPages setValue(String id, String value) {
        browser.script().executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
        return this;
    }

    LabelDeskPages choose(String id, String visibleText) {
        new Select(byId(id)).selectByVisibleText(visibleText);
        return this;
    }

    /** Follows a link or presses a button that loads a new page. */
    LabelDeskPages navigate(String css) {
        loadingNewPage(() -> find(css).click());
        return this;
    }

    /** Presses a button whose ajax request either updates the page or sends it to another one. */
    LabelDeskPages press(String id) {
        byId(id).click();
        settle();
        return this;
    }

    /** Waits for the ajax request and for any new page it led to. */
    void settle() {
        browser.waitUntil(d -> {
            try {
                return "complete".equals(browser.script().executeScript("return document.readyState"))
                        && ajaxIdle();
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
    }

    /** Presses a button asking for a confirmation and waits for the dialog. */
    LabelDeskPages pressAndWaitForConfirmation(String id) {
        byId(id).click();
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("confirmDialog")));
        browser.waitUntil(d -> byId(id).isEnabled() && !byId(id).getAttribute("class").contains("ui-state-disabled"));
        return this;
    }

    String confirmationText() {
        return find("[id='confirmDialog'] .ui-confirm-dialog-message").getText();
    }

    /** Confirms in the dialog and waits for the action's request. */
    LabelDeskPages confirm() {
        byId("confirmYes").click();
        settle();
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("confirmDialog")));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".ui-dialog-mask")).stream()
                .noneMatch(WebElement::isDisplayed));
        return this;
    }

    /** The page's messages (confirmations, refusals for the whole page). */
    String pageMessages() {
        return all("[id='messages'] li").stream().map(WebElement::getText).reduce("", (a, b) -> a + " " + b).strip();
    }

    /** The message shown beside an input (its p:message follows it in the same field). */
    String messageBeside(String inputId) {
        WebElement input = byId(inputId);
        WebElement field = input.findElement(By.xpath("ancestor::div[contains(@class,'field')][1]"));
        return field.findElements(By.cssSelector(".ui-message-error")).stream().map(WebElement::getText)
                .reduce("", (a, b) -> a + " " + b).strip();
    }

    boolean invalid(String inputId) {
        WebElement input = byId(inputId);
        return "true".equals(input.getDomAttribute("aria-invalid"))
                || input.getAttribute("class").contains("ui-state-error");
    }

    /** Ticks the checkbox of an application's row of the campaign page. */
    LabelDeskPages tick(long applicationId) {
        WebElement box = find("[id='bulk:applications_data'] tr[data-rk='" + applicationId
                + "'] .ui-selection-column [role='checkbox']");
        box.click();
        browser.waitUntil(d -> "true".equals(find("[id='bulk:applications_data'] tr[data-rk='" + applicationId
                + "'] .ui-selection-column [role='checkbox']").getDomAttribute("aria-checked")));
        return this;
    }

    /** Types part of a reviewer's name in the manual assignment's picker and chooses them by the keyboard. */
    LabelDeskPages pickReviewer(String typed, long accountId) {
        WebElement field = byId("assignment:reviewer_input");
        field.sendKeys(typed);
        By item = By.cssSelector("[id='assignment:reviewer_panel'] li[data-item-value='" + accountId + "']");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(item));
        for (int moves = 0; moves < 25 && !browser.driver().findElement(item).getDomAttribute("class")
                .contains("ui-state-highlight"); moves++) {
            field.sendKeys(Keys.ARROW_DOWN);
        }
        field.sendKeys(Keys.ENTER);
        settle();
        return this;
    }
}
