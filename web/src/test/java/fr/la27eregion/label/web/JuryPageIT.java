package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SqlJury;
import fr.la27eregion.testing.SqlJury.Jury;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jury's pages in real Chromium with axe-core on each state: the chair finds the campaign in the juries page
 * (the menu link is the jury's), reads the ranking (assessments side by side, the scores per criterion folded),
 * awards with a template's motivation, a level and a mention (the certificate number shown), is refused a rejection
 * without motivation beside the field, and is told plainly when another decision won meanwhile; the page in English;
 * another jury account is refused, the secretariat reads without deciding.
 */
class JuryPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String A = TestAccounts.ORGANISATION_A;

    private final JuryPage page = new JuryPage(browser);

    private void open(String path) {
        browser.open(browser.application().resolve(path));
    }

    private WebElement find(String css) {
        return page.find(css);
    }

    private List<WebElement> all(String css) {
        return page.all(css);
    }

    @Test
    @DisplayName("the chair ranks, awards from a template, is refused a rejection without motivation, sees a stale one")
    void theChairDecidesFromTheRanking() {
        Jury jury = SqlJury.jury(2);
        long second = SqlJury.reviewed(jury, A, null, new int[] {3, 6}, new int[] {4, 8});
        long best = SqlJury.reviewed(jury, A, null, new int[] {5, 10}, new int[] {4, 9});
        long third = SqlJury.reviewed(jury, A, null, new int[] {2, 4}, new int[] {1, 3});

        browser.logInAs(jury.chair().username());
        open("app/index.xhtml");
        find("#nav-juries").click();
        browser.waitForDocument();
        assertThat(find("#juries\\:table").getText()).contains("Campagne d'essai", "Prête pour le jury");
        browser.accessibility().assertNoViolations("juries page, chair");
        find("a.jury-link[href$='campaign=" + jury.campaignId() + "']").click();
        browser.waitForDocument();

        assertThat(page.rows()).containsExactly(String.valueOf(best), String.valueOf(second), String.valueOf(third));
        assertThat(page.row(best).getText()).contains("94,00", "100,00", "88,00", "12,00");
        find("tr.jury-application-" + best + " details summary").click();
        assertThat(find("tr.jury-application-" + best + " .jury-scores__table").getText()).contains("Critère usagers",
                "Critère cooperation");
        browser.accessibility().assertNoViolations("jury page, ranking with the scores unfolded");
        browser.screenshot("label-jury-ranking-fr");

        page.choose(best);
        browser.accessibility().assertNoViolations("jury page, decision dialog");
        new Select(find("#decision\\:template")).selectByVisibleText("Attribution — Projet exemplaire");
        browser.waitUntil(d -> find("#decision\\:motivation").getAttribute("value").contains("exemplaire"));
        new Select(find("#decision\\:level")).selectByValue("2");
        find("#decision\\:mentions input[value='" + SqlJury.MENTIONS.get(0) + "']").click();
        browser.screenshot("label-jury-dialog-fr");
        page.confirm();
        browser.waitUntil(d -> "AWARDED".equals(page.state(best)));
        String number = Superuser.column("SELECT certificate_number FROM label WHERE application_id = ?", best).get(0);
        assertThat(page.row(best).getText()).contains(number, "Niveau 2",
                SqlJury.MENTIONS.get(0));
        assertThat(find(".page-messages").getText()).contains("Label attribué", number);
        assertThat(Superuser.column("SELECT decision_motivation FROM label_application WHERE id = ?", best).get(0))
                .isEqualTo("Le jury salue un projet exemplaire.");
        browser.accessibility().assertNoViolations("jury page, after an award");

        page.choose(third);
        find("#decision\\:kind input[value='REJECT']").click();
        page.settle();
        browser.waitUntil(d -> all("#decision\\:level").isEmpty());
        page.confirm();
        browser.waitUntil(d -> !all("#decision\\:motivation-error").isEmpty()
                && !find("#decision\\:motivation-error").getText().isEmpty());
        assertThat(find("#decision\\:motivation-error").getText()).isEqualTo("Indiquez un motif.");
        assertThat(page.state(third)).isEqualTo("REVIEWED");
        browser.accessibility().assertNoViolations("jury page, a motivation missing");
        find("#decision\\:motivation").sendKeys("L'évaluation d'impact manque.");
        page.confirm();
        browser.waitUntil(d -> "REJECTED".equals(page.state(third)));

        page.choose(second);
        // another decision (here: another change) wins meanwhile
        Superuser.update("UPDATE label_application SET version = version + 1 WHERE id = ?", second);
        find("#decision\\:motivation").sendKeys("Primé.");
        new Select(find("#decision\\:level")).selectByValue("1");
        page.confirm();
        browser.waitUntil(d -> find(".page-messages").getText().contains("entre-temps"));
        assertThat(page.state(second)).isEqualTo("REVIEWED");
        assertThat(Superuser.number("SELECT count(*) FROM label WHERE application_id = ?", second)).isZero();
        browser.accessibility().assertNoViolations("jury page, a stale decision");
        browser.screenshot("label-jury-decided-fr");

        open("app/labels/jury.xhtml?campaign=" + jury.campaignId() + "&lang=en");
        assertThat(find("h1").getText()).startsWith("Jury:");
        assertThat(page.row(best).getText()).contains("Level 2", number);
        browser.accessibility().assertNoViolations("jury page in English");
        browser.screenshot("label-jury-ranking-en");
    }

    @Test
    @DisplayName("another jury account is refused; the secretariat reads without deciding and has no jury link")
    void othersReadOrAreRefused() {
        Jury jury = SqlJury.jury(1);
        long application = SqlJury.reviewed(jury, A, null, new int[] {4, 8});

        browser.logInAs(Role.JURY);
        open("app/labels/jury.xhtml?campaign=" + jury.campaignId());
        assertThat(find("#not-found").getText()).contains("Seuls le président du jury");
        browser.accessibility().assertNoViolations("jury page, refused");
        open("app/labels/juries.xhtml");
        assertThat(all("a.jury-link[href$='campaign=" + jury.campaignId() + "']")).as("not their jury").isEmpty();

        browser.logInAs(Role.NETWORK_ADMIN);
        open("app/labels/jury.xhtml?campaign=" + jury.campaignId());
        assertThat(page.rows()).containsExactly(String.valueOf(application));
        assertThat(all("button.jury-decide")).as("the secretariat does not decide").isEmpty();
        assertThat(all("#nav-juries")).as("the menu link is the jury's").isEmpty();
        open("app/labels/juries.xhtml");
        assertThat(all("a.jury-link[href$='campaign=" + jury.campaignId() + "']")).hasSize(1);
        browser.accessibility().assertNoViolations("juries page, secretariat");
    }
}
