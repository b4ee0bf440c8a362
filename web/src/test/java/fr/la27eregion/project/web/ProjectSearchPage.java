package fr.la27eregion.project.web;

import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;

/**
 * {@code public/projets.xhtml} as a visitor uses it: words and filters in a search form, the sentence that says how
 * many projects were found (a status), the results with the matched words marked, each linked to its public page.
 */
final class ProjectSearchPage extends PublicPage {

    private static final String PATH = "public/projets.xhtml";

    ProjectSearchPage(Browser browser) {
        super(browser);
    }

    ProjectSearchPage open(URI application, String language) {
        load(application, PATH, language);
        return this;
    }

    /** Types the words, chooses a stage (its label, or null), and submits: a new page, the search in its address. */
    ProjectSearchPage search(String words, String stage) {
        WebElement input = browser.driver().findElement(By.id("search:q"));
        input.clear();
        input.sendKeys(words);
        if (stage != null) {
            new Select(browser.driver().findElement(By.id("search:stage"))).selectByVisibleText(stage);
        }
        loadingNewPage(() -> browser.driver().findElement(By.id("search:submit")).click());
        return this;
    }

    String count() {
        return browser.driver().findElement(By.id("count")).getText();
    }

    List<String> titles() {
        return browser.driver().findElements(By.cssSelector(".project-hit__title a")).stream()
                .map(WebElement::getText).toList();
    }

    List<String> marked() {
        return browser.driver().findElements(By.cssSelector(".project-hit__title mark")).stream()
                .map(WebElement::getText).toList();
    }

    String address() {
        return browser.driver().getCurrentUrl();
    }

    /** Follows the link of the result with this title to the project's page. */
    void openResult(String title) {
        loadingNewPage(() -> browser.driver().findElements(By.cssSelector(".project-hit__title a")).stream()
                .filter(link -> link.getText().equals(title)).findFirst().orElseThrow().click());
    }

    List<String> similarTitles() {
        return browser.driver().findElements(By.cssSelector(".similar-project a")).stream()
                .map(WebElement::getText).toList();
    }
}
