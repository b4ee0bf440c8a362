package fr.la27eregion.opendata.web;

import fr.la27eregion.project.TestProjects;
import fr.la27eregion.testing.RegisterLabels;
import fr.la27eregion.testing.browser.Browser;
import fr.la27eregion.testing.browser.PublicPage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the open data and the public API, and the maps drawn from the regions' real outlines, in a real
 * Chromium: each renders in French and in English with its {@code lang}, says what it must (datasets, licence,
 * operations), and passes axe-core (WCAG 2.1 A and AA); the members map draws and links all 18 regions from the IGN
 * outlines (many points each, the source attributed), the territories page draws today's regions and the 22 former
 * ones, a project's page marks its regions.
 */
@Tag("browser")
@Tag("citizen")
@DisplayName("Citizen journeys: open data, the public API page and the maps")
class PublicDataPagesIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** A number of SVG path data: 12, 1.5, .5, -.5. */
    private static final Pattern NUMBER = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)");

    private PublicPage open(String path, String language) {
        return new PublicPage(browser).load(browser.application(), path, language);
    }

    @Test
    @DisplayName("the open data page lists the three datasets with their downloads and columns, in both languages")
    void theOpenDataPage() {
        PublicPage page = open("public/open-data.xhtml", "fr");
        assertThat(page.language()).isEqualTo("fr");
        assertThat(page.heading()).isEqualTo("Données ouvertes");
        assertThat(browser.driver().findElements(By.cssSelector("section.dataset")).stream()
                .map(section -> section.getDomAttribute("id"))).containsExactly("members", "projects", "labels");
        assertThat(browser.driver().findElement(By.id("licence")).getText()).contains("Licence Ouverte");
        assertThat(browser.driver().findElements(By.cssSelector("#projects-columns tbody tr"))).hasSize(17);
        assertThat(browser.driver().findElements(By.cssSelector("link[rel='alternate'][type='application/atom+xml']")))
                .hasSize(1);
        browser.screenshot("open-data-fr");
        browser.accessibility().assertNoViolations("the open data page in French");

        page.switchLanguage("en");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo("Open data");
        assertThat(browser.driver().findElement(By.cssSelector("#members-heading")).getText())
                .isEqualTo("Members of the network");
        browser.accessibility().assertNoViolations("the open data page in English");
    }

    @Test
    @DisplayName("the API page documents the public operations from the OpenAPI document, in both languages")
    void theApiPage() {
        PublicPage page = open("public/api.xhtml", "fr");
        assertThat(page.heading()).isEqualTo("L'API publique");
        List<String> operations = browser.driver().findElements(By.cssSelector("section.api-operation h2")).stream()
                .map(WebElement::getText).toList();
        assertThat(operations).contains("GET /api/v1/territories", "GET /api/v1/themes", "GET /api/v1/organisations",
                "GET /api/v1/projects", "GET /api/v1/labels", "GET /api/v1/labels/verify/{code}");
        assertThat(browser.driver().findElement(By.id("op-get-api-v1-projects")).getText()).contains("q", "200");
        browser.accessibility().assertNoViolations("the API page in French");
        page.switchLanguage("en");
        assertThat(page.heading()).isEqualTo("The public API");
        browser.accessibility().assertNoViolations("the API page in English");
    }

    @Test
    @DisplayName("the members map draws the 18 regions from their real outlines, each a link, the source named")
    void theMembersMapIsDrawnFromTheOutlines() {
        open("public/members.xhtml", "fr");
        List<WebElement> links = browser.driver().findElements(By.cssSelector("svg.region-map a.map-region"));
        assertThat(links).hasSize(18);
        int points = 0;
        for (WebElement link : links) {
            String code = link.getDomAttribute("id").substring("map-".length());
            assertThat(link.getDomAttribute("href")).isEqualTo("#region-" + code);
            String path = link.findElement(By.cssSelector("path.map-shape")).getDomAttribute("d");
            // its points: pairs of numbers (the first absolute, each other a step from the one before)
            int own = (int) NUMBER.matcher(path).results().count() / 2;
            assertThat(own).as(code + " drawn from its outline").isGreaterThanOrEqualTo(10);
            points += own;
            assertThat(browser.driver().findElements(By.id("region-" + code))).as("its row").hasSize(1);
        }
        assertThat(points).as("the IGN outlines, not the 400 points of the hand-drawn map").isGreaterThan(1000);
        assertThat(browser.driver().findElements(By.cssSelector("svg.region-map .map-overseas a.map-region")))
                .hasSize(5);
        assertThat(browser.driver().findElement(By.cssSelector("svg.region-map .map-source")).getText())
                .contains("IGN");
        browser.screenshot("members-map-outlines");
        browser.accessibility().assertNoViolations("the members page, its map drawn from the outlines");
    }

    @Test
    @DisplayName("the territories page draws today's regions with the 22 former ones over them")
    void theTerritoriesMapShowsTheFormerRegions() {
        open("public/territories.xhtml", "en");
        WebElement map = browser.driver().findElement(By.cssSelector("svg.territory-map"));
        assertThat(map.getDomAttribute("role")).isEqualTo("img");
        assertThat(map.getDomAttribute("aria-label")).contains("22 metropolitan regions before 2016");
        assertThat(map.findElements(By.cssSelector(".territory-map__regions path"))).hasSize(18);
        assertThat(map.findElements(By.cssSelector(".territory-map__former path"))).hasSize(22);
        browser.accessibility().assertNoViolations("the territories page with its map, in English");
    }

    @Test
    @DisplayName("a project's page marks its regions on a small map, today's and former ones")
    void aProjectsPageMarksItsRegions() {
        String marker = TestProjects.marker();
        long lead = RegisterLabels.organisation("Porteur cartographié " + marker, "FR-53");
        long project = TestProjects.insert("Projet cartographié " + marker, "Un projet sur deux régions.",
                "Sa description.", lead, "PUBLIC", "DEPLOYED", "EXPERIMENT", "2015-01-01", null,
                List.of("public-innovation"), List.of("FR-53", "FR-84", "FR-72-2015"), List.of());
        open("public/projet.xhtml?id=" + project, "fr");
        WebElement map = browser.driver().findElement(By.cssSelector("svg.territory-map"));
        assertThat(map.findElements(By.cssSelector(".territory-map__region--marked")).stream()
                .map(path -> path.getDomAttribute("data-code"))).containsExactlyInAnyOrder("FR-53", "FR-84");
        assertThat(map.findElements(By.cssSelector(".territory-map__region--marked-former")).stream()
                .map(path -> path.getDomAttribute("data-code"))).containsExactly("FR-72-2015");
        browser.screenshot("project-map");
        browser.accessibility().assertNoViolations("a public project's page with its map");
    }
}
