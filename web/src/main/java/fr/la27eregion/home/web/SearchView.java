package fr.la27eregion.home.web;

import fr.la27eregion.home.boundary.Search;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The results of the intranet's search box ({@code /app/search.xhtml?q=}): one group per kind of record the caller
 * may read. The box is a plain form sent by GET, so a search is its address (bookmarked, shared, the browser's back
 * button); words refused (none, too long) are said beside the box.
 */
@Named
@RequestScoped
public class SearchView {

    @Inject
    private Search search;

    private String q;

    private Search.Results results;

    private String error;

    /** Searches the words of the address; without {@code q} the page only shows the box. */
    public void load() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("q");
        if (asked == null) {
            return;
        }
        try {
            results = search.find(asked);
        } catch (RuleViolation refused) {
            error = RuleMessages.text(refused);
        }
    }

    /** The address of a kind's own list filtered by the words, null when it has none. */
    public String list(Search.Kind kind) {
        return kind.list() == null || results == null ? null
                : kind.list() + URLEncoder.encode(results.words(), StandardCharsets.UTF_8);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Search.Results getResults() {
        return results;
    }

    public String getError() {
        return error;
    }
}
