package fr.la27eregion.label.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.SqlLabels;
import fr.la27eregion.testing.SqlLabels.Awarded;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The labels' pages by role, in real Chromium with axe-core on each state, with labels written by SQL as an award
 * leaves them ({@link SqlLabels}): the secretariat finds a label in the filtered list, suspends it (refused without
 * a motivation, in the dialog), reinstates it, and reads the timeline; the holder's coordinator downloads the
 * certificate in French and English and starts a renewal, which opens the new application pre-filled; the
 * application page links to its label; another organisation gets the not-found page; the pages in English.
 */
class LabelPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private final LabelPages pages = new LabelPages(browser);

    private static Awarded label() {
        LocalDate today = LocalDate.now();
        return SqlLabels.label(TestAccounts.ORGANISATION_A, "ACTIVE", today.minusMonths(3), today.plusMonths(21),
                true);
    }

    /** The programme's visible name in the filter: the fixtures' programmes share their names, so a unique one. */
    private static String rename(Awarded label) {
        String name = "Label d'essai " + label.certificateNumber();
        Superuser.update("UPDATE label_programme SET name_fr = ?, name_en = ? WHERE id = ?", name,
                "Test label " + label.certificateNumber(), label.programmeId());
        return name;
    }

    @Test
    @DisplayName("the secretariat filters the list, suspends with a motivation, reinstates; the timeline reads it")
    void theSecretariatSuspendsAndReinstates() {
        Awarded label = label();
        String programme = rename(label);

        browser.logInAs(Role.NETWORK_ADMIN);
        pages.openListFromApplications();
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Labels");
        pages.filter(programme, null);
        assertThat(pages.rows()).hasSize(1);
        assertThat(pages.rows().get(0)).contains(label.certificateNumber(), label.projectTitle(),
                TestAccounts.ORGANISATION_A, programme, "Valide");
        browser.accessibility().assertNoViolations("labels list, secretariat");
        browser.screenshot("labels-list-fr");
        pages.filter(null, "Suspendu");
        assertThat(pages.rows()).as("not suspended").allMatch(row -> !row.contains(label.certificateNumber()));

        pages.open(label.labelId(), null);
        assertThat(pages.state()).isEqualTo("ACTIVE");
        assertThat(pages.text("holder")).isEqualTo(TestAccounts.ORGANISATION_A);
        assertThat(pages.offers("SUSPEND")).isTrue();
        assertThat(pages.offers("REINSTATE")).isFalse();
        browser.accessibility().assertNoViolations("label page, secretariat");

        pages.step("SUSPEND");
        browser.accessibility().assertNoViolations("label page, the dialog of a step");
        pages.confirm();
        assertThat(pages.dialogOpen()).as("no motivation: the dialog stays").isTrue();
        assertThat(pages.dialogError()).isEqualTo("Indiquez un motif.");
        browser.accessibility().assertNoViolations("label page, a motivation missing");
        pages.reason("Contrôle des résultats annoncés.").confirm();
        browser.waitUntil(d -> "SUSPENDED".equals(pages.state()));
        assertThat(pages.text("last-reason")).isEqualTo("Contrôle des résultats annoncés.");
        assertThat(pages.has("#certificate-withheld")).isTrue();
        assertThat(pages.has("#certificate-fr")).isFalse();
        assertThat(pages.timeline()).anySatisfy(entry -> assertThat(entry).contains("Label suspendu", "Valide",
                "Suspendu", "Contrôle des résultats annoncés."));
        browser.accessibility().assertNoViolations("label page, suspended");
        browser.screenshot("label-suspended-fr");

        pages.step("REINSTATE").confirm();
        browser.waitUntil(d -> "ACTIVE".equals(pages.state()));
        assertThat(pages.timeline()).hasSize(2);
        assertThat(pages.timeline().get(1)).contains("Label rétabli");

        pages.open(label.labelId(), "en");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Label " + label.certificateNumber());
        assertThat(pages.text("state")).isEqualTo("Valid");
        assertThat(pages.timeline().get(0)).contains("Label suspended");
        browser.accessibility().assertNoViolations("label page, English");
        browser.screenshot("label-page-en");
    }

    @Test
    @DisplayName("the holder downloads the certificate in both languages and renews into a pre-filled application")
    void theHolderDownloadsTheCertificateAndRenews() {
        Awarded label = label();
        String code = "PAGE" + System.nanoTime() % 1_000_000_000L;
        SqlLabels.campaign(label.programmeId(), label.gridId(), code, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(20, ChronoUnit.DAYS));

        browser.logInAs(Role.MEMBER_COORDINATOR);
        pages.open(label.labelId(), null);
        assertThat(pages.offers("SUSPEND")).as("the secretariat's").isFalse();
        assertThat(pages.fetch("certificate-fr")).startsWith("200 application/pdf");
        assertThat(pages.fetch("certificate-en")).startsWith("200 application/pdf");
        assertThat(pages.has("#renewForm\\:renew")).isTrue();
        browser.accessibility().assertNoViolations("label page, holder");
        browser.screenshot("label-page-holder-fr");

        pages.renewIn("Campagne d'essai (" + code + ")");
        assertThat(browser.driver().getCurrentUrl()).contains("application.xhtml");
        assertThat(browser.driver().findElement(By.id("state")).getDomAttribute("data-state")).isEqualTo("DRAFT");
        assertThat(browser.driver().findElement(By.cssSelector(".page-messages")).getText())
                .contains("Candidature de renouvellement créée");
        assertThat(browser.driver().findElement(By.cssSelector("textarea.answer-usagers")).getDomProperty("value"))
                .isEqualTo("Réponse d'origine au critère " + label.criteria().get(0) + ".");
        browser.accessibility().assertNoViolations("renewal application, pre-filled");
        browser.screenshot("label-renewal-application-fr");

        pages.open(label.labelId(), null);
        assertThat(pages.has("#renewForm\\:renew")).as("one renewal at a time").isFalse();
        assertThat(pages.has("a#renewal")).isTrue();
    }

    @Test
    @DisplayName("the awarded application links to its label; another organisation gets the not-found page")
    void theApplicationLinksToItsLabelAndOthersSeeNothing() {
        Awarded label = label();

        browser.logInAs(Role.AUDITOR);
        browser.open(browser.application().resolve("app/labels/application.xhtml?id=" + label.applicationId()));
        browser.driver().findElement(By.id("label-link")).click();
        browser.waitForDocument();
        assertThat(pages.state()).isEqualTo("ACTIVE");
        assertThat(pages.offers("SUSPEND")).as("auditors read").isFalse();
        assertThat(pages.has("#renewForm\\:renew")).isFalse();
        assertThat(pages.has("#certificate-fr")).isTrue();

        browser.logInAs(TestAccounts.COORDINATOR_B);
        pages.open(label.labelId(), null);
        assertThat(pages.text("not-found")).isNotBlank();
        assertThat(browser.driver().getPageSource()).doesNotContain(label.certificateNumber());
        browser.accessibility().assertNoViolations("label page, not found");
        pages.openListFromApplications();
        assertThat(pages.rows()).as("another organisation's label is not listed")
                .allMatch(row -> !row.contains(label.certificateNumber()));
    }
}
