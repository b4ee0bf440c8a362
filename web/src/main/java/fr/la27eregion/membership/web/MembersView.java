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
import fr.la27eregion.platform.web.PageAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.text.Collator;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backs {@code public/members.xhtml}: the organisations of the network (the public list), the map of the 18 regions
 * by the state of their regional council's membership with its table, and how many members are in each state.
 *
 * <p>The list's filters and its order are the address's parameters ({@code name}, {@code kind}, {@code region},
 * {@code state}, {@code sort}), set by a GET form and the columns' links: each view of the list is an address to
 * bookmark and share, answered like any other public page (kept by the application and proxies until the members'
 * data changes). An unknown kind, state or order is said beside its field, and the list is then not shown.
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

    /** The orders the list may be sorted in ({@code sort}), the first the default. */
    private static final List<String> ORDERS = List.of("name", "kind", "region", "state", "until");

    private List<PublicMember> members;
    private List<PublicMember> shown;
    private Map<String, RegionRow> regions;
    private final Map<String, String> errors = new HashMap<>();

    // the list's parameters, as typed in the address
    private String name;
    private String kind;
    private String region;
    private String state;
    private String sort;

    @PostConstruct
    void load() {
        members = organisations.members();
        Map<String, MembershipState> states = organisations.regionStates();
        Collator french = Collator.getInstance(Locale.FRENCH);
        regions = new LinkedHashMap<>();
        territories.ofKind(TerritoryKind.REGION).stream()
                .sorted(Comparator.comparing(Territory::name, french))
                .forEach(region -> regions.put(region.code(), new RegionRow(region.code(), region.name(),
                        region.area().orElse(TerritoryArea.METROPOLITAN), states.get(region.code()))));
    }

    /** How many organisations the list shows, its filters applied. */
    public int getCount() {
        return getShown().size();
    }

    /**
     * The organisations the list shows: the address's filters applied, in its order (by name unless asked); none when
     * a parameter was refused.
     */
    public List<PublicMember> getShown() {
        if (shown == null) {
            shown = List.of();
            OrganisationKind askedKind = known("kind", kind, List.of(OrganisationKind.values()));
            MembershipState askedState = known("state", state, LISTED);
            String order = sort == null || sort.isBlank() ? ORDERS.get(0) : sort.strip();
            if (!ORDERS.contains(order)) {
                errors.put("sort", RuleMessages.text("members.filter.badSort"));
            }
            if (errors.isEmpty()) {
                shown = members.stream()
                        .filter(member -> PageAddress.contains(member.name(), name)
                                && PageAddress.contains(member.territoryName(), region)
                                && (askedKind == null || member.kind() == askedKind)
                                && (askedState == null || member.state() == askedState))
                        .sorted(order(order)).toList();
            }
        }
        return shown;
    }

    private <E extends Enum<E>> E known(String field, String value, List<E> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E found = allowed.stream().filter(e -> e.name().equals(value.strip())).findFirst().orElse(null);
        if (found == null) {
            errors.put(field, RuleMessages.text("members.filter.bad." + field));
        }
        return found;
    }

    private static Comparator<PublicMember> order(String order) {
        Collator french = Collator.getInstance(Locale.FRENCH);
        Comparator<PublicMember> byName = Comparator.comparing(PublicMember::name, french);
        Comparator<PublicMember> first = switch (order) {
            case "kind" -> Comparator.comparing(PublicMember::kind);
            case "region" -> Comparator.comparing(m -> m.territoryName() == null ? "" : m.territoryName(), french);
            case "state" -> Comparator.comparing(m -> LISTED.indexOf(m.state()));
            case "until" -> Comparator.comparing(PublicMember::memberUntil,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            default -> byName;
        };
        return first.thenComparing(byName);
    }

    /** The message of a refused parameter ({@code kind}, {@code state}, {@code sort}), null when accepted. */
    public String error(String field) {
        getShown();
        return errors.get(field);
    }

    /** Whether the list was asked filtered or sorted otherwise than by default (a link then shows it all). */
    public boolean isFiltered() {
        return parameters(sort).values().stream().anyMatch(value -> value != null && !value.isBlank());
    }

    /** Whether the list is sorted by this column ({@code name}, {@code kind}...). */
    public boolean sortedBy(String column) {
        return column.equals(sort == null || sort.isBlank() ? ORDERS.get(0) : sort.strip());
    }

    /** The address of the same list (its filters) sorted by this column. */
    public String sortAddress(String column) {
        return PageAddress.of("/public/members.xhtml", parameters(ORDERS.get(0).equals(column) ? null : column));
    }

    private Map<String, String> parameters(String order) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", name);
        parameters.put("kind", kind);
        parameters.put("region", region);
        parameters.put("state", state);
        parameters.put("sort", order);
        return parameters;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
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

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
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
