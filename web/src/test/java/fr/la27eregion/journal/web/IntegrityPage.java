package fr.la27eregion.journal.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The journal's integrity page ({@code /app/audit/integrity.xhtml}), reached from the auditor's home or the menu. */
public class IntegrityPage extends IntranetPage {

    public IntegrityPage(Browser browser) {
        super(browser);
    }

    /** Opens the intranet home in French and follows its link to the page. */
    public IntegrityPage openFromHome() {
        browser.open(browser.application().resolve("app/index.xhtml?lang=fr"));
        loadingNewPage(() -> browser.driver().findElement(By.cssSelector("a[id$='home-integrity']")).click());
        return this;
    }

    /** Opens the page in a language. */
    public IntegrityPage open(String language) {
        browser.open(browser.application().resolve("app/audit/integrity.xhtml?lang=" + language));
        return this;
    }

    /**
     * Starts the verification and waits for its result (a minute at most), noting whether the progress was seen on
     * the way (a small journal may be checked before the first poll).
     */
    public boolean verify() {
        browser.driver().findElement(By.id("verification:verify")).click();
        AtomicBoolean progressSeen = new AtomicBoolean();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!browser.driver().findElements(By.id("progress-text")).isEmpty()) {
                progressSeen.set(true);
            }
            if (!browser.driver().findElements(By.id("verification-result")).isEmpty()
                    || !browser.driver().findElements(By.id("verification-failed")).isEmpty()) {
                browser.waitUntil(d -> ajaxIdle());
                return progressSeen.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new AssertionError("No verification result within a minute");
    }

    /** The text of an element by id, empty when absent. */
    public String text(String id) {
        List<WebElement> found = browser.driver().findElements(By.id(id));
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    /** The first row of the past verifications, as its cells' texts. */
    public List<String> lastVerification() {
        return browser.driver().findElements(By.cssSelector("[id$='history_data'] tr:first-child td")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** Clicks "anchor now" and waits for the answer. */
    public void anchorNow() {
        browser.driver().findElement(By.id("anchoring:anchor-now")).click();
        browser.waitUntil(d -> ajaxIdle());
    }

    /** The first row of the anchors' table, as its cells' texts. */
    public List<String> newestAnchor() {
        return browser.driver().findElements(By.cssSelector("tr.anchor:first-child td")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /** The page's messages. */
    public String messages() {
        return browser.driver().findElement(By.id("messages")).getText().strip();
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText().strip();
    }
}
