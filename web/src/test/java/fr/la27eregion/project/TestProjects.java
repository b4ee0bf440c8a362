package fr.la27eregion.project;

import fr.la27eregion.testing.Superuser;

import java.security.SecureRandom;
import java.util.List;

/**
 * Projects of the search tests, written straight into the test database ({@link Superuser}), as the generator
 * does: the search reads the table and its generated vector, whoever wrote them. Each test class marks its projects
 * with a word of its own ({@link #marker()}), so the tests find exactly their projects in a database that servers
 * and other classes share.
 */
public final class TestProjects {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestProjects() {
    }

    /** A word no text of the catalogue has: nine random consonants and vowels, letters only (one lexeme). */
    public static String marker() {
        String consonants = "bdfgklmnprtvz";
        String vowels = "aiou";
        StringBuilder word = new StringBuilder("q");
        for (int i = 0; i < 8; i++) {
            word.append(i % 2 == 0 ? vowels.charAt(RANDOM.nextInt(vowels.length()))
                    : consonants.charAt(RANDOM.nextInt(consonants.length())));
        }
        return word.toString();
    }

    /**
     * A project as the tests need it; returns its id. Its description is kept as the platform keeps it: the HTML as
     * the sanitiser leaves it (here the text escaped in a paragraph) beside the plain text the search reads.
     */
    public static long insert(String title, String summary, String description, long lead, String visibility,
                       String stage, String kind, String startedOn, String endedOn, List<String> themes,
                       List<String> territories, List<Long> partners) {
        long id = Superuser.number("""
                INSERT INTO project (title, slug, summary, description, description_text, lead_organisation_id, kind,
                                     stage, visibility, started_on, ended_on, created_at, updated_at, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS date), CAST(? AS date), now(), now(), now())
                RETURNING id""", title, slug(title), summary, "<p>" + description.replace("&", "&amp;").replace("<", "&lt;")
                        .replace(">", "&gt;") + "</p>", description, lead, kind,
                stage, visibility, startedOn, endedOn);
        themes.forEach(theme -> Superuser.update("INSERT INTO project_theme (project_id, theme_code) VALUES (?, ?)",
                id, theme));
        territories.forEach(code -> Superuser.update("INSERT INTO project_territory (project_id, territory_id)"
                + " SELECT ?, id FROM territory WHERE code = ?", id, code));
        partners.forEach(partner -> Superuser.update("INSERT INTO project_partner (project_id, organisation_id)"
                + " VALUES (?, ?)", id, partner));
        return id;
    }

    static String slug(String title) {
        String ascii = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return ascii.length() <= 80 ? ascii : ascii.substring(0, 80);
    }
}
