package fr.la27eregion.content.web;

import fr.la27eregion.content.ContentFixtures;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content of the public pages in real Chromium: the secretariat writes an explainer and publishes it; bad input
 * is shown beside its fields; the home page, a theme's page, an explainer and the accessibility statement show
 * published content in French and in English. Every page checked with axe-core (WCAG 2.1 A and AA).
 */
@Tag("browser")
@DisplayName("Content of the public pages")
class ContentPagesIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static ContentFixtures.PublicSite site;

    @BeforeAll
    static void publishedContent() {
        site = ContentFixtures.publicSite("content");
    }

    @Test
    @DisplayName("the secretariat writes an explainer, French and English side by side, and publishes it")
    void theSecretariatWritesAndPublishesAnExplainer() {
        browser.logInAs(Role.NETWORK_ADMIN);
        ContentPages page = new ContentPages(browser);
        page.load(browser.application(), "app/content/edit.xhtml?kind=EXPLAINER", "fr");
        browser.accessibility().assertNoViolations("the new explainer form");
        String key = "ecrit-" + UUID.randomUUID().toString().substring(0, 8);
        page.type("key", key).type("titleFr", "Le prototypage").type("titleEn", "Prototyping")
                .type("summaryFr", "Essayer en petit").type("summaryEn", "Trying small")
                .type("bodyFr", "<p>Un <em>prototype</em></p><script>alert(1)</script>")
                .type("bodyEn", "<p>A <em>prototype</em></p>");
        page.save(true);
        assertThat(page.state()).contains("Brouillon").contains(key);
        browser.accessibility().assertNoViolations("a saved draft");

        page.step("PUBLISH", "Publié");
        browser.accessibility().assertNoViolations("a published explainer's editor");
        assertThat(Superuser.column("SELECT body_fr FROM content_item WHERE item_key = ?", key))
                .containsExactly("<p>Un <em>prototype</em></p>");

        page.load(browser.application(), "public/explainer.xhtml?id=" + key, "en");
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.heading()).isEqualTo("Prototyping");
        page.load(browser.application(), "app/content/index.xhtml", "en");
        assertThat(page.text("#content-items")).contains("Le prototypage").contains("Published");
        browser.accessibility().assertNoViolations("the content list in English");
    }

    @Test
    @DisplayName("a form without its titles is refused, each message beside its field, in both languages")
    void missingTitlesAreShownBesideTheirFields() {
        browser.logInAs(Role.NETWORK_ADMIN);
        ContentPages page = new ContentPages(browser);
        for (String language : List.of("fr", "en")) {
            page.load(browser.application(), "app/content/edit.xhtml?kind=NEWS", language);
            page.type("key", "sans-titre");
            page.save(false);
            assertThat(page.invalid("titleFr")).isTrue();
            assertThat(page.invalid("titleEn")).isTrue();
            assertThat(page.text(".error-summary")).contains(language.equals("fr") ? "Titre en français"
                    : "Title in French");
            browser.accessibility().assertNoViolations("the refused form in " + language);
        }
        assertThat(Superuser.column("SELECT count(*) FROM content_item WHERE item_key = 'sans-titre'"))
                .containsExactly("0");
    }

    @Test
    @DisplayName("the home page, a theme, an explainer and the accessibility statement, in French and in English")
    void thePublicPagesShowPublishedContentInBothLanguages() {
        ContentPages page = new ContentPages(browser);
        for (String language : List.of("fr", "en")) {
            String suffix = language.equals("en") ? " (en)" : "";
            page.load(browser.application(), "index.xhtml", language);
            assertThat(page.language()).isEqualTo(language);
            assertThat(page.text("main")).as("the home text and the latest news")
                    .contains("Accueil des tests" + suffix).contains("Actualité des tests" + suffix);
            assertThat(page.text("#region-FR-53")).isNotBlank();
            browser.accessibility().assertNoViolations("the home page in " + language);
            browser.screenshot("home-" + language);

            page.load(browser.application(), "public/theme.xhtml?id=service-design", language);
            assertThat(page.heading()).isEqualTo(language.equals("fr") ? "Design de services" : "Service design");
            assertThat(page.text("main")).contains(Superuser.column("SELECT title FROM project WHERE id = ?",
                    site.project()).get(0));
            assertThat(page.text("ul.theme-labels")).as("the label in force on its project")
                    .contains(site.certificateNumber());
            browser.accessibility().assertNoViolations("a theme's page in " + language);
            browser.screenshot("theme-" + language);

            // the home page's news item, followed with the keyboard to its own page, then the list of the news
            page.load(browser.application(), "index.xhtml", language);
            page.followByKeyboard("section[aria-labelledby='home-news']", "Actualité des tests" + suffix);
            assertThat(page.language()).isEqualTo(language);
            assertThat(page.heading()).isEqualTo("Actualité des tests" + suffix);
            assertThat(browser.driver().getCurrentUrl()).contains("public/actualite.xhtml?id=" + site.newsKey());
            assertThat(page.text("article.news-item")).contains(language.equals("fr") ? "Texte de" : "Text of");
            assertThat(browser.driver().findElement(By.cssSelector("meta[name=description]"))
                    .getDomAttribute("content")).isEqualTo(language.equals("fr") ? "Résumé : Actualité des tests"
                    : "Summary: Actualité des tests (en)");
            assertThat(browser.driver().findElement(By.cssSelector("link[hreflang='" + (language.equals("fr")
                    ? "en" : "fr") + "']")).getDomAttribute("href")).contains("public/actualite.xhtml?id="
                    + site.newsKey());
            browser.accessibility().assertNoViolations("a news item in " + language);
            page.followByKeyboard("p.breadcrumb", language.equals("fr") ? "Actualités" : "News");
            assertThat(page.heading()).isEqualTo(language.equals("fr") ? "Actualités" : "News");
            assertThat(page.text("main ul.news-list")).contains("Actualité des tests" + suffix);
            browser.accessibility().assertNoViolations("the news in " + language);
            browser.screenshot("news-" + language);
            assertThat(browser.driver().findElement(By.id("nav-news")).getText())
                    .isEqualTo(language.equals("fr") ? "Actualités" : "News");

            page.load(browser.application(), "public/explainer.xhtml?id=" + site.explainerKey(), language);
            assertThat(page.heading()).isEqualTo("Explication des tests" + suffix);
            browser.accessibility().assertNoViolations("an explainer in " + language);

            page.load(browser.application(), "public/projets/" + site.projectPath(), language);
            assertThat(page.text("main")).contains("Explication des tests" + suffix);

            page.load(browser.application(), "public/accessibility.xhtml", language);
            assertThat(page.heading()).isEqualTo(language.equals("fr") ? "Déclaration d'accessibilité"
                    : "Accessibility statement");
            assertThat(page.text("#a11y-conformance")).as("the secretariat's published statement")
                    .startsWith(language.equals("fr") ? "Résumé : " : "Summary: ");
            assertThat(page.text("#a11y-pages")).as("the committed axe-core summary, page by page")
                    .contains("/public/theme.xhtml").contains("/index.xhtml");
            browser.accessibility().assertNoViolations("the accessibility statement in " + language);
            browser.screenshot("accessibility-" + language);
        }
    }
}
