package fr.la27eregion.label.web;

import fr.la27eregion.testing.RegisterLabels;
import fr.la27eregion.testing.RegisterLabels.MadeLabel;
import fr.la27eregion.testing.RegisterLabels.Programme;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's journey through the public side of labels, in a real Chromium against the platform: the register
 * filtered by region (the filter in the address), each state written out; verifying a certificate by typing its
 * code carelessly, by the QR code's address, and a code no label has (said beside the field); the open campaigns
 * with what their programme asks. Each page checked with axe-core (WCAG 2.1 A and AA), in French and in English.
 * Screenshots go to {@code screenshots.dir}.
 */
@Tag("browser")
@Tag("citizen")
@DisplayName("Citizen journeys: the labels' register, verification and calls")
class PublicLabelsPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final LocalDate FAR = LocalDate.of(2099, 12, 31);

    private static Programme programme;
    private static Programme open;
    private static MadeLabel valid;
    private static MadeLabel renewed;
    private static MadeLabel revoked;
    private static String validTitle;

    @BeforeAll
    static void labels() {
        programme = RegisterLabels.programme("Label citoyen d'essai", "Citizen test label", false);
        open = RegisterLabels.programme("Label ouvert d'essai", "Open test label", true);
        long brittany = RegisterLabels.organisation("Région labellisée " + programme.code(), "FR-53");
        long normandy = RegisterLabels.organisation("Normandie labellisée " + programme.code(), "FR-28");
        validTitle = "Cantine ouverte " + programme.code();
        valid = RegisterLabels.label(programme, brittany, validTitle, "PUBLIC", "ACTIVE", LocalDate.of(2024, 3, 1), FAR,
                2, List.of("Coup de cœur"));
        renewed = RegisterLabels.label(programme, brittany, "Premier label " + programme.code(), "PUBLIC", "RENEWED",
                LocalDate.of(2021, 3, 1), LocalDate.of(2023, 3, 1), 1, List.of());
        RegisterLabels.renewedBy(renewed, valid);
        revoked = RegisterLabels.label(programme, normandy, "Retiré " + programme.code(), "NETWORK", "REVOKED",
                LocalDate.of(2023, 6, 1), FAR, null, List.of());
        RegisterLabels.label(programme, normandy, "Échu " + programme.code(), "PUBLIC", "ACTIVE",
                LocalDate.of(2020, 6, 1), LocalDate.of(2022, 6, 1), null, List.of());
    }

    @Test
    @DisplayName("a visitor reads the register, filters it by region, and the filter stays in the address")
    void aVisitorFiltersTheRegister() {
        PublicLabelsPage page = new PublicLabelsPage(browser).open(browser.application(),
                "public/labels.xhtml?programme=" + programme.code(), "fr");
        assertThat(page.heading()).isEqualTo("Registre des labels");
        assertThat(page.count()).isEqualTo("4 labels.");
        assertThat(page.numbers()).hasSize(4).first().isEqualTo(valid.number());
        assertThat(page.states()).containsExactly("Valide", "Retiré", "Renouvelé", "Expiré");
        assertThat(page.text()).contains("Renouvelé par " + valid.number()).contains("Niveau 2")
                .doesNotContain(valid.code());
        browser.screenshot("labels-register-fr");
        browser.accessibility().assertNoViolations("the register of labels in French");

        page.filterByRegion("Bretagne");
        assertThat(page.address()).contains("region=FR-53").contains("programme=" + programme.code());
        assertThat(page.numbers()).containsExactly(valid.number(), renewed.number());
        assertThat(page.count()).isEqualTo("2 labels.");
        browser.accessibility().assertNoViolations("the register filtered by region in French");

        page.switchLanguage("en");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo("Label register");
        assertThat(page.address()).contains("region=FR-53");
        assertThat(page.states()).containsExactly("Valid", "Renewed");
        browser.screenshot("labels-register-en");
        browser.accessibility().assertNoViolations("the register of labels in English");
    }

    @Test
    @DisplayName("a year that is not one is said beside its field, in English too, and the page stays accessible")
    void aWrongYearIsSaidBesideItsField() {
        PublicLabelsPage page = new PublicLabelsPage(browser).open(browser.application(),
                "public/labels.xhtml?year=20x", "fr");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("year-error")).getText())
                .isEqualTo("« 20x » n'est pas une année.");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("year")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.accessibility().assertNoViolations("the register with a refused year in French");
        page.open(browser.application(), "public/labels.xhtml?year=20x", "en");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("year-error")).getText())
                .isEqualTo("\"20x\" is not a year.");
        browser.screenshot("labels-register-refused-en");
        browser.accessibility().assertNoViolations("the register with a refused year in English");
    }

    @Test
    @DisplayName("a visitor verifies a certificate by typing its code carelessly, then one no label has")
    void aVisitorVerifiesByTyping() {
        PublicLabelsPage page = new PublicLabelsPage(browser).open(browser.application(),
                "public/verification.xhtml", "fr");
        assertThat(page.heading()).isEqualTo("Vérifier un label");
        browser.accessibility().assertNoViolations("the empty verification page in French");

        page.verify(valid.code().toLowerCase(Locale.ROOT).replace("-", " "));
        assertThat(page.verdict()).contains("Label valide").contains("Le label " + valid.number()
                + " est valide aujourd'hui.").contains(validTitle).contains("Région labellisée " + programme.code())
                .contains("Bretagne");
        assertThat(browser.driver().findElement(org.openqa.selenium.By.id("project-link")).getAttribute("href"))
                .contains("/public/projets/" + valid.projectId() + "-");
        browser.screenshot("label-verification-valid-fr");
        browser.accessibility().assertNoViolations("a valid label's verdict in French");

        page.verify(RegisterLabels.newCode());
        assertThat(page.codeError()).isEqualTo("Aucun label n'a ce code. Vérifiez la saisie.");
        assertThat(page.codeField().getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.codeField().getAttribute("aria-describedby")).contains("code-error");
        assertThat(page.verdict()).isEmpty();
        browser.screenshot("label-verification-unknown-fr");
        browser.accessibility().assertNoViolations("an unknown code in French");
    }

    @Test
    @DisplayName("the QR code's address shows the verdict: renewed names its successor, revoked says so, in English")
    void theQrCodeAddressShowsTheVerdict() {
        PublicLabelsPage page = new PublicLabelsPage(browser);
        browser.open(browser.application().resolve("public/labels/verifier/" + renewed.code()));
        assertThat(page.verdict()).contains("Label renouvelé")
                .contains("le label en vigueur est le " + valid.number());
        browser.accessibility().assertNoViolations("a renewed label's verdict in French");

        browser.open(browser.application().resolve("public/labels/verifier/" + revoked.code() + "?lang=en"));
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.verdict()).contains("Revoked label").contains("has been revoked")
                .contains("Retiré " + programme.code());
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("project-link")))
                .as("a project that is not public is not linked").isEmpty();
        browser.screenshot("label-verification-revoked-en");
        browser.accessibility().assertNoViolations("a revoked label's verdict in English");
    }

    @Test
    @DisplayName("the open calls show their programme, dates and criteria in the reader's language")
    void theOpenCallsShowWhatTheProgrammeAsks() {
        PublicLabelsPage page = new PublicLabelsPage(browser).open(browser.application(), "index.xhtml", "fr");
        page.follow("nav-campaigns");
        assertThat(page.heading()).isEqualTo("Appels à candidatures ouverts");
        assertThat(page.headings("h2")).contains("Appel Label ouvert d'essai")
                .doesNotContain("Appel Label citoyen d'essai");
        assertThat(page.text()).contains("Conception centrée sur les usagers")
                .contains("Comment les usagers ont-ils été associés ?").contains("(noté sur 10)");
        browser.screenshot("label-campaigns-fr");
        browser.accessibility().assertNoViolations("the open calls in French");

        page.switchLanguage("en");
        assertThat(page.headings("h2")).contains("Call Open test label");
        assertThat(page.text()).contains("User-centred design").contains("How were users involved?")
                .contains("(scored out of 5)");
        browser.screenshot("label-campaigns-en");
        browser.accessibility().assertNoViolations("the open calls in English");
    }
}
