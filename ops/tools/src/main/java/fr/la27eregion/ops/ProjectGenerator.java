package fr.la27eregion.ops;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Fills a platform database with generated innovation projects, quickly, so the search's figures mean something
 * (issue 10): {@code COPY} through PgJDBC's {@link CopyManager}, not the application, with French text of
 * public-policy innovation (schools, mobility, health, food, third places, citizen participation...), accents and
 * plurals as people write them, over the database's own themes, territories (former regions for projects before
 * 2016) and organisations (partners too), in every visibility, kind and stage.
 *
 * <p>The text is drawn from vocabularies by a seeded generator: the same N gives the same catalogue. A few words
 * are common on purpose ({@code école}, {@code mobilité}, {@code alimentation} occur in about a tenth of the
 * projects each), which is what a benchmark searches for.
 *
 * <p>Usage: {@code ProjectGenerator JDBC_URL USER PASSWORD [N]} (default 100,000). The schema must exist (the
 * application migrates it at its start). Adds to the projects already there.
 */
public final class ProjectGenerator {

    public static final int DEFAULT_COUNT = 100_000;
    private static final int BATCH = 10_000;

    private static final String[] ACTIONS = {"Réinventer", "Expérimenter", "Co-concevoir", "Repenser", "Accompagner",
        "Transformer", "Ouvrir", "Mutualiser", "Simplifier", "Imaginer", "Renforcer", "Relocaliser", "Partager",
        "Animer", "Évaluer"};
    private static final String[] SUBJECTS = {"l'école rurale", "les écoles de demain", "la cantine scolaire",
        "la mobilité solidaire", "les mobilités douces", "le covoiturage quotidien", "la santé de proximité",
        "les maisons de santé", "l'alimentation locale", "les circuits courts", "les tiers-lieux",
        "la participation citoyenne", "le budget participatif", "l'accueil des usagers", "les services publics",
        "l'habitat inclusif", "la rénovation énergétique", "les lycées professionnels", "l'orientation des jeunes",
        "la culture numérique", "les bibliothèques", "la transition écologique", "l'économie circulaire",
        "le réemploi des matériaux", "l'insertion professionnelle", "le vieillissement actif", "les aidants",
        "la démocratie locale", "les espaces publics", "la forêt communale", "l'eau potable", "les déchets",
        "la petite enfance", "le sport pour tous", "les musées", "la sobriété énergétique", "les mairies rurales",
        "les gares", "le logement étudiant", "la médiation numérique"};
    private static final String[] PLACES = {"en milieu rural", "dans les quartiers prioritaires", "en montagne",
        "sur le littoral", "dans les villes moyennes", "dans les bourgs-centres", "en zone périurbaine",
        "à l'échelle du bassin de vie", "avec les intercommunalités", "dans les territoires d'outre-mer",
        "entre régions voisines", "avec nos partenaires européens"};
    private static final String[] PUBLICS = {"les élèves", "les enseignants", "les agents", "les habitants",
        "les personnes âgées", "les jeunes", "les familles", "les associations", "les élus", "les agriculteurs",
        "les entreprises locales", "les usagers", "les patients", "les étudiants", "les bénévoles"};
    private static final String[] METHODS = {"des ateliers de co-conception", "une résidence de designers",
        "un laboratoire d'innovation publique", "des enquêtes de terrain", "un prototype testé pendant six mois",
        "une plateforme numérique ouverte", "un jury citoyen", "des marches exploratoires",
        "une démarche d'immersion", "un appel à projets", "une expérimentation à petite échelle",
        "un observatoire partagé", "des données ouvertes"};
    private static final String[] RESULTS = {"a réduit les délais de moitié", "a été généralisé à toute la région",
        "a mobilisé plus de trois cents habitants", "a inspiré deux autres régions",
        "a amélioré la satisfaction des usagers", "a permis des économies de fonctionnement",
        "a créé une dizaine d'emplois locaux", "a été arrêté faute de financement",
        "reste fragile mais prometteur", "a changé la manière de travailler des services"};
    private static final String[] LESSONS = {"Impliquer les usagers dès le début évite bien des impasses.",
        "Le portage politique compte autant que le budget.",
        "Un prototype modeste convainc mieux qu'un long rapport.",
        "Les agents de terrain connaissent les vrais problèmes.",
        "Il faut prévoir l'évaluation avant de commencer.",
        "Les partenariats entre régions demandent un coordinateur dédié.",
        "La commande publique doit laisser place à l'expérimentation.",
        "Documenter les échecs est aussi utile que raconter les réussites.",
        "Les écoles sont des lieux idéaux pour toucher les familles.",
        "La mobilité reste le premier frein pour les habitants éloignés."};
    private static final String[] FIRST_NAMES = {"Camille", "Léa", "Hugo", "Chloé", "Mathis", "Inès", "Théo",
        "Zoé", "Nathan", "Élise", "Joël", "Anaïs", "François", "Hélène", "Gaëlle"};
    private static final String[] LAST_NAMES = {"Martin", "Bernard", "Lefèvre", "Durand", "Moreau", "Laurent",
        "Garnier", "Rousseau", "Bonnet", "Chevalier", "Lemaître", "Bréchet", "Perrin", "Faure"};
    private static final String[] OUTSIDE = {"Université de Lille", "Universidade do Porto", "Politecnico di Milano",
        "Studio Vraiment Vraiment", "Ville de Gand", "TU Delft", "Fab Lab de Barcelone", "Cité du design",
        "Stadt Leipzig", "Université de Liège", "Nesta", "Agence d'urbanisme de Lyon"};
    private static final String[] OUTSIDE_COUNTRY = {"FR", "PT", "IT", "FR", "BE", "NL", "ES", "FR", "DE", "BE",
        "GB", "FR"};
    private static final String[] OUTSIDE_KIND = {"UNIVERSITY", "UNIVERSITY", "UNIVERSITY", "DESIGN_STUDIO",
        "LOCAL_AUTHORITY", "UNIVERSITY", "ASSOCIATION", "PUBLIC_BODY", "LOCAL_AUTHORITY", "UNIVERSITY",
        "RESEARCH", "PUBLIC_BODY"};
    private static final String[] KINDS = {"INNOVATION", "EXPERIMENT", "INTER_REGIONAL", "INTERNATIONAL",
        "FORESIGHT"};
    private static final String[] STAGES = {"IDEA", "EXPERIMENTING", "DEPLOYED", "EVALUATED", "STOPPED"};
    private static final String[] VISIBILITIES = {"PUBLIC", "PUBLIC", "PUBLIC", "NETWORK", "NETWORK", "DRAFT"};

    private ProjectGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ProjectGenerator JDBC_URL USER PASSWORD [N]");
            System.exit(2);
        }
        int count = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_COUNT;
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
            generate(connection, count, 27L);
        }
        System.out.printf(Locale.ROOT, "%,d projects generated in %.1f s%n", count,
                (System.nanoTime() - started) / 1e9);
    }

    /** Adds {@code count} projects (and their themes, territories and partners) drawn from {@code seed}. */
    public static void generate(Connection connection, int count, long seed) throws SQLException, IOException {
        connection.setAutoCommit(false);
        List<Long> organisations = ids(connection, "SELECT id FROM organisation ORDER BY id");
        if (organisations.size() < 2) {
            throw new IllegalStateException("The database needs at least two organisations (start the platform with "
                    + "its demo data once, or register members) before projects are generated");
        }
        List<Long> regions = ids(connection, "SELECT id FROM territory WHERE kind = 'REGION' ORDER BY id");
        List<Long> formerRegions = ids(connection, "SELECT id FROM territory WHERE kind = 'FORMER_REGION' ORDER BY id");
        List<Long> european = ids(connection, "SELECT id FROM territory WHERE kind = 'EUROPEAN_REGION' ORDER BY id");
        List<String> themes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT code FROM theme ORDER BY position")) {
            while (rows.next()) {
                themes.add(rows.getString(1));
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(seed);
        for (int done = 0; done < count; done += BATCH) {
            int batch = Math.min(BATCH, count - done);
            long firstId = nextId(connection);
            StringBuilder projects = new StringBuilder(batch * 2000);
            StringBuilder projectThemes = new StringBuilder();
            StringBuilder projectTerritories = new StringBuilder();
            StringBuilder partners = new StringBuilder();
            StringBuilder outside = new StringBuilder();
            List<Draw> draws = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                Draw draw = draw(random, organisations);
                draws.add(draw);
                projects.append(draw.projectLine());
            }
            copy.copyIn("COPY project (title, slug, summary, description, description_text, lessons, lessons_text,"
                    + " lead_organisation_id, kind, stage, visibility, started_on, ended_on, budget_euros,"
                    + " contact_name, contact_email, created_at, updated_at, changed_at, published_at, created_by)"
                    + " FROM STDIN (FORMAT csv)", new StringReader(projects.toString()));
            // identity values follow the order of the rows in one COPY of one session
            long next = firstId;
            for (Draw draw : draws) {
                long id = next++;
                for (String theme : pick(random, themes, 1 + random.nextInt(3))) {
                    projectThemes.append(id).append(',').append(theme).append('\n');
                }
                List<Long> where = new ArrayList<>();
                where.add(draw.startedOn().getYear() < 2016 && !formerRegions.isEmpty()
                        ? formerRegions.get(random.nextInt(formerRegions.size()))
                        : regions.get(random.nextInt(regions.size())));
                if (("INTER_REGIONAL".equals(draw.kind()))) {
                    where.add(regions.get(random.nextInt(regions.size())));
                }
                if ("INTERNATIONAL".equals(draw.kind()) && !european.isEmpty()) {
                    where.add(european.get(random.nextInt(european.size())));
                }
                where.stream().distinct().forEach(t -> projectTerritories.append(id).append(',').append(t).append('\n'));
                int partnerCount = random.nextInt(3);
                pick(random, organisations, partnerCount).stream().filter(o -> o != draw.lead()).forEach(o ->
                        partners.append(id).append(',').append(o).append('\n'));
                if ("INTERNATIONAL".equals(draw.kind()) || random.nextInt(5) == 0) {
                    int which = random.nextInt(OUTSIDE.length);
                    outside.append(id).append(",0,").append(csv(OUTSIDE[which])).append(',')
                            .append(OUTSIDE_COUNTRY[which]).append(',').append(OUTSIDE_KIND[which]).append('\n');
                }
            }
            if (nextId(connection) != next) {
                throw new IllegalStateException("Projects were added by someone else while generating: stop the "
                        + "application's writers, or generate into a database of its own");
            }
            copy.copyIn("COPY project_theme (project_id, theme_code) FROM STDIN (FORMAT csv)",
                    new StringReader(projectThemes.toString()));
            copy.copyIn("COPY project_territory (project_id, territory_id) FROM STDIN (FORMAT csv)",
                    new StringReader(projectTerritories.toString()));
            copy.copyIn("COPY project_partner (project_id, organisation_id) FROM STDIN (FORMAT csv)",
                    new StringReader(partners.toString()));
            copy.copyIn("COPY project_outside_partner (project_id, position, name, country_code, kind)"
                    + " FROM STDIN (FORMAT csv)", new StringReader(outside.toString()));
            connection.commit();
            System.out.printf(Locale.ROOT, "%,d / %,d%n", done + batch, count);
        }
        connection.setAutoCommit(true);
    }

    /** The id the next project will get: the identity's next value, without using one up. */
    private static long nextId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CASE WHEN is_called THEN last_value + 1"
                     + " ELSE last_value END FROM " + sequence(connection))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String sequence(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_get_serial_sequence('project', 'id')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Draw draw(SplittableRandom random, List<Long> organisations) {
        String subject = one(random, SUBJECTS);
        String place = one(random, PLACES);
        String title = one(random, ACTIONS) + " " + subject + " " + place;
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        String publics = one(random, PUBLICS);
        String summary = capitalise(one(random, PUBLICS)) + " et " + publics + " construisent ensemble "
                + one(random, METHODS) + " pour " + one(random, ACTIONS).toLowerCase(Locale.FRENCH) + " "
                + subject + ". Le projet " + one(random, RESULTS) + ".";
        StringBuilder text = new StringBuilder();
        int paragraphs = 2 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            text.append("Avec ").append(one(random, METHODS)).append(", ").append(one(random, PUBLICS))
                    .append(" et ").append(one(random, PUBLICS)).append(" ont travaillé sur ")
                    .append(one(random, SUBJECTS)).append(' ').append(one(random, PLACES)).append(". ")
                    .append("L'équipe ").append(one(random, RESULTS)).append(". ");
        }
        String description = text.toString().strip();
        String lesson = one(random, LESSONS) + " " + one(random, LESSONS);
        long lead = organisations.get(random.nextInt(organisations.size()));
        String kind = one(random, KINDS);
        String stage = one(random, STAGES);
        String visibility = one(random, VISIBILITIES);
        LocalDate startedOn = LocalDate.of(2008 + random.nextInt(18), 1 + random.nextInt(12), 1 + random.nextInt(28));
        LocalDate endedOn = random.nextInt(3) == 0 ? null : startedOn.plusMonths(6 + random.nextInt(42));
        String contact = one(random, FIRST_NAMES) + " " + one(random, LAST_NAMES);
        String email = slug(contact).replace('-', '.') + "@region.example";
        String created = startedOn.atStartOfDay() + "Z";
        StringBuilder line = new StringBuilder(description.length() * 2 + 600);
        line.append(csv(title)).append(',').append(csv(slug(title))).append(',').append(csv(summary)).append(',')
                .append(csv(paragraphs(description))).append(',').append(csv(description)).append(',')
                .append(csv("<p>" + escape(lesson) + "</p>")).append(',').append(csv(lesson)).append(',')
                .append(lead).append(',').append(kind).append(',').append(stage).append(',').append(visibility)
                .append(',').append(startedOn).append(',').append(endedOn == null ? "" : endedOn).append(',')
                .append(random.nextInt(4) == 0 ? "" : String.valueOf(5_000 + random.nextInt(2_000_000)))
                .append(',').append(csv(contact)).append(',').append(csv(email)).append(',')
                .append(created).append(',').append(created).append(',').append(created).append(',')
                .append("DRAFT".equals(visibility) ? "" : created).append(',').append("generator").append('\n');
        return new Draw(line.toString(), lead, kind, startedOn);
    }

    private static String paragraphs(String text) {
        return "<p>" + escape(text).replace(". L'équipe", ".</p><p>L'équipe") + "</p>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A slug as the platform writes them: lower case ASCII words joined by hyphens, at most 80 characters. */
    static String slug(String title) {
        String ascii = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return ascii.length() <= 80 ? ascii : ascii.substring(0, 80).replaceAll("-[^-]*$", "");
    }

    private static String capitalise(String text) {
        return text.substring(0, 1).toUpperCase(Locale.FRENCH) + text.substring(1);
    }

    private static String csv(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String one(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> List<T> pick(SplittableRandom random, List<T> values, int count) {
        List<T> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, new Random(random.nextLong()));
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** A generated project: its COPY line and what its related rows need. */
    private record Draw(String projectLine, long lead, String kind, LocalDate startedOn) {
    }
}
