package fr.la27eregion.home.boundary;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.label.control.LabelSettings;
import fr.la27eregion.membership.control.MembershipSettings;
import fr.la27eregion.notification.entity.OutgoingMail;
import fr.la27eregion.platform.database.SqlValues;
import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What waits for the caller, by role: the intranet's home and the menu's badges. Each kind of waiting work is one
 * row of {@link Kind}: who it is for, which SQL finds it (its {@code FROM ... WHERE}, scoped by the caller's
 * organisation or account), how its items read and where each is done. A count is {@code count(*)} over that
 * clause (an index each, V22 and V26), all of a caller's counts in one statement; a list is its first
 * {@value #SHOWN} rows. Nothing is loaded to be counted or filtered.
 *
 * <p>The query parameters every clause may use: {@code ?1} the caller's organisation (coordinator, contributor),
 * {@code ?7} their account (reviewer, jury), {@code ?2} today (Europe/Paris), {@code ?3} now, {@code ?4} today plus the membership
 * reminder days, {@code ?5} now plus the campaign closing reminder days, {@code ?6} today plus the label renewal
 * reminder days.
 */
@Stateless
@RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME, Role.REVIEWER_NAME,
        Role.JURY_NAME, Role.AUDITOR_NAME})
public class WaitingWork {

    /** At most this many items of each kind listed; the count says how many there are, "see all" the rest. */
    public static final int SHOWN = 10;

    /** Unsent mail after this many attempts has failed for good: its retries have reached their ceiling. */
    public static final int MAIL_FAILED_ATTEMPTS = OutgoingMail.FAILED_FOR_GOOD;

    /** The joins of a kind's clause that only bring what an item shows, left out of its count. */
    private static final Pattern DISPLAY_ONLY = Pattern.compile("\\{[^}]*}");

    /** The menu entry whose badge counts a kind. */
    public enum MenuEntry {
        DESK, LABEL_DESK, LABELS, REVIEWS, JURIES, NONE
    }

    private static final String OPEN_APPLICATION = "a.state IN ('SUBMITTED', 'IN_REVIEW')";
    private static final String DECIDED = "('WITHDRAWN', 'AWARDED', 'REJECTED', 'INELIGIBLE')";
    private static final String MEMBERSHIP_ITEM = "m.id, o.id, o.name, m.state, m.period_end, NULL";
    private static final String MEMBERSHIP_FROM = " FROM membership m{ JOIN organisation o ON o.id = m.organisation_id}";
    private static final String RENEWAL = "((m.state = 'ACTIVE' AND m.period_end <= ?4) OR m.state = 'LAPSED')";
    private static final String APPLICATION_ITEM = "a.id, a.id, p.title, o.name";
    private static final String APPLICATION_JOINS = " JOIN project p ON p.id = a.project_id"
            + " JOIN organisation o ON o.id = a.organisation_id";
    private static final String APPLICATION_FROM = " FROM label_application a{" + APPLICATION_JOINS + "}";
    /** Who spoke last in each application's conversation (V22 keeps it as each message is written). */
    private static final String CONVERSATION = " FROM application_conversation m";
    private static final String ON_APPLICATION = " JOIN label_application a ON a.id = m.application_id";
    private static final String CAMPAIGN_FROM = " FROM campaign c WHERE c.opens_at <= ?3 AND c.closes_at > ?3";
    private static final String DRAFTS = " FROM label_application a{" + APPLICATION_JOINS
            + " JOIN campaign c ON c.id = a.campaign_id} WHERE a.organisation_id = ?1 AND a.state = 'DRAFT'";

    /**
     * The kinds of waiting work, in the order a home shows them. Each: the roles it is for, whether it asks
     * something of them (counted in the badges) and under which menu entry, where "see all" leads, where an item is
     * done (the path before its link id), the bundle prefix of its detail (null: the detail is shown as it is), the
     * columns of an item (id, link id, title, detail, due date, since), its {@code FROM ... WHERE} and its order.
     * In the {@code FROM}, the joins between braces only bring what an item shows (a title, a name): a count leaves
     * them out, so it reads the table that decides and its index alone.
     */
    public enum Kind {
        // the secretariat
        MEMBERSHIPS_TO_DECIDE(Set.of(Role.NETWORK_ADMIN), MenuEntry.DESK, "/app/membership/desk.xhtml",
                "/app/membership/organisation.xhtml?id=", "membership.MembershipState.",
                "m.id, o.id, o.name, m.state, NULL, m.changed_at",
                MEMBERSHIP_FROM + " WHERE m.state IN ('APPLIED', 'UNDER_REVIEW', 'APPROVED')",
                "m.changed_at, m.id"),
        RENEWALS_DUE(Set.of(Role.NETWORK_ADMIN), MenuEntry.DESK, "/app/membership/desk.xhtml",
                "/app/membership/organisation.xhtml?id=", "membership.MembershipState.",
                MEMBERSHIP_ITEM, MEMBERSHIP_FROM + " WHERE " + RENEWAL,
                "m.period_end, m.id"),
        APPLICATIONS_SUBMITTED(Set.of(Role.NETWORK_ADMIN), MenuEntry.LABEL_DESK, "/app/labels/index.xhtml",
                "/app/labels/application.xhtml?id=", null, APPLICATION_ITEM + ", NULL, a.submitted_at",
                // the application's count of reviewers is kept by the database (V26), each clause has its index
                APPLICATION_FROM + " WHERE a.state = 'SUBMITTED' AND a.reviewers_active = 0",
                "a.submitted_at, a.id"),
        REVIEWERS_MISSING(Set.of(Role.NETWORK_ADMIN), MenuEntry.LABEL_DESK, "/app/labels/campaigns.xhtml",
                "/app/labels/application.xhtml?id=", null, APPLICATION_ITEM + ", NULL, a.submitted_at",
                // an application stays submitted until its last reviewer is assigned (then it is in review)
                APPLICATION_FROM + " WHERE a.state = 'SUBMITTED' AND a.reviewers_active > 0"
                        + " AND a.reviewers_recused = 0",
                "a.submitted_at, a.id"),
        RECUSALS_TO_REPLACE(Set.of(Role.NETWORK_ADMIN), MenuEntry.LABEL_DESK, "/app/labels/campaigns.xhtml",
                "/app/labels/application.xhtml?id=", null, APPLICATION_ITEM + ", NULL, a.changed_at",
                // the open applications with a recusal (their own index), fewer reviewers than their programme needs
                APPLICATION_FROM + " JOIN campaign c ON c.id = a.campaign_id JOIN label_programme g"
                        + " ON g.id = c.programme_id WHERE " + OPEN_APPLICATION + " AND a.reviewers_recused > 0"
                        + " AND a.reviewers_active < g.reviewers_per_application",
                "a.changed_at, a.id"),
        ASSESSMENTS_OVERDUE(Set.of(Role.NETWORK_ADMIN), MenuEntry.LABEL_DESK, "/app/labels/campaigns.xhtml",
                "/app/labels/application.xhtml?id=", null, "s.id, a.id, p.title, v.display_name, s.due_on, NULL",
                " FROM assessment s{ JOIN label_application a ON a.id = s.application_id"
                        + " JOIN project p ON p.id = a.project_id JOIN account v ON v.id = s.reviewer_account_id}"
                        + " WHERE s.state = 'ASSIGNED' AND s.due_on < ?2",
                // the order of its index (V21), read no further than the items shown
                "s.due_on"),
        CAMPAIGNS_CLOSING(Set.of(Role.NETWORK_ADMIN), MenuEntry.NONE, "/app/labels/campaigns.xhtml",
                "/app/labels/campaign.xhtml?id=", null, "c.id, c.id, c.title_fr, c.code, c.closes_at, NULL",
                CAMPAIGN_FROM + " AND c.closes_at <= ?5", "c.closes_at, c.id"),
        MESSAGES_UNANSWERED(Set.of(Role.NETWORK_ADMIN), MenuEntry.LABEL_DESK, "/app/labels/index.xhtml",
                "/app/labels/application.xhtml?id=", null, APPLICATION_ITEM + ", NULL, m.last_sent_at",
                // an applicant's message waits for an answer whatever the state of the application
                CONVERSATION + "{" + ON_APPLICATION + APPLICATION_JOINS + "} WHERE m.last_side = 'APPLICANT'",
                "m.last_sent_at, m.application_id"),
        MAIL_FAILED(Set.of(Role.NETWORK_ADMIN), MenuEntry.NONE, null, null, null,
                "m.id, m.id, m.subject, m.recipient, NULL, m.created_at",
                " FROM outgoing_mail m WHERE m.sent_at IS NULL AND m.attempts >= " + MAIL_FAILED_ATTEMPTS,
                "m.created_at, m.id"),
        // the coordinator (and, for their organisation's drafts and projects, the contributor)
        OWN_MEMBERSHIP(Set.of(Role.MEMBER_COORDINATOR), null, null,
                "/app/membership/organisation.xhtml?id=", "membership.MembershipState.",
                MEMBERSHIP_ITEM, MEMBERSHIP_FROM + " WHERE m.organisation_id = ?1"
                        + " AND m.state NOT IN ('REJECTED', 'WITHDRAWN', 'TERMINATED')",
                "m.id"),
        RENEWAL_DUE(Set.of(Role.MEMBER_COORDINATOR), MenuEntry.NONE, null,
                "/app/membership/organisation.xhtml?id=", "membership.MembershipState.",
                MEMBERSHIP_ITEM, MEMBERSHIP_FROM + " WHERE m.organisation_id = ?1 AND " + RENEWAL,
                "m.id"),
        CHANGES_REQUESTED(Set.of(Role.MEMBER_COORDINATOR), MenuEntry.LABELS, "/app/labels/index.xhtml",
                "/app/labels/application.xhtml?id=", null, APPLICATION_ITEM + ", c.closes_at, a.changed_at",
                APPLICATION_FROM + "{ JOIN campaign c ON c.id = a.campaign_id}"
                        + " WHERE a.organisation_id = ?1 AND a.state = 'CHANGES_REQUESTED'",
                "a.changed_at, a.id"),
        MESSAGES_TO_ANSWER(Set.of(Role.MEMBER_COORDINATOR), MenuEntry.LABELS, "/app/labels/index.xhtml",
                "/app/labels/application.xhtml?id=", null, APPLICATION_ITEM + ", NULL, m.last_sent_at",
                CONVERSATION + ON_APPLICATION + "{" + APPLICATION_JOINS + "} WHERE m.last_side = 'SECRETARIAT'"
                        + " AND a.organisation_id = ?1 AND a.state NOT IN " + DECIDED,
                "m.last_sent_at, m.application_id"),
        DRAFTS_TO_SUBMIT(Set.of(Role.MEMBER_COORDINATOR, Role.CONTRIBUTOR), MenuEntry.LABELS,
                "/app/labels/index.xhtml", "/app/labels/application.xhtml?id=", null,
                APPLICATION_ITEM + ", c.closes_at, a.updated_at", DRAFTS, "c.closes_at, a.id"),
        OPEN_CAMPAIGNS(Set.of(Role.MEMBER_COORDINATOR), null, "/public/campagnes.xhtml",
                "/app/labels/new.xhtml", null, "c.id, c.id, c.title_fr, c.code, c.closes_at, NULL",
                CAMPAIGN_FROM, "c.closes_at, c.id"),
        LABELS_EXPIRING(Set.of(Role.MEMBER_COORDINATOR), MenuEntry.LABELS, "/app/labels/labels.xhtml",
                "/app/labels/label.xhtml?id=", null, "l.id, l.id, p.title, l.certificate_number, l.valid_until, NULL",
                " FROM label l{ JOIN project p ON p.id = l.project_id} WHERE l.organisation_id = ?1"
                        + " AND l.state = 'ACTIVE' AND l.valid_until <= ?6",
                "l.valid_until, l.id"),
        PROJECTS(Set.of(Role.CONTRIBUTOR), null, "/app/projects/index.xhtml", "/app/projects/project.xhtml?id=",
                "project.ProjectVisibility.", "p.id, p.id, p.title, p.visibility, NULL, p.updated_at",
                " FROM project p WHERE p.lead_organisation_id = ?1", "p.updated_at DESC, p.id DESC"),
        // the reviewer
        ASSIGNMENTS(Set.of(Role.REVIEWER), MenuEntry.REVIEWS, "/app/labels/reviews.xhtml",
                "/app/labels/review.xhtml?id=", null,
                "a.id, a.id, CASE WHEN g.blind THEN NULL ELSE p.title END, c.code, s.due_on, s.assigned_at",
                " FROM assessment s{ JOIN label_application a ON a.id = s.application_id"
                        + " JOIN project p ON p.id = a.project_id JOIN campaign c ON c.id = a.campaign_id"
                        + " JOIN label_programme g ON g.id = c.programme_id}"
                        + " WHERE s.reviewer_account_id = ?7 AND s.state = 'ASSIGNED'",
                "s.due_on NULLS LAST, s.id"),
        // the jury
        CAMPAIGNS_TO_DECIDE(Set.of(Role.JURY), MenuEntry.JURIES, "/app/labels/juries.xhtml",
                "/app/labels/jury.xhtml?campaign=", "work.detail.reviewed",
                "c.id, c.id, c.title_fr, (SELECT count(*) FROM label_application a WHERE a.campaign_id = c.id"
                        + " AND a.state = 'REVIEWED'), c.jury_on, NULL",
                " FROM campaign c WHERE c.jury_chair_account_id = ?7 AND EXISTS (SELECT 1 FROM label_application"
                        + " a WHERE a.campaign_id = c.id AND a.state = 'REVIEWED')",
                "c.jury_on NULLS LAST, c.id");

        private final Set<Role> roles;
        private final MenuEntry menu;
        private final String seeAll;
        private final String itemPath;
        private final String detailPrefix;
        private final String columns;
        private final String from;
        private final String order;

        Kind(Set<Role> roles, MenuEntry menu, String seeAll, String itemPath, String detailPrefix, String columns,
             String from, String order) {
            this.roles = roles;
            this.menu = menu;
            this.seeAll = seeAll;
            this.itemPath = itemPath;
            this.detailPrefix = detailPrefix;
            this.columns = columns;
            this.from = from;
            this.order = order;
        }

        /** Whether it asks something of the caller (counted in the badges); otherwise it informs. */
        public boolean action() {
            return menu != null;
        }

        /** The menu entry whose badge counts it ({@link MenuEntry#NONE}: only the home's). */
        public MenuEntry menu() {
            return menu == null ? MenuEntry.NONE : menu;
        }

        /** The list page that shows them all, if there is one (path within the application). */
        public String seeAll() {
            return seeAll;
        }

        /**
         * How an item's detail reads: null, as it is (a name); ending with a dot, the prefix of a bundle key (a
         * state); otherwise the bundle key of a pattern of the detail (a number).
         */
        public String detailPrefix() {
            return detailPrefix;
        }

        public boolean isFor(Role role) {
            return roles.contains(role);
        }

        /** The clause to count with: without the joins that only bring what an item shows. */
        String counted() {
            return DISPLAY_ONLY.matcher(from).replaceAll("");
        }

        /** The clause to list with: every join. */
        String listed() {
            return from.replace("{", "").replace("}", "");
        }

        String path(long linkId) {
            return itemPath == null || !itemPath.endsWith("=") ? itemPath : itemPath + linkId;
        }
    }

    /**
     * One thing waiting: its title (null for a blind review: the page numbers it), a detail (a state, an
     * organisation, a reviewer, a campaign code), where it is done (null: nowhere on the intranet), by when, since
     * when.
     */
    public record Item(long id, String title, String detail, String path, LocalDate dueOn, Instant since)
            implements Serializable {

        /** How many days it is late on {@code today} (0 when not due yet or without a due date). */
        public long daysLate(LocalDate today) {
            return dueOn == null || !dueOn.isBefore(today) ? 0 : ChronoUnit.DAYS.between(dueOn, today);
        }
    }

    /** A kind of work with how many there are and the first of them. */
    public record Waiting(Kind kind, long count, List<Item> items) implements Serializable {

        /** Whether there are more than the items listed. */
        public boolean more() {
            return count > items.size();
        }
    }

    /** A role's section of the home: its kinds of work, with what waits. */
    public record Section(Role role, List<Waiting> waiting) implements Serializable {

        public long actions() {
            return waiting.stream().filter(w -> w.kind().action()).mapToLong(Waiting::count).sum();
        }
    }

    /** The caller's home: the day it was read for and one section per role (in the order of {@link Role}). */
    public record Home(LocalDate today, List<Section> sections) implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerScope callers;

    @Inject
    private Clock clock;

    @Inject
    private MembershipSettings membershipSettings;

    @Inject
    private LabelSettings labelSettings;

    /**
     * The caller's home: for each of their roles that has waiting work, each kind with its count and first
     * {@value #SHOWN} items, scoped to the caller. An auditor's section is the journal's (see
     * {@link fr.la27eregion.journal.boundary.JournalAudit#lastVerification()}): it has no kinds here.
     */
    public Home home() {
        Caller caller = callers.caller();
        Parameters parameters = parameters(caller);
        Set<Kind> kinds = kinds(caller);
        Map<Kind, Long> counts = count(kinds, parameters);
        Map<Kind, Waiting> waiting = new EnumMap<>(Kind.class);
        for (Kind kind : kinds) {
            long count = counts.get(kind);
            waiting.put(kind, new Waiting(kind, count, count == 0 ? List.of() : items(kind, parameters)));
        }
        List<Section> sections = new ArrayList<>();
        for (Role role : Role.values()) {
            if (caller.hasRole(role)) {
                sections.add(new Section(role, waiting.values().stream().filter(w -> w.kind().isFor(role))
                        .toList()));
            }
        }
        return new Home(parameters.today(), List.copyOf(sections));
    }

    /**
     * How many things wait for the caller under each menu entry (the badges), from the kinds that ask something of
     * them: one statement of indexed counts, nothing listed.
     */
    public Map<MenuEntry, Long> counts() {
        Caller caller = callers.caller();
        Set<Kind> kinds = kinds(caller).stream().filter(Kind::action)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
        Map<MenuEntry, Long> counts = new EnumMap<>(MenuEntry.class);
        count(kinds, parameters(caller)).forEach((kind, count) -> counts.merge(kind.menu(), count, Long::sum));
        return counts;
    }

    private static Set<Kind> kinds(Caller caller) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            // a kind scoped by an organisation or an account the caller does not have would find nothing
            boolean scopeKnown = (!kind.from.contains("?1") || caller.organisationId() != null)
                    && (!kind.from.contains("?7") || caller.accountId() != null);
            if (kind.roles.stream().anyMatch(caller::hasRole) && scopeKnown) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private Map<Kind, Long> count(Set<Kind> kinds, Parameters parameters) {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        if (kinds.isEmpty()) {
            return counts;
        }
        // one statement: a scalar count per kind
        List<Kind> ordered = List.copyOf(kinds);
        String sql = ordered.stream().map(kind -> "(SELECT count(*)" + kind.counted() + ")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
        Object result = bind(em.createNativeQuery(sql), sql, parameters).getSingleResult();
        Object[] row = result instanceof Object[] columns ? columns : new Object[] {result};
        for (int i = 0; i < ordered.size(); i++) {
            counts.put(ordered.get(i), ((Number) row[i]).longValue());
        }
        return counts;
    }

    private List<Item> items(Kind kind, Parameters parameters) {
        String sql = "SELECT " + kind.columns + kind.listed() + " ORDER BY " + kind.order + " LIMIT " + SHOWN;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql), sql, parameters).getResultList();
        return rows.stream().map(row -> new Item(((Number) row[0]).longValue(), (String) row[2],
                row[3] == null ? null : String.valueOf(row[3]), kind.path(((Number) row[1]).longValue()),
                SqlValues.date(row[4]), SqlValues.instant(row[5]))).toList();
    }

    /** Binds the parameters the statement uses (a clause uses some of them). */
    private static Query bind(Query query, String sql, Parameters parameters) {
        Map<Integer, Object> values = new LinkedHashMap<>();
        values.put(1, parameters.organisation() == null ? -1L : parameters.organisation());
        values.put(2, Date.valueOf(parameters.today()));
        values.put(3, Timestamp.from(parameters.now()));
        values.put(4, Date.valueOf(parameters.today().plusDays(parameters.membershipDays())));
        values.put(5, Timestamp.from(parameters.now().plus(Duration.ofDays(parameters.closingDays()))));
        values.put(6, Date.valueOf(parameters.today().plusDays(parameters.labelDays())));
        values.put(7, parameters.account() == null ? -1L : parameters.account());
        values.forEach((position, value) -> {
            if (sql.contains("?" + position)) {
                query.setParameter(position, value);
            }
        });
        return query;
    }

    private Parameters parameters(Caller caller) {
        return new Parameters(caller.organisationId(), caller.accountId(), clock.instant(), Clocks.today(clock),
                membershipSettings.reminderDays(), labelSettings.closingReminderDays(),
                labelSettings.renewalReminderDays());
    }

    /** What the clauses are scoped by, read once per call. */
    private record Parameters(Long organisation, Long account, Instant now, LocalDate today, int membershipDays,
                              int closingDays, int labelDays) {
    }
}
