package fr.la27eregion.content;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content workflow of the public pages, through the API on the shared server: a draft is seen by the
 * secretariat and auditors only, published it reaches the public pages, unpublished it leaves them; every step and
 * revision is version-checked and journaled; bad input is a 4xx naming the field; the texts are sanitised; only the
 * secretariat writes.
 */
class ContentIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);

    private final ApiClient api = new ApiClient(TestServer.url());

    private static JsonObjectBuilder explainer(String key, String title) {
        return Json.createObjectBuilder().add("kind", "EXPLAINER").add("key", key).add("titleFr", title)
                .add("titleEn", title + " (en)").add("summaryFr", "Résumé " + title).add("summaryEn", "Summary")
                .add("bodyFr", "<p onclick=\"alert(1)\">Texte <strong>fort</strong></p><script>alert(2)</script>")
                .add("bodyEn", "<p>Text</p><img src=x onerror=alert(1)>");
    }

    private Reply put(long id, JsonObject body) {
        return api.send("PUT", "api/v1/content-items/" + id, "application/json",
                HttpRequest.BodyPublishers.ofString(body.toString()), SECRETARIAT);
    }

    private Reply step(long id, int version, String action, String by) {
        return api.post("api/v1/content-items/" + id + "/transitions",
                Json.createObjectBuilder().add("action", action).add("version", version).build().toString(), by);
    }

    private int publicPage(String key) {
        return api.get("public/explainer.xhtml?id=" + key, null).status();
    }

    @Test
    void aDraftIsPublishedThenUnpublishedJournaledAndVersionCheckedAndOnlyPublishedReachesThePublic() {
        String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
        String title = "Explication " + key;
        Reply created = api.post("api/v1/content-items", explainer(key, title).build().toString(), SECRETARIAT);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject draft = created.json();
        long id = draft.getJsonNumber("id").longValue();
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getString("bodyFr")).as("sanitised like project texts")
                .isEqualTo("<p>Texte <strong>fort</strong></p>");
        assertThat(draft.getString("bodyEn")).isEqualTo("<p>Text</p>");
        assertThat(draft.getJsonArray("actions").toString()).contains("PUBLISH");

        // a draft: read by the secretariat and auditors, on no public page
        assertThat(api.get("api/v1/content-items/" + id, AUDITOR).status()).isEqualTo(200);
        assertThat(api.get("api/v1/content-items/" + id, COORDINATOR).status()).isEqualTo(403);
        assertThat(publicPage(key)).isEqualTo(404);
        assertThat(api.get("public/explainers.xhtml", null).body()).doesNotContain(title);

        // auditors change nothing
        assertThat(step(id, draft.getInt("version"), "PUBLISH", AUDITOR).status()).isEqualTo(403);

        JsonObject published = step(id, draft.getInt("version"), "PUBLISH", SECRETARIAT).json();
        assertThat(published.getString("state")).isEqualTo("PUBLISHED");
        assertThat(published.getInt("version")).isGreaterThan(draft.getInt("version"));
        Reply page = api.get("public/explainer.xhtml?id=" + key, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(title).contains("<strong>fort</strong>").doesNotContain("alert(");
        assertThat(api.get("public/explainer.xhtml?id=" + key + "&lang=en", null).body()).contains(title + " (en)");
        assertThat(api.get("public/explainers.xhtml", null).body()).contains(title);

        // a step or a revision of a stale copy
        assertThat(step(id, draft.getInt("version"), "UNPUBLISH", SECRETARIAT).status()).isEqualTo(409);
        assertThat(put(id, explainer(key, "Perdu").add("version", draft.getInt("version")).build()).status())
                .isEqualTo(409);
        // not from this state
        Reply again = step(id, published.getInt("version"), "PUBLISH", SECRETARIAT);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().getString("field")).isEqualTo("action");

        Reply revised = put(id, explainer(key, title + " révisée").add("version", published.getInt("version"))
                .build());
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(api.get("public/explainer.xhtml?id=" + key, null).body()).contains(title + " révisée");

        JsonObject unpublished = step(id, revised.json().getInt("version"), "UNPUBLISH", SECRETARIAT).json();
        assertThat(unpublished.getString("state")).isEqualTo("UNPUBLISHED");
        assertThat(publicPage(key)).isEqualTo(404);
        assertThat(api.get("public/explainers.xhtml", null).body()).doesNotContain(title);

        assertThat(Superuser.column("SELECT action || ':' || coalesce(state_before, 'null') || '>' || state_after"
                + " FROM journal_entry WHERE entity_type = 'ContentItem' AND entity_id = ? ORDER BY seq",
                String.valueOf(id))).containsExactly("content.create:null>DRAFT", "content.publish:DRAFT>PUBLISHED",
                "content.update:PUBLISHED>PUBLISHED", "content.unpublish:PUBLISHED>UNPUBLISHED");
        assertThat(Superuser.column("SELECT details FROM journal_entry WHERE entity_type = 'ContentItem'"
                + " AND entity_id = ? AND action = 'content.update'", String.valueOf(id)).toString())
                .contains("titleEn").contains("titleFr");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOnlyTheSecretariatWrites() {
        Reply noTitle = api.post("api/v1/content-items", Json.createObjectBuilder().add("kind", "NEWS")
                .add("key", "sans-titre").add("titleEn", "x").build().toString(), SECRETARIAT);
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.json().getString("field")).isEqualTo("titleFr");
        Reply badKey = api.post("api/v1/content-items", explainer("Pas Une Adresse!", "T").build().toString(),
                SECRETARIAT);
        assertThat(badKey.json().getString("field")).isEqualTo("key");
        Reply unknownTheme = api.post("api/v1/content-items", explainer("astrologie", "T").add("kind", "THEME")
                .build().toString(), SECRETARIAT);
        assertThat(unknownTheme.json().getString("rule")).isEqualTo("content.rule.unknownTheme");
        Reply unknownKind = api.post("api/v1/content-items", explainer("x", "T").add("kind", "POEM").build()
                .toString(), SECRETARIAT);
        assertThat(unknownKind.status()).isEqualTo(400);
        Reply unknownProject = api.post("api/v1/content-items", explainer("p-" + UUID.randomUUID(), "T")
                .add("projectIds", Json.createArrayBuilder().add(Long.MAX_VALUE)).build().toString(), SECRETARIAT);
        assertThat(unknownProject.json().getString("field")).isEqualTo("projectIds");
        Reply tooLong = api.post("api/v1/content-items", explainer("long-" + UUID.randomUUID(), "x".repeat(201))
                .build().toString(), SECRETARIAT);
        assertThat(tooLong.json().getString("field")).isEqualTo("titleFr");

        String key = "doublon-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("api/v1/content-items", explainer(key, "Un").build().toString(), SECRETARIAT).status())
                .isEqualTo(201);
        Reply taken = api.post("api/v1/content-items", explainer(key, "Deux").build().toString(), SECRETARIAT);
        assertThat(taken.json().getString("rule")).isEqualTo("content.rule.keyTaken");

        for (String outsider : new String[]{AUDITOR, COORDINATOR}) {
            assertThat(api.post("api/v1/content-items", explainer("x-" + UUID.randomUUID(), "T").build().toString(),
                    outsider).status()).as(outsider).isEqualTo(403);
        }
        assertThat(api.post("api/v1/content-items", explainer("anon", "T").build().toString(), null).status())
                .isIn(401, 403);
        assertThat(Superuser.column("SELECT count(*) FROM content_item WHERE item_key = 'anon'"))
                .containsExactly("0");
    }

    @Test
    void aThemeIntroductionShowsOnItsPageOnlyOncePublished() {
        // a theme has one introduction: create it the first time this server sees the test, else reuse it
        List<String> existing = Superuser.column("SELECT id FROM content_item WHERE kind = 'THEME'"
                + " AND item_key = 'participation'");
        long id;
        if (existing.isEmpty()) {
            Reply created = api.post("api/v1/content-items", explainer("participation", "Introduction participation")
                    .add("kind", "THEME").build().toString(), SECRETARIAT);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.json().getJsonNumber("id").longValue();
        } else {
            id = Long.parseLong(existing.get(0));
        }
        JsonObject item = api.get("api/v1/content-items/" + id, SECRETARIAT).json();
        if (item.getString("state").equals("PUBLISHED")) {
            item = step(id, item.getInt("version"), "UNPUBLISH", SECRETARIAT).json();
        }
        String title = item.getString("titleFr");
        String summary = item.getString("summaryFr");
        Reply hidden = api.get("public/theme.xhtml?id=participation", null);
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.body()).doesNotContain(summary);
        step(id, item.getInt("version"), "PUBLISH", SECRETARIAT);
        assertThat(api.get("public/theme.xhtml?id=participation", null).body()).contains(summary);
        assertThat(api.get("public/themes.xhtml", null).body()).contains(summary);
        assertThat(api.get("public/theme.xhtml?id=astrologie", null).status()).isEqualTo(404);
        assertThat(title).isNotBlank();
    }
}
