package fr.la27eregion.referential.web;

import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryKind;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.List;

/** Backs {@code public/territories.xhtml}: the regions of today and the regions before 2016. */
@Named
@ViewScoped
public class TerritoriesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Territories territories;

    private List<RegionRow> regions;
    private List<FormerRegionRow> formerRegions;
    private List<RegionRow> filteredRegions;
    private List<FormerRegionRow> filteredFormerRegions;

    @PostConstruct
    void load() {
        // in French alphabetical order (Île-de-France among the I), whatever the database's collation
        Collator french = Collator.getInstance(Locale.FRENCH);
        regions = territories.ofKind(TerritoryKind.REGION).stream().map(RegionRow::new)
                .sorted(Comparator.comparing(RegionRow::getName, french)).toList();
        formerRegions = territories.ofKind(TerritoryKind.FORMER_REGION).stream().map(FormerRegionRow::new)
                .sorted(Comparator.comparing(FormerRegionRow::getName, french)).toList();
    }

    /** How many rows the named table shows now, filters applied. */
    public int count(String table) {
        if ("former".equals(table)) {
            return filteredFormerRegions != null ? filteredFormerRegions.size() : formerRegions.size();
        }
        return filteredRegions != null ? filteredRegions.size() : regions.size();
    }

    public List<RegionRow> getRegions() {
        return regions;
    }

    public List<FormerRegionRow> getFormerRegions() {
        return formerRegions;
    }

    public List<RegionRow> getFilteredRegions() {
        return filteredRegions;
    }

    public void setFilteredRegions(List<RegionRow> filteredRegions) {
        this.filteredRegions = filteredRegions;
    }

    public List<FormerRegionRow> getFilteredFormerRegions() {
        return filteredFormerRegions;
    }

    public void setFilteredFormerRegions(List<FormerRegionRow> filteredFormerRegions) {
        this.filteredFormerRegions = filteredFormerRegions;
    }

    /** A region of today, as the table shows it. */
    public static final class RegionRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String name;
        private final String inseeCode;
        private final String area;
        private final String nuts2;
        private final String prefecture;

        RegionRow(Territory territory) {
            code = territory.code();
            name = territory.name();
            inseeCode = territory.inseeCode();
            area = territory.area().map(Enum::name).orElse("");
            nuts2 = String.join(", ", territory.nuts2Codes());
            prefecture = territory.prefecture().orElse("");
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
    }

    /** A region before 2016, with the region of today it merged into. */
    public static final class FormerRegionRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String code;
        private final String name;
        private final String inseeCode;
        private final String nuts2;
        private final String mergedInto;

        FormerRegionRow(Territory territory) {
            code = territory.code();
            name = territory.name();
            inseeCode = territory.inseeCode();
            nuts2 = String.join(", ", territory.nuts2Codes());
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

        public String getNuts2() {
            return nuts2;
        }

        public String getMergedInto() {
            return mergedInto;
        }
    }
}
