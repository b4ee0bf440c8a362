package fr.la27eregion.referential.web;

import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import fr.la27eregion.platform.web.PageAddress;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Backs {@code public/territories.xhtml}: the regions of today and the regions before 2016.
 *
 * <p>Each table's filters and order are the address's parameters (regions: {@code name}, {@code insee}, {@code area},
 * {@code prefecture}, {@code sort}; former regions: {@code formerName}, {@code mergedInto}, {@code formerSort}), set
 * by a GET form and the columns' links, so that each view of the page is an address cached like the other public
 * pages. An unknown location or order is said beside its field, and that table is then empty.
 */
@Named
@RequestScoped
public class TerritoriesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Territories territories;

    private List<TerritoryRow> regions;
    private List<TerritoryRow> formerRegions;
    private List<TerritoryRow> shownRegions;
    private List<TerritoryRow> shownFormerRegions;
    private final Map<String, String> errors = new HashMap<>();

    // the tables' parameters, as typed in the address
    private String name;
    private String insee;
    private String area;
    private String prefecture;
    private String sort;
    private String formerName;
    private String mergedInto;
    private String formerSort;

    /** The columns each table may be sorted by, and what each sorts on (by name unless asked). */
    private static final Map<String, Function<TerritoryRow, String>> REGION_ORDERS = Map.of(
            "name", TerritoryRow::getName, "insee", TerritoryRow::getInseeCode, "area", TerritoryRow::getArea,
            "nuts2", TerritoryRow::getNuts2, "prefecture", TerritoryRow::getPrefecture);
    private static final Map<String, Function<TerritoryRow, String>> FORMER_ORDERS = Map.of(
            "name", TerritoryRow::getName, "insee", TerritoryRow::getInseeCode, "nuts2", TerritoryRow::getNuts2,
            "mergedInto", TerritoryRow::getMergedInto);

    @PostConstruct
    void load() {
        // in French alphabetical order (Île-de-France among the I), whatever the database's collation
        Collator french = Collator.getInstance(Locale.FRENCH);
        regions = rows(TerritoryKind.REGION, french);
        formerRegions = rows(TerritoryKind.FORMER_REGION, french);
    }

    private List<TerritoryRow> rows(TerritoryKind kind, Collator order) {
        return territories.ofKind(kind).stream().map(TerritoryRow::new)
                .sorted(Comparator.comparing(TerritoryRow::getName, order)).toList();
    }

    /** How many rows the named table shows, filters applied. */
    public int count(String table) {
        return "former".equals(table) ? getFormerRegions().size() : getRegions().size();
    }

    /** Today's regions the table shows: filtered, in the asked order (by name unless asked). */
    public List<TerritoryRow> getRegions() {
        if (shownRegions == null) {
            shownRegions = List.of();
            if (area != null && !area.isBlank() && !List.of("METROPOLITAN", "OVERSEAS").contains(area.strip())) {
                errors.put("area", RuleMessages.text("territories.filter.bad.area"));
            }
            Comparator<TerritoryRow> order = order("sort", sort, REGION_ORDERS);
            if (errors.get("area") == null && order != null) {
                shownRegions = regions.stream().filter(row -> PageAddress.contains(row.getName(), name)
                        && startsWith(row.getInseeCode(), insee)
                        && (area == null || area.isBlank() || area.strip().equals(row.getArea()))
                        && PageAddress.contains(row.getPrefecture(), prefecture)).sorted(order).toList();
            }
        }
        return shownRegions;
    }

    /** The regions before 2016 the table shows: filtered, in the asked order. */
    public List<TerritoryRow> getFormerRegions() {
        if (shownFormerRegions == null) {
            shownFormerRegions = List.of();
            Comparator<TerritoryRow> order = order("formerSort", formerSort, FORMER_ORDERS);
            if (order != null) {
                shownFormerRegions = formerRegions.stream()
                        .filter(row -> PageAddress.contains(row.getName(), formerName)
                                && PageAddress.contains(row.getMergedInto(), mergedInto))
                        .sorted(order).toList();
            }
        }
        return shownFormerRegions;
    }

    private static boolean startsWith(String value, String filter) {
        return filter == null || filter.isBlank() || value.startsWith(filter.strip());
    }

    private Comparator<TerritoryRow> order(String field, String asked,
                                           Map<String, Function<TerritoryRow, String>> orders) {
        String column = asked == null || asked.isBlank() ? "name" : asked.strip();
        Function<TerritoryRow, String> key = orders.get(column);
        if (key == null) {
            errors.put(field, RuleMessages.text("territories.filter.badSort"));
            return null;
        }
        Collator french = Collator.getInstance(Locale.FRENCH);
        // the rows come in French alphabetical order: a stable sort keeps it among equal keys
        return Comparator.comparing(key, french);
    }

    /** The message of a refused parameter ({@code area}, {@code sort}, {@code formerSort}), null when accepted. */
    public String error(String field) {
        getRegions();
        getFormerRegions();
        return errors.get(field);
    }

    /** Whether the named table ({@code regions} or {@code former}) is sorted by this column. */
    public boolean sortedBy(String table, String column) {
        String asked = "former".equals(table) ? formerSort : sort;
        return column.equals(asked == null || asked.isBlank() ? "name" : asked.strip());
    }

    /** The address of this page, the other table as it is, the named table sorted by this column. */
    public String sortAddress(String table, String column) {
        String order = "name".equals(column) ? null : column;
        return PageAddress.of("/public/territories.xhtml",
                parameters("former".equals(table) ? sort : order, "former".equals(table) ? order : formerSort));
    }

    /** Whether either table is filtered or sorted otherwise than by default (a link then shows both whole). */
    public boolean isFiltered() {
        return parameters(sort, formerSort).values().stream().anyMatch(value -> value != null && !value.isBlank());
    }

    private Map<String, String> parameters(String regionsOrder, String formerOrder) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", name);
        parameters.put("insee", insee);
        parameters.put("area", area);
        parameters.put("prefecture", prefecture);
        parameters.put("sort", regionsOrder);
        parameters.put("formerName", formerName);
        parameters.put("mergedInto", mergedInto);
        parameters.put("formerSort", formerOrder);
        return parameters;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInsee() {
        return insee;
    }

    public void setInsee(String insee) {
        this.insee = insee;
    }

    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public void setPrefecture(String prefecture) {
        this.prefecture = prefecture;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getFormerName() {
        return formerName;
    }

    public void setFormerName(String formerName) {
        this.formerName = formerName;
    }

    public String getMergedInto() {
        return mergedInto;
    }

    public void setMergedInto(String mergedInto) {
        this.mergedInto = mergedInto;
    }

    public String getFormerSort() {
        return formerSort;
    }

    public void setFormerSort(String formerSort) {
        this.formerSort = formerSort;
    }

    /** A territory as the tables show it: a region of today, or one before 2016 with the region it merged into. */
    public static final class TerritoryRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String name;
        private final String inseeCode;
        private final String area;
        private final String nuts2;
        private final String prefecture;
        private final String mergedInto;

        TerritoryRow(Territory territory) {
            code = territory.code();
            name = territory.name();
            inseeCode = territory.inseeCode();
            area = territory.area().map(Enum::name).orElse("");
            nuts2 = String.join(", ", territory.nuts2Codes());
            prefecture = territory.prefecture().orElse("");
            mergedInto = territory.mergedInto().map(Territory::name).orElse("");
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getInseeCode() {
            return inseeCode;
        }

        public String getArea() {
            return area;
        }

        public String getNuts2() {
            return nuts2;
        }

        public String getPrefecture() {
            return prefecture;
        }

        public String getMergedInto() {
            return mergedInto;
        }
    }
}
