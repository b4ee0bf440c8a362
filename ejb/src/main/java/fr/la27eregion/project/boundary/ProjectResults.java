package fr.la27eregion.project.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * A page of search results and how many projects the search finds in all, counted up to a limit
 * ({@link fr.la27eregion.project.control.ProjectSearchSql#COUNT_LIMIT}): past it, {@code total} is the limit and
 * {@code more} says there are more ("more than 1,000 projects").
 */
public record ProjectResults(ProjectQuery query, List<ProjectHit> hits, long total, boolean more)
        implements Serializable {

    /** How many pages the counted results fill at the query's page size (at least one, maybe empty). */
    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }
}
