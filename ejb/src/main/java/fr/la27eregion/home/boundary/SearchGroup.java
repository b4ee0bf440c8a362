package fr.la27eregion.home.boundary;

import java.io.Serializable;
import java.util.List;

/**
 * The records of one kind a search found in the caller's scope: how many (counted up to
 * {@link fr.la27eregion.home.control.SearchSql#COUNT_LIMIT}, {@code more} past it) and the best
 * {@link Search#SHOWN} of them.
 */
public record SearchGroup(Search.Kind kind, long count, boolean more, List<SearchHit> hits) implements Serializable {

    public SearchGroup {
        hits = List.copyOf(hits);
    }

    // JavaBeans getters for Facelets expressions
    public Search.Kind getKind() {
        return kind;
    }

    public long getCount() {
        return count;
    }

    public boolean isMore() {
        return more;
    }

    public List<SearchHit> getHits() {
        return hits;
    }
}
