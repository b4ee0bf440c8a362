package fr.la27eregion.membership.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/**
 * An organisation's page ({@code /app/membership/organisation.xhtml}): its profile, contacts table and editor, the
 * membership with its action buttons and dialog, and the timeline.
 */
public class OrganisationPage extends IntranetPage {

    public OrganisationPage(Browser browser) {
        super(browser);
    }

    /** Opens the page of an organisation by its id, as a link in a mail does. */
    public OrganisationPage open(URI application, long id) {
        load(application, "app/membership/organisation.xhtml?id=" + id);
        return this;
    }

    /** Follows the menu link "My organisation". */
    public OrganisationPage openMine() {
        loadingNewPage(() -> browser.driver().findElement(By.id("nav-organisation")).click());
        return this;
    }

    public boolean restricted() {
        return !browser.driver().findElements(By.id("restricted")).isEmpty();
    }

    public boolean showsContacts() {
        return !browser.driver().findElements(By.id("contacts:table")).isEmpty();
    }

    /** The rows of the contacts table, as text. */
    public List<String> contacts() {
        return browser.driver().findElements(By.cssSelector("[id='contacts:table'] tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    public OrganisationPage addContact(String fullName, String email, String jobTitle, String networkRole) {
        click(By.id("contacts:addContact"));
        return fillContact(fullName, email, jobTitle, networkRole);
    }

    /** Opens the editor of the contact by the edit button of its row (the page in French). */
    public OrganisationPage editContact(String fullName) {
        click(By.xpath("//button[@aria-label='Modifier " + fullName + "']"));
        return this;
    }

    public OrganisationPage fillContact(String fullName, String email, String jobTitle, String networkRole) {
        type("contact:fullName", fullName);
        type("contact:email", email);
        type("contact:jobTitle", jobTitle);
        new Select(browser.driver().findElement(By.id("contact:networkRole"))).selectByValue(networkRole);
        return this;
    }

    public OrganisationPage jobTitle(String jobTitle) {
        type("contact:jobTitle", jobTitle);
        return this;
    }

    public OrganisationPage saveContact() {
        click(By.id("contact:saveContact"));
        return this;
    }

    public OrganisationPage editProfile() {
        click(By.id("profile:edit"));
        return this;
    }

    /** Types in a field of the profile editor ({@code website}, {@code address}...). */
    public OrganisationPage profile(String field, String text) {
        type("profile:" + field, text);
        return this;
    }

    public OrganisationPage saveProfile() {
        click(By.id("profile:saveProfile"));
        return this;
    }

    /** Asks to remove the contact by the remove button of its row, then confirms (the page in French). */
    public OrganisationPage removeContact(String fullName) {
        click(By.xpath("//button[@aria-label='Retirer " + fullName + "']"));
        click(By.id("contacts:confirmRemove"));
        return this;
    }

    /** The rows of the secretariat's table of former contacts whose data are kept, as text. */
    public List<String> formerContacts() {
        return browser.driver().findElements(By.cssSelector("[id='contacts:former'] tbody tr.former-contact"))
                .stream().map(WebElement::getText).toList();
    }

    /** Asks to erase the personal data of a former contact by its row's button, then confirms (in French). */
    public OrganisationPage eraseFormerContact(String fullName) {
        click(By.xpath("//*[@id='contacts:former']//button[@aria-label='Effacer ses données personnelles "
                + fullName + "']"));
        click(By.id("contacts:confirmErase"));
        return this;
    }

    /** The profile as shown, a line per fact. */
    public String profileFacts() {
        return browser.driver().findElement(By.id("profile-facts")).getText();
    }

    /** The confirmations and refusals for the page as a whole. */
    public String pageMessage() {
        return browser.driver().findElements(By.cssSelector("#messages li")).stream().map(WebElement::getText)
                .findFirst().orElse("").strip();
    }

    /** Whether the timeline offers its older events. */
    public boolean offersOlderEvents() {
        return !browser.driver().findElements(By.id("older:showOlder")).isEmpty();
    }

    /** Presses "show older events" and waits for them. */
    public OrganisationPage showOlderEvents() {
        click(By.id("older:showOlder"));
        return this;
    }

    /** The entries of the timeline shown, newest first, as text. */
    public List<String> timeline() {
        return browser.driver().findElements(By.cssSelector("#timeline-list li")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ").strip()).toList();
    }

    /** The rows of the membership history, as text. */
    public List<String> history() {
        return browser.driver().findElements(By.cssSelector("[id='historyTable'] tbody tr")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ")).toList();
    }

    public String membershipState() {
        return browser.driver().findElements(By.id("membership-state")).stream().map(WebElement::getText)
                .findFirst().orElse("");
    }

    /** Presses the action's button ({@code REVIEW}...) and waits for its dialog. */
    public OrganisationPage act(String action) {
        By button = By.cssSelector("#membership .action-" + action);
        click(button);
        // the dialog shows (oncomplete) before PrimeFaces enables the pressed button again: until then it is faded,
        // which is neither what a person sees for long nor what the accessibility check should judge
        browser.waitUntil(d -> d.findElement(By.id("actionDialog")).isDisplayed() && ajaxIdle()
                && d.findElements(button).stream().allMatch(pressed -> pressed.isEnabled()
                        && !pressed.getAttribute("class").contains("ui-state-disabled")));
        return this;
    }

    public OrganisationPage reason(String reason) {
        type("action:reason", reason);
        return this;
    }

    public OrganisationPage confirmAction() {
        click(By.id("action:perform"));
        return this;
    }

    public boolean dialogOpen() {
        return browser.driver().findElement(By.id("actionDialog")).isDisplayed();
    }

    public String fieldMessage(String clientId) {
        return browser.driver().findElements(By.id(clientId)).stream().map(WebElement::getText).findFirst()
                .orElse("").strip();
    }

    private void click(By button) {
        browser.driver().findElement(button).click();
        browser.waitUntil(d -> ajaxIdle());
    }

    private void type(String id, String text) {
        WebElement field = browser.driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
