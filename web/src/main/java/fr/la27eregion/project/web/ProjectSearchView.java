package fr.la27eregion.project.web;

import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.boundary.PublicMember;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.project.boundary.ProjectHit;
import fr.la27eregion.project.boundary.ProjectQuery;
import fr.la27eregion.project.boundary.ProjectResults;
import fr.la27eregion.project.boundary.ProjectSearch;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.boundary.Themes;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import fr.la27eregion.referential.entity.Theme;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs the project search of the intranet ({@code app/projects/search.xhtml}) and of the public site
 * ({@code public/projets.xhtml}), both drawn by {@code WEB-INF/includes/project/search.xhtml}: the words and filters
 * are the page's view parameters, so a search is an address to bookmark and share; submitting the form redirects to
 * the address of the new search. The results are a lazy table: the address's page and the count in one call of
 * the boundary, then only the rows of each page shown ({@link ProjectSearch#page}). What the caller may see is the boundary's business (its scope).
 */
@Named
@RequestScoped
public class ProjectSearchView implements Serializable {

    /** Pages linked on each side of the one shown by the public pager. */
    private static final int PAGER_SPAN = 4;

    private static final long serialVersionUID = 1L;

    /** The form's id: a refused parameter's message goes beside its input ({@code search:year}). */
    static final String FORM = "search";

    @Inject
    private ProjectSearch search;

    @Inject
    private Themes themes;

    @Inject
    private Territories territories;

    @Inject
    private Organisations organisations;

    @Inject
    private Language language;

    // the view parameters, as typed in the address or the form (checked by ProjectQuery)
    private String q;
    private String theme;
    private String territory;
    private String stage;
    private String kind;
    private String organisation;
    private String year;
    private String page;
    private String size;

    private ProjectQuery query;
    private long total;
    /** Whether the search finds more than {@link #total} (the count stops at its limit). */
    private boolean more;
    /** The rows of the address's page, read with the count, until the table shows them. */
    private List<ProjectHit> firstPage;
    private LazyDataModel<ProjectHit> results;
    private Map<String, String> themeNames;

    /** Reads the search from the view parameters and counts its results (f:viewAction, also on a bad address). */
    public void load() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "q", q);
        put(parameters, "theme", theme);
        put(parameters, "territory", territory);
        put(parameters, "stage", stage);
        put(parameters, "kind", kind);
        put(parameters, "organisation", organisation);
        put(parameters, "year", year);
        put(parameters, "page", page);
        put(parameters, "size", size);
        try {
            query = ProjectQuery.parse(parameters);
            // the page the address asks for and the count in one call; the table's first load takes the page
            ProjectResults first = search.search(query);
            total = first.total();
            more = first.more();
            firstPage = first.hits();
        } catch (RuleViolation refused) {
            query = null;
            total = 0;
            more = false;
            firstPage = null;
            // the view action runs before f:view sets the page's language: the refusal is said in it all the same
            FacesContext.getCurrentInstance().getViewRoot().setLocale(language.getLocale());
            RuleMessages.show(refused, field -> FORM + ":" + field, null);
        }
        ProjectQuery searched = query;
        results = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) Math.min(Integer.MAX_VALUE, total);
            }

            @Override
            public List<ProjectHit> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                         Map<String, FilterMeta> filterBy) {
                if (searched == null || total == 0) {
                    return List.of();
                }
                if (firstPage != null && first == searched.first() && pageSize == searched.size()) {
                    List<ProjectHit> read = firstPage;
                    firstPage = null;
                    return read;
                }
                return search.page(searched, first, pageSize);
            }

            @Override
            public String getRowKey(ProjectHit hit) {
                return String.valueOf(hit.id());
            }
        };
        results.setRowCount((int) Math.min(Integer.MAX_VALUE, total));
    }

    /** Submits the form: the address of the search typed, from its first page. */
    public String submit() {
        page = null;
        return FacesContext.getCurrentInstance().getViewRoot().getViewId()
                + "?faces-redirect=true&includeViewParams=true";
    }

    /** The first row of the page the address asks for. */
    public int getFirst() {
        return query == null ? 0 : (int) Math.min(Integer.MAX_VALUE, query.first());
    }

    /** Rows per page: the address's size or the default. */
    public int getRows() {
        return query == null ? ProjectQuery.DEFAULT_SIZE : query.size();
    }

    public long getTotal() {
        return total;
    }

    public boolean isMore() {
        return more;
    }

    /** A link of the public results' pager: its page number, its address, whether it is the page shown. */
    public record PageLink(int page, String href, boolean current) implements Serializable {
    }

    /**
     * The public pager: plain links to the pages around the one shown (the public page is stateless, so its pages
     * are addresses, as cacheable as the first one); empty when all the results fit on one page.
     */
    public List<PageLink> getPageLinks() {
        if (query == null || total <= query.size()) {
            return List.of();
        }
        int last = (int) Math.min(ProjectQuery.MAX_PAGE, (total + query.size() - 1) / query.size());
        int from = Math.max(1, query.page() - PAGER_SPAN);
        int to = Math.min(last, query.page() + PAGER_SPAN);
        String path = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + FacesContext.getCurrentInstance().getViewRoot().getViewId();
        List<PageLink> links = new ArrayList<>();
        for (int number = from; number <= to; number++) {
            StringBuilder href = new StringBuilder(path);
            char separator = '?';
            for (Map.Entry<String, List<String>> parameter : query.withPage(number).parameters().entrySet()) {
                for (String value : parameter.getValue()) {
                    href.append(separator).append(parameter.getKey()).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    separator = '&';
                }
            }
            links.add(new PageLink(number, href.toString(), number == query.page()));
        }
        return links;
    }

    /** Whether the address was a search that could be run (no refused parameter). */
    public boolean isSearched() {
        return query != null;
    }

    public boolean isWithWords() {
        return query != null && query.words() != null;
    }

    /** The themes, in their order, for the filter. */
    public List<Theme> getThemes() {
        return themes.all();
    }

    /** A theme's name in the reader's language. */
    public String themeName(String code) {
        if (themeNames == null) {
            themeNames = new LinkedHashMap<>();
            themes.all().forEach(t -> themeNames.put(t.code(), t.name(language.getLocale())));
        }
        return themeNames.getOrDefault(code, code);
    }

    /** The regions of today, then the former regions, each group in French alphabetical order, for the filter. */
    public List<Territory> getRegions() {
        return sorted(TerritoryKind.REGION);
    }

    public List<Territory> getFormerRegions() {
        return sorted(TerritoryKind.FORMER_REGION);
    }

    public List<Territory> getEuropeanRegions() {
        return sorted(TerritoryKind.EUROPEAN_REGION);
    }

    /** The member organisations, for the filter (lead or partner). */
    public List<PublicMember> getOrganisations() {
        return organisations.members();
    }

    public ProjectStage[] getStages() {
        return ProjectStage.values();
    }

    public ProjectKind[] getKinds() {
        return ProjectKind.values();
    }

    /**
     * The results' table model. The bean is request scoped (the public page is stateless): on a postback of the
     * intranet's table (its paginator), the view parameters came back from the view's state, and the search is read
     * again from them, as the view action did on the first request.
     */
    public LazyDataModel<ProjectHit> getResults() {
        if (results == null) {
            load();
        }
        return results;
    }

    private List<Territory> sorted(TerritoryKind territoryKind) {
        Collator collator = Collator.getInstance(Locale.FRENCH);
        return territories.ofKind(territoryKind).stream().sorted(Comparator.comparing(Territory::name, collator))
                .toList();
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, List.of(value));
        }
    }

    // the view parameters and the form's inputs
    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }
}
