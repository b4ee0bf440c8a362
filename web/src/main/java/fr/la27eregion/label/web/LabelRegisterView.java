package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.LabelRegister;
import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.boundary.RegisterFilter;
import fr.la27eregion.label.boundary.RegisteredLabel;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Backs {@code public/labels.xhtml}, the public register of labels. The filters and the page are the address's
 * parameters (a GET form, no postback): a filtered register is an address to bookmark and share, and the page keeps
 * nothing between requests. Paged in the database ({@link LabelRegister#register}): one query for the page's rows,
 * one for the count. A malformed parameter is said beside its field, and the register is then not shown.
 */
@Named
@RequestScoped
public class LabelRegisterView {

    /** Rows per page. */
    static final int ROWS = 20;
    /** A page beyond this is a crawl, not a reader. */
    static final int MAX_PAGE = 10_000;

    @Inject
    private LabelRegister register;

    @Inject
    private Programmes programmes;

    @Inject
    private Territories territories;

    @Inject
    private Language language;

    // the view parameters, as typed in the address
    private String programme;
    private String year;
    private String region;
    private String state;
    private String page;

    private RegisterFilter filter;
    private int pageNumber = 1;
    private long total;
    private List<RegisteredLabel> rows = List.of();
    private final Map<String, String> errors = new HashMap<>();

    /** Reads the filters and the page from the address, then the page's rows and the count (f:viewAction). */
    public void load() {
        // the view action runs before f:view sets the page's language: refusals are said in it all the same
        FacesContext.getCurrentInstance().getViewRoot().setLocale(language.getLocale());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "programme", programme);
        put(parameters, "year", year);
        put(parameters, "region", region);
        put(parameters, "state", state);
        try {
            filter = RegisterFilter.parse(parameters);
        } catch (RuleViolation refused) {
            errors.put(refused.field().orElse("programme"), RuleMessages.text(refused));
            return;
        }
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Integer.parseInt(page.strip());
            } catch (NumberFormatException notANumber) {
                pageNumber = 0;
            }
            if (pageNumber < 1 || pageNumber > MAX_PAGE) {
                errors.put("page", RuleMessages.text("labels.register.badPage", MAX_PAGE));
                filter = null;
                return;
            }
        }
        total = register.count(filter);
        if (total > 0) {
            rows = register.register(filter, (long) (pageNumber - 1) * ROWS, ROWS);
        }
    }

    /** The address of a page of the same register (the same filters). */
    public String pageAddress(int number) {
        StringJoiner query = new StringJoiner("&");
        filter.parameters().forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value,
                StandardCharsets.UTF_8)));
        if (number > 1) {
            query.add("page=" + number);
        }
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/public/labels.xhtml" + (query.length() == 0 ? "" : "?" + query);
    }

    /** Whether the address could be read (no refused parameter): the register is shown. */
    public boolean isShown() {
        return filter != null;
    }

    /** The message of a refused parameter, null when it was accepted. */
    public String error(String field) {
        return errors.get(field);
    }

    public boolean isFiltered() {
        return filter != null && !filter.parameters().isEmpty();
    }

    public long getTotal() {
        return total;
    }

    public List<RegisteredLabel> getRows() {
        return rows;
    }

    public int getPageNumber() {
        return pageNumber;
    }

    public int getPages() {
        return (int) Math.max(1, (total + ROWS - 1) / ROWS);
    }

    /** The programmes, for the filter, by name in the reader's language. */
    public List<LabelProgramme> getProgrammes() {
        Locale locale = language.getLocale();
        return programmes.all().stream().sorted(Comparator.comparing(p -> p.name(locale), collator())).toList();
    }

    /** The regions of France, then the European regions, each in alphabetical order, for the filter. */
    public List<Territory> getRegions() {
        return Stream.concat(sorted(TerritoryKind.REGION).stream(), sorted(TerritoryKind.EUROPEAN_REGION).stream())
                .toList();
    }

    public LabelState[] getStates() {
        return LabelState.values();
    }

    /** A programme's name in the reader's language. */
    public String programmeName(RegisteredLabel label) {
        return label.programmeName(language.getLocale());
    }

    private List<Territory> sorted(TerritoryKind kind) {
        return territories.ofKind(kind).stream().sorted(Comparator.comparing(Territory::name, collator())).toList();
    }

    private static Collator collator() {
        return Collator.getInstance(Locale.FRENCH);
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, List.of(value));
        }
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
