package fr.la27eregion.content;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlWaitingWork;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Published content for the browser tests, written through the API as the secretariat would (the workflow's own
 * path): an item of a kind and key is created when the shared server has none, and published when it is not.
 */
public final class ContentFixtures {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);

    private ContentFixtures() {
    }

    /**
     * What {@link #publicSite} made: a public project of the theme service-design, its explainer's key, the label's
     * certificate and the news item's key.
     */
    public record PublicSite(long project, String projectPath, String explainerKey, String certificateNumber,
                             String newsKey) {
    }

    /**
     * A public site with content: a new public project on the theme {@code service-design} holding a label in force,
     * a new explainer linked to it, a new news item, and the home text, the theme's introduction and the
     * accessibility statement (made the first time, published).
     */
    public static PublicSite publicSite(String prefix) {
        SqlWaitingWork seeded = SqlWaitingWork.seed(prefix);
        // the project of the seeded label in force, so that the theme's page has a label to show
        long project = Superuser.number("SELECT project_id FROM label WHERE id = ?", seeded.labelId());
        Superuser.update("UPDATE project SET visibility = 'PUBLIC' WHERE id = ?", project);
        Superuser.update("INSERT INTO project_theme (project_id, theme_code) VALUES (?, 'service-design')"
                + " ON CONFLICT DO NOTHING", project);
        String key = "explication-" + Long.toString(System.nanoTime(), 36);
        published("EXPLAINER", key, "Explication des tests", List.of(project));
        published("HOME", "home", "Accueil des tests", List.of(project));
        published("THEME", "service-design", "Design de services des tests", List.of());
        published("NEWS", "actu-" + key, "Actualité des tests", List.of());
        published("ACCESSIBILITY", "accessibility", "Déclaration des tests", List.of());
        String slug = Superuser.column("SELECT slug FROM project WHERE id = ?", project).get(0);
        String certificate = Superuser.column("SELECT certificate_number FROM label WHERE id = ?",
                seeded.labelId()).get(0);
        return new PublicSite(project, project + "-" + slug, key, certificate, "actu-" + key);
    }

    /**
     * The id of the published item of this kind and key (the key is ignored for HOME and ACCESSIBILITY), made with
     * these titles (the English one is the French with " (en)") and pointing to these projects when new.
     */
    public static long published(String kind, String key, String titleFr, List<Long> projects) {
        ApiClient api = new ApiClient(TestServer.url());
        List<String> existing = Superuser.column("SELECT id FROM content_item WHERE kind = ? AND (item_key = ?"
                + " OR kind IN ('HOME', 'ACCESSIBILITY'))", kind, key);
        JsonObject item;
        if (existing.isEmpty()) {
            JsonArrayBuilder ids = Json.createArrayBuilder();
            projects.forEach(ids::add);
            Reply created = api.post("api/v1/content-items", Json.createObjectBuilder().add("kind", kind)
                    .add("key", key).add("titleFr", titleFr).add("titleEn", titleFr + " (en)")
                    .add("summaryFr", "Résumé : " + titleFr).add("summaryEn", "Summary: " + titleFr + " (en)")
                    .add("bodyFr", "<p>Texte de <strong>" + titleFr + "</strong>.</p>")
                    .add("bodyEn", "<p>Text of <strong>" + titleFr + " (en)</strong>.</p>")
                    .add("projectIds", ids).build().toString(), SECRETARIAT);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            item = created.json();
        } else {
            item = api.get("api/v1/content-items/" + existing.get(0), SECRETARIAT).json();
        }
        long id = item.getJsonNumber("id").longValue();
        if (!"PUBLISHED".equals(item.getString("state"))) {
            Reply published = api.post("api/v1/content-items/" + id + "/transitions", Json.createObjectBuilder()
                    .add("action", "PUBLISH").add("version", item.getInt("version")).build().toString(), SECRETARIAT);
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
        }
        return id;
    }
}
