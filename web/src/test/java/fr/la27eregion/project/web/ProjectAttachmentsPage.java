package fr.la27eregion.project.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** The files of a project, on its page ({@code app/projects/project.xhtml?id=N}, the fragment attachments.xhtml). */
public class ProjectAttachmentsPage extends IntranetPage {

    public ProjectAttachmentsPage(Browser browser) {
        super(browser);
    }

    public ProjectAttachmentsPage open(URI application, long project) {
        load(application, "app/projects/project.xhtml?id=" + project);
        return this;
    }

    /** Chooses a file in the upload field and sends it. */
    public ProjectAttachmentsPage send(Path file) {
        choose(file);
        loadingNewPage(() -> browser.driver().findElement(By.id("attachments:upload")).click());
        return this;
    }

    /** Chooses a file in the upload field without sending it. */
    public ProjectAttachmentsPage choose(Path file) {
        browser.driver().findElement(By.id("attachments:file")).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** What the file field shows beside the browser's hidden own: the page's button and the chosen file's name. */
    public String picker() {
        return browser.driver().findElement(By.cssSelector(".file-picker")).getText().replaceAll("\\s+", " ").strip();
    }

    public boolean offersUpload() {
        return !browser.driver().findElements(By.id("attachments:file")).isEmpty();
    }

    /** Each listed file as its row reads (name, type, size, date). */
    public List<String> rows() {
        return browser.driver().findElements(By.cssSelector("#attachments-list tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    /** The address of the first file's download link. */
    public String firstLink() {
        return browser.driver().findElement(By.cssSelector("#attachments-list a.attachment-link"))
                .getDomAttribute("href");
    }

    /** The refusal shown beside the upload field (empty when none). */
    public String fieldMessage() {
        return browser.driver().findElements(By.id("attachments:fileMessage")).stream().map(WebElement::getText)
                .findFirst().orElse("").strip();
    }

    /** Whether the upload field is described by its hint and its message (read by screen readers with it). */
    public String describedBy() {
        return browser.driver().findElement(By.id("attachments:file")).getDomAttribute("aria-describedby");
    }
}
