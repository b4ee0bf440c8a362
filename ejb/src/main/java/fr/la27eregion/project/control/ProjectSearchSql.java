package fr.la27eregion.project.control;

import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.project.boundary.ProjectHit;
import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectResults;
import fr.la27eregion.project.boundary.SimilarProject;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of the project search, over a JDBC connection: the search boundary runs them with the caller's
 * scope, the benchmark ({@code ops/bench/projects}) runs the very same straight against PostgreSQL.
 *
 * <p>Native SQL rather than JPA: the queries need {@code tsquery} functions, arrays as parameters and a two-level
 * query (rank every match, then build snippets only for the page's rows, {@code ts_headline} being the costly
 * part), none of which JPQL says. The scope's predicate ({@link ProjectScope#sql}) is in every statement.
 */
public final class ProjectSearchSql {

    /** The text search configuration of the vectors (V14); the queries must use the same. */
    public static final String CONFIG = "french_unaccent";

    /**
     * ts_rank_cd's weights of D, C, B, A: lessons, description, summary, title. Ranking reads {@code search_head}
     * (V16: the title and summary only, kept in the row), so only the last two count there; the full vector says
     * whether a project is found.
     */
    public static final String WEIGHTS = "{0.1, 0.2, 0.4, 1.0}";

    /**
     * A lexeme in the text form of a tsquery ({@code 'ecol'}, a quote doubled inside), and what it becomes to match
     * the title only ({@code 'ecol':A}): the query restricted to the title's weight, which tells a title match
     * without copying each vector as {@code ts_filter} would. Written for SQL string literals (quotes doubled).
     */
    public static final String LEXEME = "''((?:[^'']|'''')*)''";
    public static final String IN_TITLE = "''\\1'':A";

    /**
     * What a search with words reads beside {@code project p}: {@code query}, the words' tsquery; {@code title_query},
     * the same restricted to the title; {@code excluding}, whether the words exclude one. One parameter: the words.
     */
    private static final String WORDS = "websearch_to_tsquery('" + CONFIG + "', ?) query, CAST(regexp_replace("
            + "query::text, '" + LEXEME + "', '" + IN_TITLE + "', 'g') AS tsquery) title_query, "
            + "CAST(strpos(query::text, '!') > 0 AS boolean) excluding";

    /**
     * The most results a search counts: past it the count says "more than" ({@link ProjectResults#more()}). A common
     * word matches thousands of projects; counting them all read every match for a figure nobody pages through.
     */
    public static final int COUNT_LIMIT = 1000;

    /** How many words of a project's title the similar projects are looked for with (in pairs). */
    public static final int SIMILAR_WORDS = 6;

    /** How many candidates sharing words with the project are ranked at most: the best by the index's order. */
    public static final int SIMILAR_CANDIDATES = 400;

    private ProjectSearchSql() {
    }

    /** A page of results (the query's page and size) and how many there are in all. */
    public static ProjectResults search(Connection connection, ProjectQuery query, ProjectScope scope)
            throws SQLException {
        Filter filter = filter(connection, query, scope);
        List<ProjectHit> hits = page(connection, filter, query.first(), query.size());
        long counted = count(connection, filter, Part.ALL, COUNT_LIMIT + 1L);
        return new ProjectResults(query, hits, Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT);
    }

    /** The rows {@code first} to {@code first + size - 1} of the results, in their stable order. */
    public static List<ProjectHit> page(Connection connection, ProjectQuery query, ProjectScope scope, long first,
                                        int size) throws SQLException {
        return page(connection, filter(connection, query, scope), first, size);
    }

    /** How many projects the search finds in the scope, counted up to {@link #COUNT_LIMIT} and one more. */
    public static long count(Connection connection, ProjectQuery query, ProjectScope scope) throws SQLException {
        return count(connection, filter(connection, query, scope), Part.ALL, COUNT_LIMIT + 1L);
    }

    /** The projects of other organisations most like this one, in this scope ({@link RecordNotFound} if not in it). */
    public static List<SimilarProject> similar(Connection connection, long id, int limit, ProjectScope scope)
            throws SQLException {
        if (limit < 1 || limit > 50) {
            throw new IllegalArgumentException("limit " + limit);
        }
        // one statement: the project (in scope), the words of its title, any two of them together as an OR-query
        // (a pair is telling where a single common word is not, and keeps the index's answer small), a bounded set
        // of candidates of other organisations the index finds, ranked by the words (ts_rank_cd), the titles'
        // trigrams (pg_trgm) and the shared themes
        String sql = """
                WITH source AS (
                    SELECT p.id, p.title, p.lead_organisation_id, p.search_head
                    FROM project p WHERE p.id = ? AND %1$s),
                lexemes AS (
                    SELECT u.lexeme FROM source s, unnest(s.search_head) u
                    WHERE length(u.lexeme) > 3 AND 'A' = ANY (u.weights)
                    ORDER BY cardinality(u.positions) DESC, u.lexeme
                    LIMIT %3$d),
                words AS (
                    SELECT coalesce(string_agg('(' || quote_literal(a.lexeme) || ' & ' || quote_literal(b.lexeme)
                                               || ')', ' | '),
                                    (SELECT quote_literal(min(lexeme)) FROM lexemes)) AS text
                    FROM lexemes a JOIN lexemes b ON a.lexeme < b.lexeme),
                themes AS (SELECT pt.theme_code FROM project_theme pt JOIN source s ON pt.project_id = s.id),
                candidates AS (
                    SELECT c.id, c.title, c.summary, c.slug, c.lead_organisation_id, c.search_head
                    FROM project c, source s, words w
                    WHERE w.text IS NOT NULL AND c.search_vector @@ w.text::tsquery
                      AND c.lead_organisation_id <> s.lead_organisation_id AND %2$s
                    LIMIT %4$d)
                SELECT c.id, c.slug, c.title, c.summary, o.name,
                       ARRAY(SELECT ct.theme_code FROM project_theme ct
                             WHERE ct.project_id = c.id AND ct.theme_code IN (SELECT theme_code FROM themes)
                             ORDER BY ct.theme_code) AS shared,
                       ts_rank_cd('%5$s', c.search_head, w.text::tsquery)
                         + similarity(c.title, s.title)
                         + 0.2 * (SELECT count(*) FROM project_theme ct
                                  WHERE ct.project_id = c.id AND ct.theme_code IN (SELECT theme_code FROM themes))
                         AS score
                FROM candidates c JOIN organisation o ON o.id = c.lead_organisation_id, source s, words w
                ORDER BY score DESC, c.id
                LIMIT ?
                """.formatted(scope.sql("p"), scope.sql("c"), SIMILAR_WORDS, SIMILAR_CANDIDATES, WEIGHTS);
        {
            if (!exists(connection, id, scope)) {
                throw new RecordNotFound("No project " + id);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, id);
                statement.setInt(2, limit);
                List<SimilarProject> similar = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        similar.add(new SimilarProject(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), strings(rows.getArray(6)),
                                rows.getDouble(7)));
                    }
                }
                return similar;
            }
        }
    }

    private static boolean exists(Connection connection, long id, ProjectScope scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM project p WHERE p.id = ? AND " + scope.sql("p"))) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * The conditions of a search as SQL over {@code project p}, but the words' (which {@link Part} adds, over
     * {@code query}, the words' tsquery), and their parameters. Checks the codes the caller gave against the
     * referential, so an unknown theme or territory is refused (naming its parameter) rather than silently finding
     * nothing.
     */
    private static Filter filter(Connection connection, ProjectQuery query, ProjectScope scope) throws SQLException {
        StringBuilder where = new StringBuilder(scope.sql("p"));
        List<Object> parameters = new ArrayList<>();
        if (!query.themes().isEmpty()) {
            String[] themes = query.themes().toArray(String[]::new);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT count(*) FROM theme WHERE code = ANY (?)")) {
                statement.setArray(1, connection.createArrayOf("varchar", themes));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) != themes.length) {
                        throw new RuleViolation("theme", "project.search.unknownTheme",
                                "Unknown theme among " + query.themes(), String.join(", ", query.themes()));
                    }
                }
            }
            where.append(" AND EXISTS (SELECT 1 FROM project_theme pt WHERE pt.project_id = p.id"
                    + " AND pt.theme_code = ANY (?))");
            parameters.add(themes);
        }
        if (query.territory() != null) {
            // the territory itself, the region a former region merged into, the former regions merged into it
            List<Long> territories = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT t.id, t.merged_into_id, ARRAY(SELECT f.id FROM territory f WHERE f.merged_into_id = t.id)
                    FROM territory t WHERE t.code = ?""")) {
                statement.setString(1, query.territory());
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new RuleViolation("territory", "project.search.unknownTerritory",
                                "Unknown territory: " + query.territory(), query.territory());
                    }
                    territories.add(rows.getLong(1));
                    long merged = rows.getLong(2);
                    if (!rows.wasNull()) {
                        territories.add(merged);
                    }
                    for (Object former : (Object[]) rows.getArray(3).getArray()) {
                        territories.add(((Number) former).longValue());
                    }
                }
            }
            where.append(" AND EXISTS (SELECT 1 FROM project_territory pt WHERE pt.project_id = p.id"
                    + " AND pt.territory_id = ANY (?))");
            parameters.add(territories.toArray(Long[]::new));
        }
        if (query.stage() != null) {
            where.append(" AND p.stage = ?");
            parameters.add(query.stage().name());
        }
        if (query.kind() != null) {
            where.append(" AND p.kind = ?");
            parameters.add(query.kind().name());
        }
        if (query.organisation() != null) {
            where.append(" AND (p.lead_organisation_id = ? OR EXISTS (SELECT 1 FROM project_partner pp"
                    + " WHERE pp.project_id = p.id AND pp.organisation_id = ?))");
            parameters.add(query.organisation());
            parameters.add(query.organisation());
        }
        if (query.year() != null) {
            // ran that year: started by its end, and not ended before its start (an open end runs on)
            where.append(" AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?)");
            parameters.add(Date.valueOf(query.year() + "-12-31"));
            parameters.add(Date.valueOf(query.year() + "-01-01"));
        }
        return new Filter(query.words(), where.toString(), parameters);
    }

    /**
     * The rows {@code first} to {@code first + size - 1} in the search's order: with words, the projects whose title
     * has them first, then the others, each part by rank then newest first; without, newest first.
     *
     * <p>The two parts are read one after the other, because ranking is what costs: a common word (école) is in the
     * text of a sixth of the catalogue but in the titles of a few percent, which the title's index
     * ({@code search_head}, V19) finds without reading the others. So the first pages of a common word rank only the
     * title matches; the others are ranked only for a page past them (or for words few titles have, where the whole
     * is small). The order is the same as one statement ordering by (title match, rank, id).
     */
    static List<ProjectHit> page(Connection connection, Filter filter, long first, int size)
            throws SQLException {
        if (filter.words() == null) {
            return read(connection, filter, Part.ALL, first, size);
        }
        List<ProjectHit> hits = new ArrayList<>(read(connection, filter, Part.TITLE, first, size));
        if (hits.size() < size) {
            // the title matches end on this page (then there were first + hits of them) or before it (count them)
            long titleMatches = !hits.isEmpty() || first == 0 ? first + hits.size()
                    : count(connection, filter, Part.TITLE, Long.MAX_VALUE);
            hits.addAll(read(connection, filter, Part.OTHERS, first + hits.size() - titleMatches,
                    size - hits.size()));
        }
        return hits;
    }

    /**
     * Which matches of a search a statement reads: all of them, those with the words in their title, the others.
     * The title's test ({@code title_query}: the words restricted to the title's weight) reads the small vector in
     * the row through its own index (V19); a title match is then a match of the whole text, unless the words exclude
     * one ({@code -word}, a {@code !} in the query), which only the whole text tells (the full vector, out of line,
     * read only then).
     */
    private enum Part {
        ALL(" AND p.search_vector @@ query"),
        TITLE(" AND p.search_head @@ title_query AND (NOT excluding OR p.search_vector @@ query)"),
        OTHERS(" AND p.search_vector @@ query AND NOT (p.search_head @@ title_query)");

        final String condition;

        Part(String condition) {
            this.condition = condition;
        }
    }

    private static List<ProjectHit> read(Connection connection, Filter filter, Part part, long first, int size)
            throws SQLException {
        boolean words = filter.words() != null;
        // the inner query ranks the part's matches and keeps the page's ids; the outer one reads and marks only those
        String sql = words ? """
                SELECT p.id, p.slug,
                       ts_headline('%1$s', p.title, r.query, ?) AS title,
                       ts_headline('%1$s', p.summary || ' ' || p.description_text, r.query, ?) AS snippet,
                       p.kind, p.stage, p.visibility, p.started_on, p.ended_on, p.lead_organisation_id, o.name,
                       ARRAY(SELECT t.theme_code FROM project_theme t WHERE t.project_id = p.id
                             ORDER BY t.theme_code) AS themes,
                       r.rank
                FROM (SELECT p.id, query, ts_rank_cd('%2$s', p.search_head, query) AS rank
                      FROM project p, %4$s
                      WHERE %3$s%5$s
                      ORDER BY rank DESC, p.id DESC
                      LIMIT ? OFFSET ?) r
                JOIN project p ON p.id = r.id JOIN organisation o ON o.id = p.lead_organisation_id
                ORDER BY r.rank DESC, p.id DESC
                """.formatted(CONFIG, WEIGHTS, filter.where(), WORDS, part.condition) : """
                SELECT p.id, p.slug, p.title, left(p.summary, 300) AS snippet,
                       p.kind, p.stage, p.visibility, p.started_on, p.ended_on, p.lead_organisation_id, o.name,
                       ARRAY(SELECT t.theme_code FROM project_theme t WHERE t.project_id = p.id
                             ORDER BY t.theme_code) AS themes,
                       0 AS rank
                FROM (SELECT p.id FROM project p WHERE %1$s ORDER BY p.id DESC LIMIT ? OFFSET ?) r
                JOIN project p ON p.id = r.id JOIN organisation o ON o.id = p.lead_organisation_id
                ORDER BY p.id DESC
                """.formatted(filter.where());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (words) {
                statement.setString(index++, Highlights.TITLE_OPTIONS);
                statement.setString(index++, Highlights.SNIPPET_OPTIONS);
                statement.setString(index++, filter.words());
            }
            index = filter.bind(connection, statement, index);
            statement.setInt(index++, size);
            statement.setLong(index, first);
            List<ProjectHit> hits = new ArrayList<>(size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Date started = rows.getDate(8);
                    Date ended = rows.getDate(9);
                    hits.add(new ProjectHit(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), ProjectKind.valueOf(rows.getString(5)),
                            ProjectStage.valueOf(rows.getString(6)), ProjectVisibility.valueOf(rows.getString(7)),
                            started == null ? null : started.toLocalDate(), ended == null ? null : ended.toLocalDate(),
                            rows.getLong(10), rows.getString(11), strings(rows.getArray(12)), rows.getDouble(13)));
                }
            }
            return hits;
        }
    }

    /** How many projects of the part the filter finds, counted up to {@code most} (the others are not read). */
    private static long count(Connection connection, Filter filter, Part part, long most) throws SQLException {
        boolean words = filter.words() != null;
        // the matches as a materialised CTE, which PostgreSQL plans for all its rows (the words' index, then only the
        // rows it names) and reads only as far as the limit: planned under the limit itself, the first rows look
        // cheapest from a sequential scan, which would read each row's full vector (out of line) to test it
        String sql = "WITH matches AS MATERIALIZED (SELECT 1 FROM project p" + (words ? ", " + WORDS : "")
                + " WHERE " + filter.where() + (words ? part.condition : "")
                + ") SELECT count(*) FROM (SELECT 1 FROM matches LIMIT ?) counted";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (words) {
                statement.setString(index++, filter.words());
            }
            index = filter.bind(connection, statement, index);
            statement.setLong(index, most);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            strings.add(String.valueOf(value));
        }
        return List.copyOf(strings);
    }

    /** A search's words, its WHERE clause over {@code project p}, and the clause's parameters in order. */
    private record Filter(String words, String where, List<Object> parameters) {

        int bind(Connection connection, PreparedStatement statement, int from) throws SQLException {
            int index = from;
            for (Object parameter : parameters) {
                if (parameter instanceof String[] texts) {
                    statement.setArray(index++, connection.createArrayOf("varchar", texts));
                } else if (parameter instanceof Long[] ids) {
                    statement.setArray(index++, connection.createArrayOf("bigint", ids));
                } else {
                    statement.setObject(index++, parameter);
                }
            }
            return index;
        }
    }
}
