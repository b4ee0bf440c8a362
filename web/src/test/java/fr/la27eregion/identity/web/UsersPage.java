package fr.la27eregion.identity.web;

import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounts page of the secretariat ({@code /app/admin/users.xhtml}): the list and the creation form. */
public class UsersPage extends IntranetPage {

    public UsersPage(Browser browser) {
        super(browser);
    }

    /** Fills the creation form and submits it (ajax); {@code roleIndex} is the role's position in the list. */
    public UsersPage create(String username, String name, String email, String password, int roleIndex) {
        type("create:username", username);
        type("create:displayName", name);
        type("create:email", email);
        type("create:password", password);
        WebElement role = browser.driver().findElement(By.cssSelector("label[for='create:roles:" + roleIndex + "']"));
        if (!browser.driver().findElement(By.id("create:roles:" + roleIndex)).isSelected()) {
            role.click();
        }
        browser.driver().findElement(By.id("create:createButton")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /**
     * Types part of an organisation's name in the creation form's organisation field and chooses the organisation
     * among the suggestions, as a keyboard user does (arrow down to it, Enter).
     */
    public UsersPage chooseOrganisation(String typed, String name) {
        WebElement field = browser.driver().findElement(By.id("create:organisation_input"));
        field.clear();
        field.sendKeys(typed);
        By suggestion = By.cssSelector("[id='create:organisation_panel'] li[data-item-label='" + name + "']");
        browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(suggestion));
        for (int moves = 0; moves < 25 && !highlighted(suggestion); moves++) {
            field.sendKeys(Keys.ARROW_DOWN);
        }
        field.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    private boolean highlighted(By suggestion) {
        return browser.driver().findElement(suggestion).getDomAttribute("class").contains("ui-state-highlight");
    }

    /** Filters the list down to the account and opens the form that changes its roles and organisation. */
    public UsersPage editRoles(String username) {
        WebElement filter = browser.driver().findElement(By.id("accounts:filter"));
        filter.clear();
        filter.sendKeys(username);
        browser.waitUntil(d -> ajaxIdle());
        browser.waitUntil(d -> usernames().equals(List.of(username)));
        browser.driver().findElement(By.xpath("//button[@aria-label='Modifier les rôles " + username + "']")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /** The organisation field of the form that changes an account's roles shows this. */
    public String selectedOrganisation() {
        return browser.driver().findElement(By.id("roles:selectedOrganisation_input")).getDomProperty("value");
    }

    /** The organisation field of the creation form shows this. */
    public String chosenOrganisation() {
        return browser.driver().findElement(By.id("create:organisation_input")).getDomProperty("value");
    }

    /** Presses the disable button of the account's row and waits for the answer. */
    public void disable(String username) {
        browser.driver().findElement(By.xpath("//button[@aria-label='Désactiver " + username + "']")).click();
        browser.waitUntil(d -> ajaxIdle());
    }

    /** Types in the filter above the table and waits until it lists only accounts whose username contains it. */
    public UsersPage filter(String text) {
        type("accounts:filter", text);
        browser.waitUntil(d -> {
            try {
                List<String> shown = usernames();
                return ajaxIdle() && !shown.isEmpty() && shown.stream().allMatch(name -> name.contains(text));
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
        return this;
    }

    /** Presses the password reset button of the account's row and waits for the answer. */
    public void resetPassword(String username) {
        browser.driver().findElement(By.xpath("//button[@aria-label='Réinitialiser le mot de passe " + username
                + "']")).click();
        browser.waitUntil(d -> ajaxIdle());
    }

    /** Shows the access tokens of the account of a row (filter the list to it first). */
    public UsersPage showTokens(String username) {
        browser.driver().findElement(By.xpath("//button[@aria-label=\"Jetons d'accès " + username + "\"]")).click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    /** The rows of the account's tokens, each as its text. */
    public List<String> tokens() {
        return browser.driver().findElements(By.cssSelector("[id='tokens:tokenTable'] tbody tr")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ")).toList();
    }

    /** Presses the revoke button of the token of this name, in the account's tokens, and confirms. */
    public UsersPage revokeToken(String name) {
        browser.driver().findElement(By.xpath("//*[@id='tokens']//button[@aria-label='Révoquer " + name + "']"))
                .click();
        WebElement confirm = browser.driver().findElement(By.id("tokens:confirmRevokeYes"));
        browser.waitUntil(d -> confirm.isDisplayed());
        assertThat(browser.driver().findElement(By.id("tokens:confirmRevoke")).getText())
                .as("the dialog names the token").contains(name);
        confirm.click();
        browser.waitUntil(d -> ajaxIdle());
        return this;
    }

    public String fieldMessage(String field) {
        return browser.driver().findElements(By.cssSelector("[id='create:" + field + "Message']")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    public String pageMessage() {
        return browser.driver().findElements(By.cssSelector("[id='messages'] li")).stream()
                .map(WebElement::getText).findFirst().orElse("").strip();
    }

    public List<String> usernames() {
        return browser.driver().findElements(By.cssSelector("[id='accounts:table'] tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
