package fr.la27eregion.project.boundary;

import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.project.control.ProjectScope;
import fr.la27eregion.project.control.ProjectScopes;
import fr.la27eregion.project.control.ProjectSearchSql;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectVisibility;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.annotation.Timed;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Finds projects of the catalogue (issue 10): PostgreSQL full text in French with accents folded (V14's
 * {@code french_unaccent} configuration and its generated {@code search_vector}), ranked (a title match first, then
 * {@code ts_rank_cd} with the title weighing most), the matched words marked in a snippet, filtered by theme,
 * territory, stage, kind, organisation and year, a page at a time, counted up to 1,000 ("more than 1,000"); and,
 * for a project, the similar projects of other organisations.
 *
 * <p>Open to everyone: the caller's {@link ProjectScope} is a predicate of every query, so a project the caller may
 * not see is never read (a draft of organisation A never reaches B, not even as a count or a similar project).
 *
 * <p>The statements are {@link ProjectSearchSql}'s (native SQL through JDBC), which the benchmark also runs straight
 * against PostgreSQL. Reads only, so no transaction is opened.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ProjectSearch {

    /** How many similar projects a page shows at most. */
    public static final int SIMILAR = 5;

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private ProjectScopes scopes;

    @PersistenceContext
    private EntityManager em;

    /** A page of results (the query's page and size) and how many there are in all. */
    @Timed(name = "projects.search", absolute = true, description = "Time to search projects (page and count)")
    public ProjectResults search(ProjectQuery query) {
        ProjectScope scope = scopes.current();
        try (Connection connection = dataSource.getConnection()) {
            return ProjectSearchSql.search(connection, query, scope);
        } catch (SQLException failed) {
            throw new IllegalStateException("The project search failed", failed);
        }
    }

    /** The rows {@code first} to {@code first + size - 1} of the results, in their stable order (for lazy tables). */
    @Timed(name = "projects.search.page", absolute = true, description = "Time to read a page of search results")
    public List<ProjectHit> page(ProjectQuery query, long first, int size) {
        ProjectScope scope = scopes.current();
        try (Connection connection = dataSource.getConnection()) {
            return ProjectSearchSql.page(connection, query, scope, first, size);
        } catch (SQLException failed) {
            throw new IllegalStateException("The project search failed", failed);
        }
    }

    /**
     * How many projects the search finds (in the caller's scope), counted up to
     * {@link ProjectSearchSql#COUNT_LIMIT} and one more: a figure past the limit means "more than the limit".
     */
    @Timed(name = "projects.search.count", absolute = true, description = "Time to count search results")
    public long count(ProjectQuery query) {
        ProjectScope scope = scopes.current();
        try (Connection connection = dataSource.getConnection()) {
            return ProjectSearchSql.count(connection, query, scope);
        } catch (SQLException failed) {
            throw new IllegalStateException("The project search failed", failed);
        }
    }

    /**
     * The projects of other organisations most like this one, in the caller's scope: those sharing the most
     * telling words of its title and summary, and its themes.
     *
     * @throws RecordNotFound when the project does not exist or is not the caller's to see
     */
    @Timed(name = "projects.similar", absolute = true, description = "Time to find similar projects")
    public List<SimilarProject> similar(long id, int limit) {
        return similar(id, limit, scopes.current());
    }

    /** The same for a public page: a public project, and public similar projects, whoever is signed in. */
    public List<SimilarProject> similarPublic(long id, int limit) {
        return similar(id, limit, ProjectScope.publicOnly());
    }

    /**
     * A public project, for its public page: {@link RecordNotFound} when it does not exist or is not public (the
     * same answer, so the page does not tell a draft from nothing).
     */
    @Timed(name = "projects.public", absolute = true, description = "Time to read a public project")
    public Project publicProject(long id) {
        List<Project> found = em.createQuery("SELECT p FROM Project p WHERE p.id = :id AND p.visibility = :visibility",
                        Project.class)
                .setParameter("id", id).setParameter("visibility", ProjectVisibility.PUBLIC)
                .getResultList();
        if (found.isEmpty()) {
            throw new RecordNotFound("No public project " + id);
        }
        Project project = found.get(0);
        // the page shows them: read while the persistence context is open
        project.themes().size();
        project.territories().size();
        project.partners().size();
        project.outsidePartners().size();
        project.links().size();
        return project;
    }

    /**
     * The slug of a public project, to check the address it was asked by ({@code /public/projets/{id}-{slug}}):
     * empty when it does not exist or is not public.
     */
    public Optional<String> publicSlug(long id) {
        List<String> slugs = em.createQuery("SELECT p.slug FROM Project p WHERE p.id = :id"
                        + " AND p.visibility = :visibility", String.class)
                .setParameter("id", id).setParameter("visibility", ProjectVisibility.PUBLIC).getResultList();
        return slugs.stream().findFirst();
    }

    private List<SimilarProject> similar(long id, int limit, ProjectScope scope) {
        try (Connection connection = dataSource.getConnection()) {
            return ProjectSearchSql.similar(connection, id, limit, scope);
        } catch (SQLException failed) {
            throw new IllegalStateException("The similar projects could not be read", failed);
        }
    }
}
