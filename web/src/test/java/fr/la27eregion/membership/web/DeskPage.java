package fr.la27eregion.membership.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The membership desk ({@code /app/membership/desk.xhtml}) as the secretariat and auditors use it: the buttons of
 * the states with their counts, the organisation filter, the table with its actions and checkboxes, the dialog that
 * confirms an action, and the bulk renewal with its outcome.
 */
final class DeskPage extends IntranetPage {

    private static final Pattern COUNT = Pattern.compile("\\((\\d+)\\)\\s*$");

    DeskPage(Browser browser) {
        super(browser);
    }

    /** Follows the intranet menu's link to the desk. */
    DeskPage openFromMenu() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-desk")).click());
        return this;
    }

    boolean offeredInMenu() {
        return !browser.driver().findElements(By.id("nav-desk")).isEmpty();
    }

    /** The count its button gives a state ({@code APPLIED}...), or every membership ({@code ALL}). */
    long count(String state) {
        Matcher count = COUNT.matcher(stateButton(state).getText());
        if (!count.find()) {
            throw new AssertionError("No count on the button of " + state + ": " + stateButton(state).getText());
        }
        return Long.parseLong(count.group(1));
    }

    /** Shows the memberships in one state (or {@code ALL}) and waits for the table. */
    DeskPage show(String state) {
        stateButton(state).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    boolean pressed(String state) {
        return "true".equals(stateButton(state).getDomAttribute("aria-pressed"));
    }

    /** The delay of the filter field's keyup request, as desk.xhtml sets it. */
    private static final long FILTER_DELAY_MILLIS = 300;

    /** Types the organisation filter and applies it with Enter, as a keyboard user would. */
    DeskPage filter(String text) {
        WebElement filter = browser.driver().findElement(By.id("desk:filter"));
        filter.clear();
        filter.sendKeys(text, Keys.ENTER);
        browser.waitUntil(d -> ajaxIdle());
        // the field's own keyup request (desk.xhtml: delay 300 ms) may still be due when the Enter's request has
        // ended, and re-renders the table when it comes (PrimeFaces keeps no trace of a due request to wait for):
        // let it come and go before anyone reads the table
        try {
            Thread.sleep(FILTER_DELAY_MILLIS + 150);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /** What the live region above the table says ("1 adhésion(s) affichée(s)"). */
    String shown() {
        return browser.driver().findElement(By.id("desk:shown")).getText().strip();
    }

    List<String> organisations() {
        return browser.driver().findElements(By.cssSelector("[id='desk:table_data'] a.desk-organisation")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** The state badge of the organisation's row. */
    String state(String organisation) {
        return row(organisation).findElement(By.cssSelector(".state")).getText().strip();
    }

    /** The text of one cell of the organisation's row (1 is the first column). */
    String cell(String organisation, int column) {
        return row(organisation).findElement(By.cssSelector("td:nth-child(" + column + ")")).getText().strip();
    }

    /** The link of the organisation's name. */
    String organisationLink(String organisation) {
        return row(organisation).findElement(By.cssSelector("a.desk-organisation")).getDomAttribute("href");
    }

    /** The id of the membership of the organisation's row (the table's row key). */
    String membershipId(String organisation) {
        return row(organisation).getDomAttribute("data-rk");
    }

    /** The actions offered on the organisation's row ({@code REVIEW}...). */
    List<String> actions(String organisation) {
        return row(organisation).findElements(By.cssSelector("button[data-action]")).stream()
                .map(button -> button.getDomAttribute("data-action")).toList();
    }

    boolean offersAnyAction() {
        return !browser.driver().findElements(By.cssSelector("button.desk-action")).isEmpty()
                || !browser.driver().findElements(By.cssSelector("[id='desk:table'] .ui-selection-column")).isEmpty()
                || !browser.driver().findElements(By.id("desk:renewSelected")).isEmpty();
    }

    /** Presses an action of the organisation's row and waits for the dialog. */
    DeskPage act(String organisation, String action) {
        // the filter's delayed keyup request may re-render the table after the Enter one did: find the row again then
        browser.waitUntil(d -> {
            try {
                row(organisation).findElement(By.cssSelector("button[data-action='" + action + "']")).click();
                return true;
            } catch (StaleElementReferenceException rerendered) {
                return false;
            }
        });
        browser.waitUntil(d -> ajaxIdle());
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("actionDialog")));
        // the dialog shows (oncomplete) before PrimeFaces enables the pressed button again: until then it is faded,
        // which is neither what a person sees for long nor what the accessibility check should judge (as
        // OrganisationPage.act waits for it)
        browser.waitUntil(d -> {
            try {
                return row(organisation).findElements(By.cssSelector("button[data-action='" + action + "']"))
                        .stream().allMatch(pressed -> pressed.isEnabled()
                                && !pressed.getAttribute("class").contains("ui-state-disabled"));
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException rerendered) {
                return false;
            }
        });
        return this;
    }

    String dialogTitle() {
        return browser.driver().findElement(By.cssSelector("[id='actionDialog'] .ui-dialog-title")).getText().strip();
    }

    boolean dialogOpen() {
        return browser.driver().findElement(By.id("actionDialog")).isDisplayed();
    }

    boolean asksForReason() {
        return !browser.driver().findElements(By.id("action:reason")).isEmpty();
    }

    boolean asksForAgreement() {
        return !browser.driver().findElements(By.id("action:agreement")).isEmpty();
    }

    DeskPage reason(String text) {
        type("action:reason", text);
        return this;
    }

    DeskPage agreement(String text) {
        type("action:agreement", text);
        return this;
    }

    /** Presses the dialog's confirm button and waits for the answer (the dialog closes when it was done). */
    DeskPage confirm() {
        browser.driver().findElement(By.id("action:confirm")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /** Waits until the dialog has closed, after a confirmed action. */
    DeskPage dialogClosed() {
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("actionDialog")));
        return this;
    }

    /** The message shown under a field of the dialog ({@code reason}, {@code agreement}, {@code confirm}). */
    String dialogMessage(String field) {
        return browser.driver().findElements(By.cssSelector("[id='action:" + field + "Message']")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    /** The ids an input of the dialog is described by (its message among them when there is one). */
    String describedBy(String field) {
        return browser.driver().findElement(By.id("action:" + field)).getDomAttribute("aria-describedby");
    }

    String pageMessage() {
        return browser.driver().findElements(By.cssSelector("[id='messages'] li")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    /**
     * Ticks the organisation's checkbox from the keyboard: the focus on it, then the space bar, as a keyboard user
     * does after tabbing to it.
     */
    DeskPage selectWithKeyboard(String organisation) {
        WebElement box = checkbox(organisation);
        browser.script().executeScript("arguments[0].focus()", box);
        new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
        browser.waitUntil(d -> "true".equals(checkbox(organisation).getDomAttribute("aria-checked")));
        return this;
    }

    /** The name assistive technologies give the organisation's checkbox. */
    String checkboxLabel(String organisation) {
        return checkbox(organisation).getDomAttribute("aria-label");
    }

    /** Whether the organisation's row may be ticked for renewal. */
    boolean selectable(String organisation) {
        return !"true".equals(checkbox(organisation).getDomAttribute("aria-disabled"));
    }

    /**
     * Renews the ticked memberships and waits until the outcome is announced.
     *
     * @return what the progress region said as the request left (the press and the reading in one script, so
     *         nothing can finish in between)
     */
    String renewSelected() {
        String progress = (String) browser.script().executeScript("""
                document.getElementById('desk:renewSelected').click();
                const running = document.getElementById('bulk-running');
                return running.hidden ? '' : running.textContent.trim();""");
        browser.waitUntil(d -> ajaxIdle());
        return progress;
    }

    /** What the progress region says once the renewal is over. */
    String renewalSummary() {
        return browser.driver().findElement(By.cssSelector(".bulk-progress[role='status']")).getText().strip();
    }

    /** The outcome of the renewal, one line per organisation. */
    List<String> renewalOutcomes() {
        return browser.driver().findElements(By.cssSelector(".bulk-outcomes li")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }

    private WebElement checkbox(String organisation) {
        return row(organisation).findElement(By.cssSelector(".ui-selection-column [role='checkbox']"));
    }

    private WebElement row(String organisation) {
        return browser.driver().findElement(By.xpath("//tbody[@id='desk:table_data']/tr[.//a[normalize-space()='"
                + organisation + "']]"));
    }

    private WebElement stateButton(String state) {
        return browser.driver().findElement(By.cssSelector("[id='desk:counts'] button[data-state='" + state + "']"));
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
