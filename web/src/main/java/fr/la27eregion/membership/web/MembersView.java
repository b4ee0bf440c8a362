package fr.la27eregion.membership.web;

import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.boundary.PublicMember;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.referential.boundary.Territories;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.TerritoryArea;
import fr.la27eregion.referential.entity.TerritoryKind;
import fr.la27eregion.platform.cache.PublicResponses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backs {@code public/members.xhtml}: the organisations of the network (the public list, filtered and sorted in the
 * page), the map of the 18 regions by the state of their regional council's membership with its table, and how many
 * members are in each state.
 */
@Named
@RequestScoped
public class MembersView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The states the public members list shows, in the order the counts are given. */
    private static final List<MembershipState> LISTED = List.of(MembershipState.ACTIVE, MembershipState.APPROVED,
            MembershipState.SUSPENDED, MembershipState.LAPSED);

    /** A region's name longer than this is drawn on two lines on the map. */
    private static final int ONE_LINE = 16;

    @Inject
    private Organisations organisations;

    @Inject
    private Territories territories;

    private List<PublicMember> members;
    private List<PublicMember> filteredMembers;
    private Map<String, RegionRow> regions;

    @PostConstruct
    void load() {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null
                && "/public/members.xhtml".equals(faces.getViewRoot().getViewId())) {
            // the members' table filters by ajax postbacks, which a copy of the page (the application's or the
            // browser's) does not answer: rendered for each reader; the home page's map, also from here, is kept
            PublicResponses.doNotKeep(faces);
        }
        members = organisations.members();
        Map<String, MembershipState> states = organisations.regionStates();
        Collator french = Collator.getInstance(Locale.FRENCH);
        regions = new LinkedHashMap<>();
        territories.ofKind(TerritoryKind.REGION).stream()
                .sorted(Comparator.comparing(Territory::name, french))
                .forEach(region -> regions.put(region.code(), new RegionRow(region.code(), region.name(),
                        region.area().orElse(TerritoryArea.METROPOLITAN), states.get(region.code()))));
    }

    /** How many organisations the list shows now, its filters applied. */
    public int getCount() {
        return filteredMembers != null ? filteredMembers.size() : members.size();
    }

    /** The region of this code ({@code FR-53}), for the map. */
    public RegionRow region(String code) {
        RegionRow region = regions.get(code);
        if (region == null) {
            throw new IllegalArgumentException("The map draws a region the referential does not have: " + code);
        }
        return region;
    }

    /** The 18 regions in French alphabetical order, for the table that goes with the map. */
    public List<RegionRow> getRegions() {
        return List.copyOf(regions.values());
    }

    /** How many regions the map shows in each of its styles, in the legend's order. */
    public List<Tally> getLegend() {
        return Stream.of(MapStyle.values()).map(style -> new Tally(style.name(),
                regions.values().stream().filter(region -> region.style() == style).count(), 0)).toList();
    }

    /** How many organisations of the list are in each state, with each count's share of the largest (for bars). */
    public List<Tally> getStateCounts() {
        Map<MembershipState, Long> counts = new EnumMap<>(MembershipState.class);
        LISTED.forEach(state -> counts.put(state, 0L));
        members.forEach(member -> counts.merge(member.state(), 1L, Long::sum));
        long largest = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        return LISTED.stream().map(state -> new Tally(state.name(), counts.get(state),
                (int) Math.round(100.0 * counts.get(state) / largest))).toList();
    }

    /** A line of the legend: the style, what it means, how many regions have it. */
    public String legendText(Tally entry) {
        return RuleMessages.text("members.map.legendEntry",
                RuleMessages.label("members.map.style." + entry.key()), entry.count());
    }

    /** The text of a region's link on the map: its name and where its council's membership stands. */
    public String mapLabel(RegionRow region) {
        return RuleMessages.text("members.map.regionLabel", region.name(),
                RuleMessages.label("members.state." + region.getStateKey()));
    }

    /** Whether a website may be linked to as it is (the boundary checks addresses; the page is careful anyway). */
    public boolean linkable(String website) {
        String lower = website == null ? "" : website.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** A website as the list shows it: without its scheme and trailing slash. */
    public String shortWebsite(String website) {
        return website == null ? "" : website.replaceFirst("(?i)^https?://", "").replaceFirst("/$", "");
    }

    /** The kinds of organisation, for the list's filter. */
    public OrganisationKind[] getKinds() {
        return OrganisationKind.values();
    }

    /** The states the list may show, for its filter. */
    public List<MembershipState> getListedStates() {
        return LISTED;
    }

    public List<PublicMember> getMembers() {
        return members;
    }

    public List<PublicMember> getFilteredMembers() {
        return filteredMembers;
    }

    public void setFilteredMembers(List<PublicMember> filteredMembers) {
        this.filteredMembers = filteredMembers;
    }

    /**
     * How the map draws a region, grouping the states a citizen need not tell apart at a glance (the applications in
     * progress); each has its colour and its pattern, so colour is not the only cue.
     */
    public enum MapStyle {
        ACTIVE, PENDING, SUSPENDED, LAPSED, NONE;

        static MapStyle of(MembershipState state) {
            if (state == null) {
                return NONE;
            }
            return switch (state) {
                case ACTIVE -> ACTIVE;
                case APPLIED, UNDER_REVIEW, APPROVED -> PENDING;
                case SUSPENDED -> SUSPENDED;
                case LAPSED -> LAPSED;
                case REJECTED, WITHDRAWN, TERMINATED -> NONE;
            };
        }
    }

    /** A region of France on the map and in its table. */
    public record RegionRow(String code, String name, TerritoryArea area, MembershipState state)
            implements Serializable {

        public MapStyle style() {
            return MapStyle.of(state);
        }

        // JavaBeans getters for Facelets expressions
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public TerritoryArea getArea() {
            return area;
        }

        /** The state's name, {@code NONE} when the region's council is not a member. */
        public String getStateKey() {
            return state == null ? "NONE" : state.name();
        }

        /** The map's fill of the region: its pattern among the map's definitions. */
        public String getFillUrl() {
            return "url(#map-fill-" + style().name().toLowerCase(Locale.ROOT) + ")";
        }

        /** The region's name on the map, on two lines when long: cut after the hyphen that best balances them. */
        public List<String> getLabelLines() {
            int cut = -1;
            for (int hyphen = name.indexOf('-'); hyphen >= 0; hyphen = name.indexOf('-', hyphen + 1)) {
                if (cut < 0 || Math.max(hyphen + 1, name.length() - hyphen - 1)
                        < Math.max(cut, name.length() - cut)) {
                    cut = hyphen + 1;
                }
            }
            return name.length() <= ONE_LINE || cut < 0 ? List.of(name)
                    : List.of(name.substring(0, cut), name.substring(cut));
        }
    }

    /** A count of the page: what is counted (a state or a map style), how many, and its bar's length in percent. */
    public record Tally(String key, long count, int percent) implements Serializable {

        public String getKey() {
            return key;
        }

        public long getCount() {
            return count;
        }

        public int getPercent() {
            return percent;
        }
    }
}
