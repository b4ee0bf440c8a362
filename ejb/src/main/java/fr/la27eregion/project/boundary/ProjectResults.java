package fr.la27eregion.project.boundary;

import java.io.Serializable;
import java.util.List;

/** A page of search results and how many projects the search finds in all. */
public record ProjectResults(ProjectQuery query, List<ProjectHit> hits, long total) implements Serializable {

    /** How many pages the results fill at the query's page size (at least one, maybe empty). */
    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }
}
