package fr.la27eregion.home.control;

import fr.la27eregion.home.boundary.Search;
import fr.la27eregion.home.boundary.SearchGroup;
import fr.la27eregion.home.boundary.SearchHit;
import fr.la27eregion.label.control.ApplicationScope;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectResults;
import fr.la27eregion.project.control.Highlights;
import fr.la27eregion.project.control.ProjectScope;
import fr.la27eregion.project.control.ProjectSearchSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements of the intranet's search box (issue 12), over a JDBC connection: for each kind, the best matches in
 * the caller's scope and how many there are. Projects are the catalogue's own search ({@link ProjectSearchSql}: title
 * matches first, ranked); organisations, label applications and labels follow the same approach over their own
 * vectors and GIN indexes (V24), in the same French configuration with accents folded: the matches of the words'
 * {@code tsquery} found by the index, each kind's scope in the same {@code WHERE}, ranked by {@code ts_rank_cd}, the
 * snippets ({@code ts_headline}) built only for the rows shown, counted up to {@link #COUNT_LIMIT}.
 */
public final class SearchSql {

    /** The most matches of one kind a search counts: past it the count says "more than". */
    public static final int COUNT_LIMIT = ProjectSearchSql.COUNT_LIMIT;

    private static final String CONFIG = ProjectSearchSql.CONFIG;

    private SearchSql() {
    }

    /**
     * Who the caller is for the search, as the kinds' own lists scope them.
     *
     * @param everyOrganisation whether the caller reads every organisation (secretariat, auditors)
     * @param ownOrganisation   the organisation whose people they are (coordinator, contributor), null: none
     * @param projects          the catalogue's scope
     * @param applications      the label applications' scope (its organisation part alone for labels)
     */
    public record Scope(boolean everyOrganisation, Long ownOrganisation, ProjectScope projects,
                        ApplicationScope applications) {

        /**
         * The organisations the caller finds over {@code alias}, as their profiles are read
         * ({@code Organisations.find}): every one for the secretariat and auditors; otherwise the members of the
         * network (the public list's) and their own. Its values are the scope's numbers and states, inlined.
         */
        public String organisations(String alias) {
            if (everyOrganisation) {
                return "TRUE";
            }
            return "(" + (ownOrganisation == null ? "" : alias + ".id = " + ownOrganisation + " OR ")
                    + "EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = " + alias + ".id AND m.state IN ("
                    + Organisations.LISTED.stream().map(state -> "'" + state.name() + "'").sorted()
                    .collect(Collectors.joining(", ")) + ")))";
        }
    }

    /** Every kind's group, in {@link Search.Kind}'s order, {@code shown} hits at most each. */
    public static List<SearchGroup> search(Connection connection, String words, Scope scope, int shown)
            throws SQLException {
        List<SearchGroup> groups = new ArrayList<>();
        for (Search.Kind kind : Search.Kind.values()) {
            groups.add(group(connection, kind, words, scope, shown));
        }
        return groups;
    }

    /** One kind's group. */
    public static SearchGroup group(Connection connection, Search.Kind kind, String words, Scope scope, int shown)
            throws SQLException {
        if (kind == Search.Kind.PROJECTS) {
            ProjectResults results = ProjectSearchSql.search(connection, ProjectQuery.of(words).withSize(shown),
                    scope.projects());
            return new SearchGroup(kind, results.total(), results.more(), results.hits().stream()
                    .map(hit -> new SearchHit(hit.id(), hit.title(), hit.snippet(), hit.visibility().name(),
                            hit.stage().name(), kind.path(hit.id()))).toList());
        }
        Statements statements = Statements.of(kind, scope);
        List<SearchHit> hits = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(statements.best())) {
            statement.setString(1, Highlights.TITLE_OPTIONS);
            statement.setString(2, Highlights.SNIPPET_OPTIONS);
            statement.setString(3, words);
            statement.setInt(4, shown);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hits.add(new SearchHit(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            null, kind.path(rows.getLong(1))));
                }
            }
        }
        long counted;
        try (PreparedStatement statement = connection.prepareStatement(statements.count())) {
            statement.setString(1, words);
            statement.setLong(2, COUNT_LIMIT + 1L);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                counted = rows.getLong(1);
            }
        }
        return new SearchGroup(kind, Math.min(counted, COUNT_LIMIT), counted > COUNT_LIMIT, hits);
    }

    /**
     * A kind's two statements: its best matches (parameters: the title's and the snippet's headline options, the
     * words, how many) and its bounded count (the words, the limit).
     *
     * @param table   the kind's table, as {@code x}
     * @param scope   the caller's scope over {@code x}
     * @param joins   what the rows shown read beside {@code x}
     * @param columns the title to mark, the snippet's text to mark, the state
     */
    record Statements(String table, String scope, String joins, String title, String snippet, String state) {

        static Statements of(Search.Kind kind, Scope scope) {
            return switch (kind) {
                case ORGANISATIONS -> new Statements("organisation", scope.organisations("x"), "",
                        "x.name", "coalesce(x.address, '')",
                        // the current membership's state (the newest): its organisation's index
                        "(SELECT m.state FROM membership m WHERE m.organisation_id = x.id ORDER BY m.id DESC LIMIT 1)");
                case APPLICATIONS -> new Statements("label_application", scope.applications().sql("x"),
                        " JOIN project p ON p.id = x.project_id JOIN organisation o ON o.id = x.organisation_id"
                                + " JOIN campaign c ON c.id = x.campaign_id",
                        "p.title", "o.name || ' · ' || c.title_fr", "x.state");
                case LABELS -> new Statements("label", scope.applications().sqlOwned("x"),
                        " JOIN project p ON p.id = x.project_id JOIN organisation o ON o.id = x.organisation_id"
                                + " JOIN label_programme g ON g.id = x.programme_id",
                        "p.title", "x.certificate_number || ' · ' || o.name || ' · ' || g.name_fr", "x.state");
                case PROJECTS -> throw new IllegalArgumentException("The catalogue's own search finds projects");
            };
        }

        /** The best matches: ranked in the index's matches, then the headlines for those rows only. */
        String best() {
            return """
                    SELECT x.id, ts_headline('%1$s', %5$s, r.query, ?), ts_headline('%1$s', %6$s, r.query, ?), %7$s
                    FROM (SELECT x.id, query, ts_rank_cd(x.search_vector, query) AS rank
                          FROM %2$s x, websearch_to_tsquery('%1$s', ?) query
                          WHERE x.search_vector @@ query AND %3$s
                          ORDER BY rank DESC, x.id DESC
                          LIMIT ?) r
                    JOIN %2$s x ON x.id = r.id%4$s
                    ORDER BY r.rank DESC, x.id DESC
                    """.formatted(CONFIG, table, scope, joins, title, snippet, state);
        }

        /**
         * How many match, read up to the limit: a materialised CTE, planned for all its rows (the index) and read
         * only as far as the limit (as the catalogue's count, {@link ProjectSearchSql}).
         */
        String count() {
            return """
                    WITH matches AS MATERIALIZED (
                        SELECT 1 FROM %2$s x, websearch_to_tsquery('%1$s', ?) query
                        WHERE x.search_vector @@ query AND %3$s)
                    SELECT count(*) FROM (SELECT 1 FROM matches LIMIT ?) counted
                    """.formatted(CONFIG, table, scope);
        }
    }
}
