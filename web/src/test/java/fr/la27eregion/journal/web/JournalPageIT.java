package fr.la27eregion.journal.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SqlJournal;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor's journey through the journal browser, in a real Chromium against the platform, on entries appended
 * with the chain's code about records written by SQL ({@link SqlJournal}): the menu's Audit group; filtering by
 * organisation and action (the filters in the address); an entry's details opened (pretty JSON, the full hashes);
 * filtering by actor and paging to the next entries and back to the newest; the same in English. Each page
 * checked with axe-core (WCAG 2.1 A and AA). Screenshots go to {@code screenshots.dir}.
 */
@Tag("browser")
@DisplayName("Auditor journeys: the journal browser")
class JournalPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static SqlJournal seed;
    private static String organisationName;

    @BeforeAll
    static void seed() {
        seed = SqlJournal.seed("page", 55);
        organisationName = Superuser.column("SELECT name FROM organisation WHERE id = ?", seed.organisationId())
                .get(0);
    }

    @Test
    @DisplayName("an auditor filters the journal by organisation and action, and opens an entry's details")
    void filterAndDetails() {
        browser.logInAs(Role.AUDITOR);
        JournalPage page = new JournalPage(browser).open(browser.application(), "", "fr");
        assertThat(page.heading()).isEqualTo("Journal");
        assertThat(browser.driver().findElement(By.id("nav-journal")).getDomAttribute("aria-current"))
                .isEqualTo("page");
        assertThat(browser.driver().findElement(By.id("nav-group-audit")).getDomProperty("textContent").strip())
                .isEqualTo("Audit");
        assertThat(page.seqs()).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        // a stateless view: no page of the journal kept in the session (its export form is built again on post)
        assertThat(browser.driver().findElement(By.cssSelector("#export input[name='jakarta.faces.ViewState']"))
                .getDomAttribute("value")).isEqualTo("stateless");
        browser.accessibility().assertNoViolations("the journal in French");

        String action = seed.prefix() + ".application";
        page.choose("organisation", organisationName);
        page.choose("action", action);
        page.filter();
        assertThat(page.address()).contains("organisation=" + seed.organisationId()).contains("action=");
        long seq = seed.entry(action).seq();
        assertThat(page.seqs()).containsExactly(seq);
        assertThat(page.row(seq)).contains(seed.actor(), "Auditeur", "Candidature au label " + seed.applicationId(),
                "Envoyée", "En évaluation");
        String details = page.openDetails(seq);
        String hash = Superuser.column("SELECT hash FROM journal_entry WHERE seq = ?", seq).get(0);
        assertThat(details).contains("\"seeded\": true", hash);
        assertThat(page.has("next")).isFalse();
        browser.screenshot("journal-filtered-fr");
        browser.accessibility().assertNoViolations("the journal filtered, an entry's details open, in French");

        page.open(browser.application(), "organisation=" + seed.organisationId() + "&action=" + action, "en");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.seqs()).containsExactly(seq);
        assertThat(page.text()).contains("Filter the journal", "Auditor");
        browser.screenshot("journal-filtered-en");
        browser.accessibility().assertNoViolations("the journal filtered, in English");
    }

    @Test
    @DisplayName("an auditor filters by actor, pages to the next entries and back to the newest")
    void paging() {
        browser.logInAs(Role.AUDITOR);
        JournalPage page = new JournalPage(browser).open(browser.application(), "", "fr");
        page.type("actor", seed.actor());
        page.filter();
        List<Long> first = page.seqs();
        assertThat(first).hasSize(50);
        assertThat(page.has("newest")).isFalse();
        page.follow("next");
        assertThat(page.address()).contains("before=" + first.get(49)).contains("actor=");
        List<Long> second = page.seqs();
        assertThat(second).isNotEmpty().allMatch(seq -> seq < first.get(49));
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        List<Long> expected = Superuser.column("SELECT seq FROM journal_entry WHERE actor = ? ORDER BY seq DESC",
                seed.actor()).stream().map(Long::valueOf).toList();
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(page.has("next")).isFalse();
        browser.accessibility().assertNoViolations("the journal's second page in French");

        page.follow("newest");
        assertThat(page.seqs()).isEqualTo(first);
        page.open(browser.application(), "actor=" + seed.actor() + "&before=" + first.get(49), "en");
        assertThat(browser.driver().findElement(By.id("newest")).getText()).isEqualTo("Newest");
        browser.screenshot("journal-next-en");
        browser.accessibility().assertNoViolations("the journal's second page in English");
    }

    @Test
    @DisplayName("a period that ends before it starts is said beside its field, and nothing is listed")
    void wrongPeriod() {
        browser.logInAs(Role.AUDITOR);
        JournalPage page = new JournalPage(browser).open(browser.application(), "from=2026-03-01&to=2026-02-01",
                "fr");
        assertThat(browser.driver().findElement(By.id("to-error")).getText())
                .isEqualTo("La fin de la période doit être après son début.");
        assertThat(browser.driver().findElement(By.id("to")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.has("entries")).isFalse();
        browser.accessibility().assertNoViolations("the journal with a refused period in French");
    }
}
