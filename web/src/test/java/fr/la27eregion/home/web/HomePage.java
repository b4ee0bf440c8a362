package fr.la27eregion.home.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The intranet's home: a role's section, a kind of work with its count and items, the menu's badges. */
public class HomePage extends IntranetPage {

    public HomePage(Browser browser) {
        super(browser);
    }

    /** Opens the home, in French unless {@code language} says otherwise. */
    public HomePage open(String language) {
        browser.open(browser.application().resolve("app/index.xhtml?lang=" + language));
        return this;
    }

    /** The roles whose sections the home shows, in order ({@code NETWORK_ADMIN}...). */
    public List<String> sections() {
        return browser.driver().findElements(By.cssSelector("section.home-section")).stream()
                .map(s -> s.getAttribute("id").substring("home-".length())).toList();
    }

    /** The number beside a kind of work of a role. */
    public long count(String role, String kind) {
        return Long.parseLong(waiting(role, kind).findElement(By.cssSelector(".waiting__count")).getText());
    }

    /** The links of a kind's items (their addresses). */
    public List<String> links(String role, String kind) {
        return waiting(role, kind).findElements(By.cssSelector("a.waiting-item__link")).stream()
                .map(a -> a.getAttribute("href")).toList();
    }

    /** The text of a kind's item whose link ends with {@code pathEnd}. */
    public String item(String role, String kind, String pathEnd) {
        return item(waiting(role, kind), pathEnd).getText();
    }

    /** Follows the link of a kind's item whose address ends with {@code pathEnd} to where it is done. */
    public void follow(String role, String kind, String pathEnd) {
        WebElement link = item(waiting(role, kind), pathEnd).findElement(By.cssSelector("a.waiting-item__link"));
        loadingNewPage(link::click);
    }

    /** Follows the item's link "declare a conflict of interest" (a reviewer's assignment). */
    public void declareConflict(String pathEnd) {
        WebElement link = item(waiting("REVIEWER", "ASSIGNMENTS"), pathEnd)
                .findElement(By.cssSelector("a.waiting-item__conflict"));
        loadingNewPage(link::click);
    }

    /** Presses the auditor's "verify the journal now"; the home comes back with the result. */
    public void verifyJournal() {
        // the form is inside the sections' repeat, which prefixes its client id
        loadingNewPage(() -> browser.driver().findElement(By.cssSelector("#journal-verification button[id$=':verify']"))
                .click());
    }

    /** Follows one of the auditor's entry points, by its text. */
    public void followEntryPoint(String text) {
        WebElement link = browser.driver().findElements(By.cssSelector("#journal-verification .home-links a"))
                .stream().filter(a -> a.getText().equals(text)).findFirst().orElseThrow();
        loadingNewPage(link::click);
    }

    /** The badge of a menu entry ({@code nav-home}, {@code nav-reviews}...), empty when it shows none. */
    public String badge(String entry) {
        return browser.driver().findElements(By.cssSelector("#" + entry + " .nav-badge")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    /** Saves the whole page as {@code target/home-screenshots/<name>.png}. */
    public void screenshot(String name) {
        Path shot = browser.screenshot("home-" + name);
        Path to = Path.of(System.getProperty("browser.work.dir", "target"), "home-screenshots", name + ".png");
        try {
            Files.createDirectories(to.getParent());
            Files.copy(shot, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement waiting(String role, String kind) {
        return browser.driver().findElement(By.id("waiting-" + role + "-" + kind));
    }

    private static WebElement item(WebElement waiting, String pathEnd) {
        return waiting.findElements(By.cssSelector("li.waiting-item")).stream()
                .filter(li -> li.findElements(By.cssSelector("a.waiting-item__link")).stream()
                        .anyMatch(a -> a.getAttribute("href").endsWith(pathEnd)))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + pathEnd + " in " + waiting.getText()));
    }
}
