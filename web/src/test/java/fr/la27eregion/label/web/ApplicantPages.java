package fr.la27eregion.label.web;

import fr.la27eregion.identity.web.IntranetPage;
import fr.la27eregion.testing.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The applicant's pages: "Nouvelle candidature" ({@code app/labels/new.xhtml}) and, on the application page, its
 * files (the fragment {@code WEB-INF/includes/label/attachments.xhtml}) and the conversation's form with its file.
 */
public class ApplicantPages extends IntranetPage {

    public ApplicantPages(Browser browser) {
        super(browser);
    }

    public ApplicantPages openList(URI application) {
        load(application, "app/labels/index.xhtml");
        return this;
    }

    public ApplicantPages openApplication(URI application, long id, String language) {
        if (language == null) {
            load(application, "app/labels/application.xhtml?id=" + id);
        } else {
            load(application, "app/labels/application.xhtml?id=" + id, language);
        }
        return this;
    }

    /** From the list, the button "Nouvelle candidature". */
    public ApplicantPages startNew() {
        loadingNewPage(() -> element("#newApplication").click());
        return this;
    }

    public ApplicantPages chooseCampaign(long campaignId) {
        element("input[type='radio'][name='newApplication:campaign'][value='" + campaignId + "']").click();
        return this;
    }

    public ApplicantPages chooseProject(long projectId) {
        new Select(element("select[id='newApplication:project']")).selectByValue(String.valueOf(projectId));
        return this;
    }

    public ApplicantPages create() {
        loadingNewPage(() -> element("button[id='newApplication:start']").click());
        return this;
    }

    /** The message beside a field of the new-application form ({@code campaign}, {@code project}). */
    public String newFieldMessage(String field) {
        return text("[id='newApplication:" + field + "Message']");
    }

    /** What each open campaign asks, as the page lists it, for one campaign code. */
    public String asks(String campaignCode) {
        return text("#asks-" + campaignCode);
    }

    public void answer(String criterionCode, String text) {
        element("textarea.answer-" + criterionCode).sendKeys(text);
    }

    public void saveAnswers() {
        loadingNewPage(() -> element("button[id$='save']").click());
    }

    /** Chooses a file in the application's upload field (the browser checks it at once). */
    public ApplicantPages chooseFile(Path file) {
        element("#applicationFiles input[type='file']").sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    public ApplicantPages sendFile() {
        loadingNewPage(() -> element("[id='applicationFiles:upload']").click());
        return this;
    }

    /** The browser's own check of the chosen file (empty when it is fine). */
    public String browserCheck() {
        return text("#applicationFiles-fileCheck");
    }

    /** The server's refusal beside the upload field (empty when none). */
    public String fileMessage() {
        return text("[id='applicationFiles:fileMessage']");
    }

    public List<String> files() {
        return browser.driver().findElements(By.cssSelector("#application-files-list tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    public boolean offersUpload() {
        return !browser.driver().findElements(By.cssSelector("#applicationFiles input[type='file']")).isEmpty();
    }

    /** Writes a message with a file in the conversation and sends it. */
    public ApplicantPages writeMessage(String text, Path file) {
        element("textarea[id$='body']").sendKeys(text);
        if (file != null) {
            element("#messageForm input[type='file']").sendKeys(file.toAbsolutePath().toString());
        }
        loadingNewPage(() -> element("button[id$='send']").click());
        return this;
    }

    public String conversation() {
        return text("#conversation");
    }

    /** The download links of the conversation's files. */
    public List<String> messageFileLinks() {
        return browser.driver().findElements(By.cssSelector("#conversation a.message-file-link")).stream()
                .map(link -> link.getDomAttribute("href")).toList();
    }

    public String state() {
        return element("#state").getDomAttribute("data-state");
    }

    public String pageMessages() {
        return text(".page-messages");
    }

    private WebElement element(String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }

    private String text(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).findFirst()
                .orElse("").strip();
    }
}
