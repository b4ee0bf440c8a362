package fr.la27eregion.membership.web;

import fr.la27eregion.testing.MembershipFixtures;
import fr.la27eregion.testing.browser.Browser;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's journeys through the members page, in a real Chromium against the micro WAR on Payara Micro and
 * PostgreSQL: the list of member organisations, the map of the regions by their council's membership (its links,
 * their names, the table after it, the keyboard), the counts by state, in French and English, each checked against
 * WCAG 2.1 A and AA with axe-core. Memberships are made through the boundaries ({@link MembershipFixtures}).
 */
@Tag("browser")
@Tag("citizen")
@DisplayName("Citizen journeys: the members of the network and their map")
class PublicMembersIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    @DisplayName("an active organisation is in the list, with its kind, state and website; an application is not")
    void theListShowsActiveOrganisations() {
        String name = "Membre public " + System.nanoTime();
        MembershipFixtures.call(browser.application(), "name", name, "kind", "ASSOCIATE", "website",
                "https://www.example.org/membre", "steps", "REVIEW,APPROVE,ACTIVATE");
        String applicant = name + " candidat";
        MembershipFixtures.call(browser.application(), "name", applicant, "kind", "ASSOCIATE");
        MembersPage page = new MembersPage(browser).openFromNavigation(browser.application());
        assertThat(page.heading()).isEqualTo("Les membres du réseau");
        long activeBefore = page.stateCount("ACTIVE");
        assertThat(activeBefore).isPositive();

        page.filterByName(name);

        assertThat(page.rows()).hasSize(1);
        assertThat(page.rows().get(0)).startsWith(name, "Membre associé (autre organisme public, association)", "", "membre actif");
        assertThat(page.websiteOf(name)).isEqualTo("https://www.example.org/membre");
        assertThat(page.listStatus()).isEqualTo("1 organisation(s) affichée(s)");
        assertThat(page.filterValue("name")).as("the filter is shown as asked").isEqualTo(name);

        page.filterByKind("REGIONAL_COUNCIL");
        assertThat(page.rows()).as("both filters: no regional council has this name").isEmpty();
        assertThat(page.listStatus()).isEqualTo("0 organisation(s) affichée(s)");
        page.filterByKind("ASSOCIATE");
        assertThat(page.rows()).hasSize(1);
        page.filterByName("");
        assertThat(page.rows()).as("every associate member, this one among them").hasSizeGreaterThanOrEqualTo(1)
                .allSatisfy(row -> assertThat(row.get(1)).startsWith("Membre associé"))
                .anySatisfy(row -> assertThat(row.get(0)).isEqualTo(name));
        page.sortBy("Membre jusqu'au");
        assertThat(page.sortedColumn()).startsWith("Membre jusqu'au");
        assertThat(page.filterValue("kind")).as("the filter kept by the sorting link").isEqualTo("ASSOCIATE");
        page.filterByName(name);
        browser.screenshot("members-filtered");
        browser.accessibility().assertNoViolations("the members page, the list filtered");
    }

    @Test
    @DisplayName("the map shows where a regional council's membership stands, and its table says the same")
    void theMapShowsTheStateOfARegion() {
        JsonObject council = MembershipFixtures.call(browser.application(), "name", "Conseil régional " + System.nanoTime(),
                "kind", "REGIONAL_COUNCIL", "region", "free", "steps", "REVIEW,APPROVE,ACTIVATE,SUSPEND");
        String code = council.getString("region");
        String region = council.getString("regionName");
        MembersPage page = new MembersPage(browser).open(browser.application(), "fr");

        WebElement link = page.region(code);
        assertThat(link.getDomAttribute("class")).contains("map-region--SUSPENDED");
        assertThat(link.getDomAttribute("aria-label")).isEqualTo(region + " : adhésion suspendue");
        assertThat(link.getDomAttribute("href")).isEqualTo("#region-" + code);
        assertThat(page.regionRow(code)).containsExactly(region, areaOf(code), "adhésion suspendue");
        assertThat(page.regionLinks()).hasSize(18);
        browser.screenshot("members-map-fr");
        browser.accessibility().assertNoViolations("the members page and its map, in French");

        page.switchLanguage("en");
        assertThat(page.heading()).isEqualTo("The members of the network");
        assertThat(page.region(code).getDomAttribute("aria-label")).isEqualTo(region + ": membership suspended");
        browser.screenshot("members-map-en");
        browser.accessibility().assertNoViolations("the members page and its map, in English");
    }

    @Test
    @DisplayName("a keyboard user tabs through the 18 regions of the map, and Enter takes them to the region's row")
    void theKeyboardReachesEveryRegion() {
        MembersPage page = new MembersPage(browser).open(browser.application(), "fr");
        browser.script().executeScript("arguments[0].focus()", page.mapSkipLink());

        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            page.press(Keys.TAB);
            reached.add(page.focused().getDomAttribute("aria-label"));
        }
        assertThat(reached).hasSize(18).doesNotContainNull()
                .allSatisfy(label -> assertThat(label).matches(".+ : .+"))
                .anySatisfy(label -> assertThat(label).startsWith("Bretagne : "))
                .anySatisfy(label -> assertThat(label).startsWith("Mayotte : "));
        browser.screenshot("members-map-focus");

        page.press(Keys.ENTER);
        assertThat(page.focused().getDomAttribute("id")).isEqualTo("region-FR-06");
        assertThat(page.focused().getText()).isEqualTo("Mayotte");
    }

    private static String areaOf(String code) {
        return List.of("FR-01", "FR-02", "FR-03", "FR-04", "FR-06").contains(code) ? "Outre-mer" : "Métropole";
    }
}
