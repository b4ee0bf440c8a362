package fr.la27eregion.home.boundary;

import fr.la27eregion.home.control.SearchSql;
import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.control.ApplicationScopes;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.control.ProjectScopes;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.annotation.Timed;

import javax.sql.DataSource;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The intranet's one search box (issue 12): the organisations, projects, label applications and labels the caller
 * may read whose words match, grouped by kind, the best {@value #SHOWN} of each with how many there are. PostgreSQL
 * full text in French with accents folded ("region" finds "Région"), the catalogue's own search for projects and the
 * same approach for the others ({@link SearchSql}, V24).
 *
 * <p>Each kind is scoped exactly as its own list is, in the query: organisations as their profiles
 * ({@code Organisations.find}: members, and one's own), projects by the catalogue's {@code ProjectScope}, applications
 * by their {@code ApplicationScope}, labels by its organisation part. So a draft of another organisation is never
 * found, not even counted. Signed-in people only. Reads only, so no transaction is opened.
 */
@Stateless
@RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.REVIEWER_NAME,
        Role.JURY_NAME, Role.AUDITOR_NAME})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Search {

    /** At most this many records of each kind listed; the count says how many there are. */
    public static final int SHOWN = 10;

    /** The longest words a search takes (the catalogue's limit). */
    public static final int MAX_WORDS = ProjectQuery.MAX_WORDS;

    /** The kinds of records found, in the order the results show them: where each is read, its states' bundle keys. */
    public enum Kind {
        ORGANISATIONS("/app/membership/organisation.xhtml?id=", "membership.MembershipState.", null),
        PROJECTS("/app/projects/project.xhtml?id=", "project.ProjectVisibility.", "/app/projects/search.xhtml?q="),
        APPLICATIONS("/app/labels/application.xhtml?id=", "label.ApplicationState.", null),
        LABELS("/app/labels/label.xhtml?id=", "label.LabelState.", null);

        private final String page;
        private final String states;
        private final String list;

        Kind(String page, String states, String list) {
            this.page = page;
            this.states = states;
            this.list = list;
        }

        /** The address of a record's page. */
        public String path(long id) {
            return page + id;
        }

        /** The bundle prefix of its states' names. */
        public String states() {
            return states;
        }

        /** The address of the kind's own list filtered by the words (before them), null when it has none. */
        public String list() {
            return list;
        }

        public String getStates() {
            return states;
        }
    }

    /** What a search found: its words and one group per kind, in {@link Kind}'s order. */
    public record Results(String words, List<SearchGroup> groups) implements Serializable {

        public Results {
            groups = List.copyOf(groups);
        }

        /** How many records were found in all (each kind counted up to its limit). */
        public long total() {
            return groups.stream().mapToLong(SearchGroup::count).sum();
        }

        public List<SearchGroup> getGroups() {
            return groups;
        }
    }

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private CallerScope callers;

    @Inject
    private ProjectScopes projectScopes;

    @Inject
    private ApplicationScopes applicationScopes;

    /**
     * The records of each kind the caller may read that the words find.
     *
     * @throws RuleViolation on field {@code q}: no words, or more than {@value #MAX_WORDS} characters
     */
    @Timed(name = "search", absolute = true, description = "Time to search every kind (the header's search box)")
    public Results find(String words) {
        String checked = words == null ? "" : words.strip();
        if (checked.isEmpty()) {
            throw new RuleViolation("q", "search.words.empty", "Type the words to search.");
        }
        if (checked.length() > MAX_WORDS) {
            throw new RuleViolation("q", "search.words.tooLong",
                    "The search words are too long (at most " + MAX_WORDS + " characters)", MAX_WORDS);
        }
        Caller caller = callers.caller();
        boolean member = caller.hasRole(Role.MEMBER_COORDINATOR) || caller.hasRole(Role.CONTRIBUTOR);
        SearchSql.Scope scope = new SearchSql.Scope(callers.seesEveryOrganisation(),
                member ? caller.organisation().orElse(null) : null, projectScopes.current(),
                applicationScopes.current());
        try (Connection connection = dataSource.getConnection()) {
            return new Results(checked, SearchSql.search(connection, checked, scope, SHOWN));
        } catch (SQLException failed) {
            throw new IllegalStateException("The search failed", failed);
        }
    }
}
