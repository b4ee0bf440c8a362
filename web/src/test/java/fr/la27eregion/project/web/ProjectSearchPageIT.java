package fr.la27eregion.project.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.TestMemberships;
import fr.la27eregion.project.TestProjects;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's journey through the public catalogue, in a real Chromium against the platform: searching a word
 * without its accent, narrowing by stage, the search kept in the address, opening a project at its readable
 * address and seeing similar projects elsewhere; each page checked with axe-core (WCAG 2.1 A and AA), in French and
 * in English. Screenshots go to {@code screenshots.dir}.
 */
@Tag("browser")
@Tag("citizen")
@DisplayName("Citizen journeys: the project catalogue")
class ProjectSearchPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static String word;
    private static String title;
    private static String similar;

    @BeforeAll
    static void projects() {
        word = TestProjects.marker();
        long a = TestMemberships.organisation(TestAccounts.ORGANISATION_A);
        long b = TestMemberships.organisation(TestAccounts.ORGANISATION_B);
        title = "Écoles ouvertes le soir " + word;
        similar = "Écoles ouvertes en montagne " + word;
        TestProjects.insert(title, "Les écoles du soir accueillent les habitants.", "Les écoles ouvrent le soir.",
                a, "PUBLIC", "DEPLOYED", "INNOVATION", "2019-01-01", null, List.of("school-2030"),
                List.of("FR-53"), List.of());
        TestProjects.insert(similar, "Les écoles de montagne ouvertes aux familles.", "Un essai.", b, "PUBLIC",
                "EXPERIMENTING", "EXPERIMENT", "2020-01-01", null, List.of("school-2030"), List.of("FR-84"),
                List.of());
        TestProjects.insert("Brouillon " + word, "Des écoles.", "Un brouillon.", b, "DRAFT", "IDEA", "INNOVATION",
                "2020-01-01", null, List.of("school-2030"), List.of("FR-84"), List.of());
        TestProjects.insert("Brouillon de A " + word, "Des écoles.", "Un brouillon.", a, "DRAFT", "IDEA",
                "INNOVATION", "2020-01-01", null, List.of("school-2030"), List.of("FR-53"), List.of());
    }

    @Test
    @DisplayName("a visitor finds projects by a word without its accent, narrows by stage, and shares the address")
    void aVisitorFindsAProjectWithoutTheAccent() {
        ProjectSearchPage page = new ProjectSearchPage(browser).open(browser.application(), "fr");
        browser.accessibility().assertNoViolations("the empty public search in French");

        page.search("ecoles " + word, null);
        assertThat(page.count()).isEqualTo("2 projets trouvés");
        assertThat(page.titles()).containsExactlyInAnyOrder(title, similar);
        assertThat(page.marked()).contains("Écoles");
        assertThat(page.address()).contains("q=ecoles+" + word);
        browser.screenshot("projects-search-fr");
        browser.accessibility().assertNoViolations("the public search with results in French");

        page.search("ecoles " + word, "Déployé");
        assertThat(page.titles()).containsExactly(title);
        assertThat(page.address()).contains("stage=DEPLOYED");
    }

    @Test
    @DisplayName("the project's page has a readable address and similar projects of other organisations")
    void theProjectPageShowsSimilarProjects() {
        ProjectSearchPage page = new ProjectSearchPage(browser).open(browser.application(), "fr");
        page.search(word, null);
        page.openResult(title);

        assertThat(page.address()).contains("/public/projets/").contains("-ecoles-ouvertes-le-soir-" + word);
        assertThat(page.heading()).isEqualTo(title);
        assertThat(page.similarTitles()).contains(similar).noneMatch(t -> t.startsWith("Brouillon"));
        browser.screenshot("project-public-page-fr");
        browser.accessibility().assertNoViolations("a public project page in French");

        page.switchLanguage("en");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo(title);
        browser.screenshot("project-public-page-en");
        browser.accessibility().assertNoViolations("a public project page in English");
    }

    @Test
    @DisplayName("a contributor's intranet search finds the public projects and their organisation's draft only")
    void aContributorSearchesTheIntranet() {
        browser.logInAs(Role.CONTRIBUTOR);
        browser.open(browser.application().resolve("app/projects/search.xhtml?q=" + word));
        ProjectSearchPage page = new ProjectSearchPage(browser);
        assertThat(page.titles()).containsExactlyInAnyOrder(title, similar, "Brouillon de A " + word);
        assertThat(page.count()).isEqualTo("3 projets trouvés");
        browser.screenshot("projects-search-intranet-fr");
        browser.accessibility().assertNoViolations("the intranet search of a contributor in French");
    }

    @Test
    @DisplayName("the English search and a refused year meet WCAG 2.1 AA")
    void theEnglishSearchIsAccessible() {
        ProjectSearchPage page = new ProjectSearchPage(browser).open(browser.application(), "en");
        page.search(word, null);
        assertThat(page.count()).isEqualTo("2 projects found");
        browser.screenshot("projects-search-en");
        browser.accessibility().assertNoViolations("the public search with results in English");

        browser.open(browser.application().resolve("public/projets.xhtml?year=20x&lang=en"));
        assertThat(browser.driver().getPageSource()).contains("is not a number");
        browser.screenshot("projects-search-refused-en");
        browser.accessibility().assertNoViolations("the public search with a refused year in English");
    }
}
