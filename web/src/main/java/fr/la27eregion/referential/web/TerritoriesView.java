package fr.la27eregion.referential.web;

import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import fr.la27eregion.platform.cache.PublicResponses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;

/** Backs {@code public/territories.xhtml}: the regions of today and the regions before 2016. */
@Named
@RequestScoped
public class TerritoriesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Territories territories;

    private List<TerritoryRow> regions;
    private List<TerritoryRow> formerRegions;
    private List<TerritoryRow> filteredRegions;
    private List<TerritoryRow> filteredFormerRegions;

    @PostConstruct
    void load() {
        // the tables filter by ajax postbacks, which a copy of the page (the application's or the browser's) does not
        // answer: rendered for each reader, cached nowhere
        PublicResponses.doNotKeep(jakarta.faces.context.FacesContext.getCurrentInstance());
        // in French alphabetical order (Île-de-France among the I), whatever the database's collation
        Collator french = Collator.getInstance(Locale.FRENCH);
        regions = rows(TerritoryKind.REGION, french);
        formerRegions = rows(TerritoryKind.FORMER_REGION, french);
    }

    private List<TerritoryRow> rows(TerritoryKind kind, Collator order) {
        return territories.ofKind(kind).stream().map(TerritoryRow::new)
                .sorted(Comparator.comparing(TerritoryRow::getName, order)).toList();
    }

    /** How many rows the named table shows now, filters applied. */
    public int count(String table) {
        if ("former".equals(table)) {
            return filteredFormerRegions != null ? filteredFormerRegions.size() : formerRegions.size();
        }
        return filteredRegions != null ? filteredRegions.size() : regions.size();
    }

    public List<TerritoryRow> getRegions() {
        return regions;
    }

    public List<TerritoryRow> getFormerRegions() {
        return formerRegions;
    }

    public List<TerritoryRow> getFilteredRegions() {
        return filteredRegions;
    }

    public void setFilteredRegions(List<TerritoryRow> filteredRegions) {
        this.filteredRegions = filteredRegions;
    }

    public List<TerritoryRow> getFilteredFormerRegions() {
        return filteredFormerRegions;
    }

    public void setFilteredFormerRegions(List<TerritoryRow> filteredFormerRegions) {
        this.filteredFormerRegions = filteredFormerRegions;
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
