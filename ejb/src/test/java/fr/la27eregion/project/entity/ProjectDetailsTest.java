package fr.la27eregion.project.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each field of a project's details refused for its own reason, naming the field and the message key. */
class ProjectDetailsTest {

    static ProjectDetails valid() {
        ProjectDetails details = new ProjectDetails();
        details.setTitle("La cantine des lycées en circuit court");
        details.setSummary("Des repas de produits locaux dans les lycées de la région.");
        details.setDescription("<p>Un <strong>projet</strong></p>");
        details.setKind(ProjectKind.EXPERIMENT);
        details.setStartedOn(LocalDate.of(2019, 9, 1));
        details.setEndedOn(LocalDate.of(2022, 6, 30));
        details.setBudgetEuros(new BigDecimal("125000.50"));
        details.setContactName("Soizic Le Gall");
        details.setContactEmail("soizic.legall@example.fr");
        details.setContactPhone("+33 2 99 00 00 00");
        details.setPartnerOrganisationIds(new ArrayList<>(List.of(3L, 4L)));
        details.setOutsidePartners(new ArrayList<>(List.of(
                new OutsidePartnerDetails("Université de Rennes", "fr", OutsidePartnerKind.UNIVERSITY))));
        details.setTerritoryCodes(new ArrayList<>(List.of("FR-53", "FR-53-2015", "DE11")));
        details.setThemeCodes(new ArrayList<>(List.of("sustainability")));
        details.setLinks(new ArrayList<>(List.of(new LinkDetails("https://www.example.fr/cantine", "Le site"))));
        return details;
    }

    private static void refused(Consumer<ProjectDetails> change, String field, String key) {
        ProjectDetails details = valid();
        change.accept(details);
        assertThatThrownBy(details::check).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.field()).contains(field);
            assertThat(violation.key()).isEqualTo(key);
        });
    }

    @Test
    void validDetailsPass() {
        assertThatCode(() -> valid().check()).doesNotThrowAnyException();
        ProjectDetails minimal = new ProjectDetails();
        minimal.setTitle("Titre");
        minimal.setSummary("Résumé");
        minimal.setKind(ProjectKind.FORESIGHT);
        minimal.setPartnerOrganisationIds(null);
        minimal.setLinks(null);
        assertThatCode(minimal::check).doesNotThrowAnyException();
    }

    @Test
    void requiredFields() {
        refused(d -> d.setTitle("  "), "title", "project.field.required");
        refused(d -> d.setSummary(null), "summary", "project.field.required");
        refused(d -> d.setKind(null), "kind", "project.field.required");
    }

    @Test
    void lengthsFromTheEntity() {
        refused(d -> d.setTitle("t".repeat(Project.MAX_TITLE + 1)), "title", "project.field.tooLong");
        refused(d -> d.setSummary("s".repeat(Project.MAX_SUMMARY + 1)), "summary", "project.field.tooLong");
        refused(d -> d.setDescription("d".repeat(ProjectDetails.MAX_RICH_TEXT + 1)), "description",
                "project.field.tooLong");
        refused(d -> d.setContactName("n".repeat(Project.MAX_CONTACT_NAME + 1)), "contactName",
                "project.field.tooLong");
        refused(d -> d.getOutsidePartners().get(0).setName("n".repeat(OutsidePartner.MAX_NAME + 1)),
                "outsidePartners[0].name", "project.field.tooLong");
        refused(d -> d.getLinks().get(0).setLabel("l".repeat(ProjectLink.MAX_LABEL + 1)), "links[0].label",
                "project.field.tooLong");
        refused(d -> d.setTitle("Titre\u0000caché"), "title", "project.field.control");
    }

    @Test
    void contactEmailAndPhone() {
        refused(d -> d.setContactEmail("pas une adresse"), "contactEmail", "project.field.email");
        refused(d -> d.setContactPhone("<script>"), "contactPhone", "project.field.phone");
    }

    @Test
    void datesInOrderAndPlausible() {
        refused(d -> d.setEndedOn(LocalDate.of(2018, 1, 1)), "endedOn", "project.rule.datesOrder");
        refused(d -> d.setStartedOn(LocalDate.of(1900, 1, 1)), "startedOn", "project.field.year");
    }

    @Test
    void budget() {
        refused(d -> d.setBudgetEuros(new BigDecimal("-1")), "budgetEuros", "project.field.negative");
        refused(d -> d.setBudgetEuros(new BigDecimal("1.001")), "budgetEuros", "project.field.cents");
        refused(d -> d.setBudgetEuros(new BigDecimal("1e13")), "budgetEuros", "project.field.tooLarge");
        ProjectDetails zero = valid();
        zero.setBudgetEuros(new BigDecimal("0.000"));
        assertThatCode(zero::check).doesNotThrowAnyException();
    }

    @Test
    void outsidePartnersNeedACountryAndAKind() {
        refused(d -> d.getOutsidePartners().get(0).setCountryCode("XX"), "outsidePartners[0].countryCode",
                "project.field.country");
        refused(d -> d.getOutsidePartners().get(0).setCountryCode("FRA"), "outsidePartners[0].countryCode",
                "project.field.country");
        refused(d -> d.getOutsidePartners().get(0).setKind(null), "outsidePartners[0].kind",
                "project.field.required");
        refused(d -> d.getOutsidePartners().add(null), "outsidePartners[1].name", "project.field.required");
    }

    @Test
    void linksAreWebAddresses() {
        for (String url : List.of("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "/relative",
                "ftp://example.org", "https://", "mailto:a@example.fr")) {
            refused(d -> d.getLinks().get(0).setUrl(url), "links[0].url", "project.field.url");
        }
        refused(d -> d.getLinks().get(0).setUrl(null), "links[0].url", "project.field.required");
    }

    @Test
    void sensibleCounts() {
        refused(d -> d.setPartnerOrganisationIds(new ArrayList<>(Collections.nCopies(ProjectDetails.MAX_PARTNERS + 1,
                1L))), "partnerOrganisationIds", "project.field.tooMany");
        refused(d -> d.setThemeCodes(new ArrayList<>(Collections.nCopies(ProjectDetails.MAX_THEMES + 1, "x"))),
                "themeCodes", "project.field.tooMany");
        refused(d -> d.setLinks(new ArrayList<>(Collections.nCopies(ProjectDetails.MAX_LINKS + 1,
                new LinkDetails("https://example.org", null)))), "links", "project.field.tooMany");
        refused(d -> d.getTerritoryCodes().add(" "), "territoryCodes[3]", "project.field.required");
        refused(d -> d.getPartnerOrganisationIds().add(null), "partnerOrganisationIds", "project.field.required");
    }
}
