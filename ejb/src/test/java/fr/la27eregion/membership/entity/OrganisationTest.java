package fr.la27eregion.membership.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.referential.entity.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules an organisation's details follow, container-free: each refusal names the field and the rule. */
class OrganisationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String VALID_SIRET = Siret.withKey("2305300000053").value();

    private static OrganisationDetails associate() {
        OrganisationDetails details = new OrganisationDetails();
        details.setKind(OrganisationKind.ASSOCIATE);
        details.setName("Agence régionale du numérique");
        details.setSiret(VALID_SIRET);
        details.setWebsite("https://www.example.fr");
        return details;
    }

    @Test
    void aFrenchBodyIsCreatedWithItsSiretWithoutSpaces() {
        OrganisationDetails details = associate();
        details.setSiret(VALID_SIRET.substring(0, 3) + " " + VALID_SIRET.substring(3, 6) + " " + VALID_SIRET.substring(6));
        Organisation organisation = Organisation.create(details, null, NOW);
        assertThat(organisation.siret()).contains(VALID_SIRET);
        assertThat(organisation.name()).isEqualTo("Agence régionale du numérique");
        assertThat(organisation.territory()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "'', membership.siret.MISSING",
        "1234567890123A, membership.siret.NOT_DIGITS",
        "1234567890123, membership.siret.WRONG_LENGTH",
        "73282932000075, membership.siret.WRONG_KEY"
    })
    void aWrongSiretIsRefusedNamingTheProblem(String siret, String key) {
        OrganisationDetails details = associate();
        details.setSiret(siret);
        assertThatThrownBy(() -> Organisation.create(details, null, NOW)).isInstanceOfSatisfying(RuleViolation.class,
                violation -> {
                    assertThat(violation.field()).contains("siret");
                    assertThat(violation.key()).isEqualTo(key);
                });
    }

    @Test
    void aEuropeanRegionHasNoSiretButItsNutsCode() {
        OrganisationDetails details = associate();
        details.setKind(OrganisationKind.EUROPEAN_REGION);
        details.setSiret(null);
        assertThatThrownBy(details::check).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.key()).isEqualTo("membership.rule.nutsRequired"));
        details.setTerritoryCode("ES51");
        Organisation organisation = Organisation.create(details,
                Territory.europeanRegion("ES51", "ES", "Cataluña / Catalunya"), NOW);
        assertThat(organisation.siret()).isEmpty();
        assertThat(organisation.territory()).map(Territory::code).contains("ES51");
    }

    @Test
    void aEuropeanRegionNotInTheReferentialIsProposedUntilItIsAdopted() {
        OrganisationDetails details = associate();
        details.setKind(OrganisationKind.EUROPEAN_REGION);
        details.setSiret(null);
        details.setTerritoryCode("PT17");
        assertThatThrownBy(() -> ProposedRegion.checked("FR10", "Île-de-France"))
                .isInstanceOf(IllegalArgumentException.class);
        Organisation organisation = Organisation.proposingRegion(details, ProposedRegion.checked("PT17", "Lisboa"),
                NOW);
        assertThat(organisation.territory()).as("not in the referential yet").isEmpty();
        assertThat(organisation.proposedRegion()).contains(new ProposedRegion("PT17", "Lisboa"));
        assertThat(organisation.details().getTerritoryCode()).isEqualTo("PT17");
        assertThat(organisation.describe()).containsEntry("territory", "PT17");

        organisation.update(details, null);
        assertThat(organisation.proposedRegion()).as("kept by an edit of the profile").isPresent();
        assertThatThrownBy(() -> organisation.adoptRegion(Territory.europeanRegion("ES51", "ES", "Catalunya")))
                .isInstanceOf(IllegalArgumentException.class);
        organisation.adoptRegion(ProposedRegion.checked("PT17", "Lisboa").territory());
        assertThat(organisation.territory()).map(Territory::code).contains("PT17");
        assertThat(organisation.proposedRegion()).as("the proposal is spent").isEmpty();
        assertThatThrownBy(() -> organisation.update(details, null)).as("a member keeps a territory")
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aRegionalCouncilBelongsToARegion() {
        OrganisationDetails details = associate();
        details.setKind(OrganisationKind.REGIONAL_COUNCIL);
        assertThatThrownBy(() -> Organisation.create(details, null, NOW)).isInstanceOfSatisfying(RuleViolation.class,
                violation -> {
                    assertThat(violation.field()).contains("territoryCode");
                    assertThat(violation.key()).isEqualTo("membership.rule.regionRequired");
                });
    }

    @Test
    void oversizeAndInvisibleTextIsRefusedWhileMarkupIsKeptAsText() {
        OrganisationDetails details = associate();
        details.setName("x".repeat(OrganisationDetails.MAX_NAME + 1));
        assertThatThrownBy(details::check).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.key()).isEqualTo("membership.field.tooLong"));
        details.setName("Bell\u0007");
        assertThatThrownBy(details::check).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.key()).isEqualTo("membership.field.control"));
        details.setName("<script>alert(1)</script> Région");
        assertThat(Organisation.create(details, null, NOW).name()).isEqualTo("<script>alert(1)</script> Région");
    }

    @Test
    void aWebsiteIsAWebAddress() {
        OrganisationDetails details = associate();
        details.setWebsite("javascript:alert(1)");
        assertThatThrownBy(details::check).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.field()).contains("website");
            assertThat(violation.key()).isEqualTo("membership.field.website");
        });
    }

    @Test
    void theKindOfAnOrganisationNeverChanges() {
        Organisation organisation = Organisation.create(associate(), null, NOW);
        OrganisationDetails changed = organisation.details();
        changed.setKind(OrganisationKind.FOUNDING_PARTNER);
        assertThatThrownBy(() -> organisation.update(changed, null)).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.key()).isEqualTo("membership.rule.kindFixed"));
    }

    @Test
    void aContactNeedsANameAndAnEmailAddress() {
        ContactDetails contact = new ContactDetails();
        contact.setFullName("Camille Le Gall");
        contact.setEmail("not an address");
        assertThatThrownBy(() -> contact.check("contacts[1].")).isInstanceOfSatisfying(RuleViolation.class,
                violation -> {
                    assertThat(violation.field()).contains("contacts[1].email");
                    assertThat(violation.key()).isEqualTo("membership.field.email");
                });
        contact.setEmail("camille.legall@example.fr");
        contact.setLanguage("de");
        assertThatThrownBy(() -> contact.check("")).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.key()).isEqualTo("membership.field.language"));
    }

    @Test
    void aMembershipIsCurrentUntilItEnds() {
        Membership membership = Membership.apply(Organisation.create(associate(), null, NOW), null, NOW);
        assertThat(membership.category()).isEqualTo(MembershipCategory.ASSOCIATE);
        assertThat(membership.isCurrent()).isTrue();
        Steps.perform(membership, MembershipAction.WITHDRAW, null, null, java.time.LocalDate.of(2026, 11, 25));
        assertThat(membership.isCurrent()).isFalse();
    }
}
