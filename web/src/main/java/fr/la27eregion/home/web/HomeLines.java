package fr.la27eregion.home.web;

import fr.la27eregion.home.boundary.WaitingWork.Home;
import fr.la27eregion.home.boundary.WaitingWork.Item;
import fr.la27eregion.home.boundary.WaitingWork.Kind;
import fr.la27eregion.home.boundary.WaitingWork.Section;
import fr.la27eregion.home.boundary.WaitingWork.Waiting;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The home as the page writes it, in the reader's language: each section, kind and item with its words ready (the
 * kind's name, the detail, due date, lateness, "see all") and its links whole. Built once per request by
 * {@link HomeView}, so that rendering reads plain properties instead of calling methods of records item by item
 * (measured by {@code ops/bench/home}: Jakarta EL finds a record's method by reflection at every call, most of the
 * page's time with its ten items of nine kinds).
 */
public final class HomeLines {

    private HomeLines() {
    }

    /** What writing the lines needs: the bundle, its locale, the application's path, how dates read. */
    record Writing(ResourceBundle bundle, Locale locale, String contextPath, Function<LocalDate, String> date,
                   Function<Instant, String> dateTime) {

        String text(String key) {
            return bundle.getString(key);
        }

        String format(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }
    }

    /** One section per role of the caller's home. */
    static List<SectionLine> of(Home home, Writing writing) {
        return home.sections().stream().map(section -> new SectionLine(section, home.today(), writing)).toList();
    }

    /** A role's section: its name, its kinds of work. */
    public static final class SectionLine {
        private final String role;
        private final String title;
        private final List<WaitingLine> waiting;

        SectionLine(Section section, LocalDate today, Writing writing) {
            this.role = section.role().name();
            this.title = writing.text("work.section." + role);
            this.waiting = section.waiting().stream().map(w -> new WaitingLine(w, today, writing)).toList();
        }

        public String getRole() {
            return role;
        }

        public String getTitle() {
            return title;
        }

        public boolean isAuditor() {
            return "AUDITOR".equals(role);
        }

        public List<WaitingLine> getWaiting() {
            return waiting;
        }
    }

    /** A kind of work in a section: its name, how many, the first items, where to see them all. */
    public static final class WaitingLine {
        private final String kind;
        private final String title;
        private final long count;
        private final List<ItemLine> items;
        private final String seeAll;
        private final String seeAllText;

        WaitingLine(Waiting waiting, LocalDate today, Writing writing) {
            Kind of = waiting.kind();
            this.kind = of.name();
            this.title = writing.text("work.Kind." + kind);
            this.count = waiting.count();
            this.items = waiting.items().stream().map(item -> new ItemLine(of, item, today, writing)).toList();
            this.seeAll = waiting.more() && of.seeAll() != null ? writing.contextPath() + of.seeAll() : null;
            this.seeAllText = writing.format("work.seeAll", count);
        }

        public String getKind() {
            return kind;
        }

        public String getTitle() {
            return title;
        }

        public long getCount() {
            return count;
        }

        public List<ItemLine> getItems() {
            return items;
        }

        /** The list page with them all (null when every one is listed here, or there is no such page). */
        public String getSeeAll() {
            return seeAll;
        }

        public String getSeeAllText() {
            return seeAllText;
        }
    }

    /** One thing waiting: its title, detail, link, due date, lateness or age, its conflict link for a review. */
    public static final class ItemLine {
        private final String title;
        private final String href;
        private final String detail;
        private final String due;
        private final String late;
        private final String since;
        private final String conflictHref;

        ItemLine(Kind kind, Item item, LocalDate today, Writing writing) {
            this.title = item.title() != null ? item.title() : writing.format("review.list.numbered", item.id());
            this.href = item.path() == null ? null : writing.contextPath() + item.path();
            this.detail = detail(kind, item, writing);
            this.due = item.dueOn() == null ? null : writing.format("work.due", writing.date().apply(item.dueOn()));
            long daysLate = item.daysLate(today);
            this.late = daysLate > 0 ? writing.format("work.late", daysLate) : null;
            this.since = item.dueOn() == null && item.since() != null
                    ? writing.format("work.since", writing.dateTime().apply(item.since())) : null;
            this.conflictHref = kind == Kind.ASSIGNMENTS && href != null ? href + "#recuse-heading" : null;
        }

        /** The detail as the reader reads it (see {@link Kind#detailPrefix()}). */
        private static String detail(Kind kind, Item item, Writing writing) {
            String how = kind.detailPrefix();
            if (item.detail() == null || how == null) {
                return item.detail();
            }
            return how.endsWith(".") ? writing.text(how + item.detail())
                    : writing.format(how, Long.valueOf(item.detail()));
        }

        public String getTitle() {
            return title;
        }

        /** Where it is done (null: nowhere on the intranet). */
        public String getHref() {
            return href;
        }

        public String getDetail() {
            return detail;
        }

        public String getDue() {
            return due;
        }

        public String getLate() {
            return late;
        }

        public String getSince() {
            return since;
        }

        /** The assignment's conflict declaration (null for other kinds). */
        public String getConflictHref() {
            return conflictHref;
        }
    }
}
