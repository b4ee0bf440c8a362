package fr.la27eregion.audit.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;

import javax.sql.DataSource;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of the auditor's statistics page (roles AUDITOR and NETWORK_ADMIN, read-only), each one query:
 * applications per state and per campaign; the time applications spent in each step and from submission to
 * decision (median and 90th percentile by PostgreSQL's {@code percentile_cont}, from the journal's transition
 * times, so a step's time is what the record lived, not what a column last said); the reviewers' load; memberships
 * per state month by month, each month's state reconstructed from the journal (the last transition before the
 * month ended). Filters: programme, campaign (not for memberships), period (dates in France, both included).
 */
@Stateless
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class AuditStatistics {

    /** Most months the memberships' series may span. */
    public static final int MAX_MONTHS = 60;
    /** Most reviewers the load lists (the busiest). */
    public static final int MAX_REVIEWERS = 100;

    /** What the figures are about: a programme, a campaign (each optional), a period of days (both included). */
    public record Filter(Long programmeId, Long campaignId, LocalDate from, LocalDate to) implements Serializable {

        public Filter {
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("A period runs from a day to the same day or later: " + from
                        + " " + to);
            }
        }
    }

    /** How many applications are in a state. */
    public record StateCount(String state, long count) implements Serializable {
    }

    /** A campaign's applications: all of them, awarded, rejected. */
    public record CampaignCount(String programme, String campaign, long total, long awarded, long rejected)
            implements Serializable {
    }

    /**
     * The time spent in a step, over the stays that ended in the period.
     *
     * @param step   a state of applications, or {@link #DECISION} for submission to decision
     * @param count  how many stays
     * @param median in days
     * @param p90    in days
     */
    public record StepTime(String step, long count, double median, double p90) implements Serializable {

        /** The step from the first submission to the jury's decision. */
        public static final String DECISION = "DECISION";
    }

    /** A reviewer's assessments by state. */
    public record ReviewerLoad(String reviewer, long assigned, long submitted, long recused) implements Serializable {

        public long total() {
            return assigned + submitted + recused;
        }
    }

    /** How many memberships were in a state at the end of a month. */
    public record MonthState(YearMonth month, String state, long count) implements Serializable {
    }

    /** A programme or a campaign to filter by. */
    public record Choice(long id, String code, String nameFr, String nameEn, Long programmeId)
            implements Serializable {
    }

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    private static final String APPLICATIONS = "FROM label_application a JOIN campaign c ON c.id = a.campaign_id"
            + " JOIN label_programme p ON p.id = c.programme_id WHERE a.created_at >= ? AND a.created_at < ?";

    /** The applications created in the period, per state. */
    public List<StateCount> applicationsPerState(Filter filter) {
        return read("SELECT a.state, count(*) " + APPLICATIONS + scope(filter) + " GROUP BY a.state ORDER BY a.state",
                filter, row -> new StateCount(row.getString(1), row.getLong(2)));
    }

    /** The applications created in the period, per campaign (programme's code, campaign's code). */
    public List<CampaignCount> applicationsPerCampaign(Filter filter) {
        return read("SELECT p.code, c.code, count(*), count(*) FILTER (WHERE a.state = 'AWARDED'),"
                        + " count(*) FILTER (WHERE a.state = 'REJECTED') " + APPLICATIONS + scope(filter)
                        + " GROUP BY p.code, c.code, c.opens_at ORDER BY c.opens_at, c.code",
                filter, row -> new CampaignCount(row.getString(1), row.getString(2), row.getLong(3),
                        row.getLong(4), row.getLong(5)));
    }

    /**
     * The time applications spent in each step they left in the period (a stay: from the transition into a state
     * to the next transition of the same application), and from their first submission to the jury's decision
     * for those decided in the period, in days.
     */
    public List<StepTime> stepTimes(Filter filter) {
        String ids = "SELECT a.id::text FROM label_application a JOIN campaign c ON c.id = a.campaign_id WHERE true"
                + scope(filter);
        String moves = "SELECT e.entity_id, e.state_after, e.recorded_at, e.seq FROM journal_entry e"
                + " WHERE e.entity_type = 'LabelApplication' AND e.state_after IS NOT NULL"
                + " AND e.state_before IS DISTINCT FROM e.state_after AND e.entity_id IN (" + ids + ")";
        String days = "extract(epoch FROM ended - began) / 86400.0";
        String sql = "WITH moves AS (" + moves + "),"
                + " stays AS (SELECT state_after AS step, recorded_at AS began,"
                + "   lead(recorded_at) OVER (PARTITION BY entity_id ORDER BY seq) AS ended FROM moves),"
                + " decided AS (SELECT '" + StepTime.DECISION + "' AS step,"
                + "   min(recorded_at) FILTER (WHERE state_after = 'SUBMITTED') AS began,"
                + "   max(recorded_at) FILTER (WHERE state_after IN ('AWARDED', 'REJECTED')) AS ended"
                + "   FROM moves GROUP BY entity_id)"
                + " SELECT step, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY " + days + "),"
                + "  percentile_cont(0.9) WITHIN GROUP (ORDER BY " + days + ")"
                + " FROM (SELECT * FROM stays UNION ALL SELECT * FROM decided) s"
                + " WHERE began IS NOT NULL AND ended >= ? AND ended < ?"
                + " AND step NOT IN ('AWARDED', 'REJECTED', 'INELIGIBLE', 'WITHDRAWN')"
                + " GROUP BY step ORDER BY step";
        return read(sql, filter, row -> new StepTime(row.getString(1), row.getLong(2), row.getDouble(3),
                row.getDouble(4)));
    }

    /** The reviewers' assessments assigned in the period, by state, the busiest first. */
    public List<ReviewerLoad> reviewerLoad(Filter filter) {
        return read("SELECT r.username, count(*) FILTER (WHERE s.state = 'ASSIGNED'),"
                        + " count(*) FILTER (WHERE s.state = 'SUBMITTED'), count(*) FILTER (WHERE s.state = 'RECUSED')"
                        + " FROM assessment s JOIN account r ON r.id = s.reviewer_account_id"
                        + " JOIN label_application a ON a.id = s.application_id JOIN campaign c ON c.id = a.campaign_id"
                        + " WHERE s.assigned_at >= ? AND s.assigned_at < ?" + scope(filter)
                        + " GROUP BY r.username ORDER BY count(*) DESC, r.username LIMIT " + MAX_REVIEWERS,
                filter, row -> new ReviewerLoad(row.getString(1), row.getLong(2), row.getLong(3),
                        row.getLong(4)));
    }

    /**
     * Memberships per state at the end of each month of the period (at most {@value #MAX_MONTHS}, the last ones),
     * each membership's state reconstructed from the journal: the state set by its last transition recorded before
     * the month ended (in France). A membership not yet applied for is in no state.
     */
    public List<MonthState> membershipsPerMonth(Filter filter) {
        YearMonth last = YearMonth.from(filter.to());
        YearMonth first = YearMonth.from(filter.from());
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        // one pass over the memberships' entries, each state held from its entry to the next one of the same
        // membership, counted at each month's end: a lateral DISTINCT ON per month read them all once a month
        // (33 s against 9 s for 12 months of 2,000,000 entries, 400,000 of memberships, on a loaded machine)
        String ends = "((m.month + interval '1 month')::timestamp AT TIME ZONE '" + Clocks.FRANCE.getId() + "')";
        String sql = "WITH months AS (SELECT m.month::date AS month, " + ends + " AS ends"
                + "   FROM generate_series(?::date, ?::date, interval '1 month') AS m(month)),"
                + " held AS (SELECT e.state_after, e.recorded_at AS since,"
                + "   lead(e.recorded_at) OVER (PARTITION BY e.entity_id ORDER BY e.seq) AS until"
                + "   FROM journal_entry e WHERE e.entity_type = 'Membership' AND e.state_after IS NOT NULL"
                + "   AND e.recorded_at < (SELECT max(ends) FROM months))"
                + " SELECT months.month, held.state_after, count(*) FROM months"
                + " JOIN held ON held.since < months.ends AND (held.until IS NULL OR held.until >= months.ends)"
                + " GROUP BY months.month, held.state_after ORDER BY months.month, held.state_after";
        List<MonthState> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDate(1, Date.valueOf(first.atDay(1)));
            statement.setDate(2, Date.valueOf(last.atDay(1)));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new MonthState(YearMonth.from(row.getDate(1).toLocalDate()), row.getString(2),
                            row.getLong(3)));
                }
            }
            return rows;
        } catch (SQLException failed) {
            throw new IllegalStateException("The memberships' statistics could not be read", failed);
        }
    }

    /** The programmes to filter by, by code. */
    public List<Choice> programmes() {
        return read("SELECT id, code, name_fr, name_en, NULL FROM label_programme ORDER BY code", null,
                AuditStatistics::choice);
    }

    /** The campaigns to filter by, the latest first. */
    public List<Choice> campaigns() {
        return read("SELECT id, code, title_fr, title_en, programme_id FROM campaign ORDER BY opens_at DESC, code",
                null, AuditStatistics::choice);
    }

    private static Choice choice(ResultSet row) throws SQLException {
        long programme = row.getLong(5);
        return new Choice(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.wasNull() ? null : programme);
    }

    /** The programme's and campaign's conditions, numbers only (checked as such by the filter's types). */
    private static String scope(Filter filter) {
        return (filter.programmeId() == null ? "" : " AND c.programme_id = " + filter.programmeId().longValue())
                + (filter.campaignId() == null ? "" : " AND c.id = " + filter.campaignId().longValue());
    }

    private interface Row<T> {
        T of(ResultSet row) throws SQLException;
    }

    /** Runs {@code sql}, its two parameters the period's bounds (none when {@code filter} is null). */
    private <T> List<T> read(String sql, Filter filter, Row<T> mapping) {
        List<T> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (filter != null) {
                statement.setTimestamp(1, Timestamp.from(filter.from().atStartOfDay(Clocks.FRANCE).toInstant()));
                statement.setTimestamp(2, Timestamp.from(filter.to().plusDays(1).atStartOfDay(Clocks.FRANCE)
                        .toInstant()));
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapping.of(row));
                }
            }
            return rows;
        } catch (SQLException failed) {
            throw new IllegalStateException("The statistics could not be read", failed);
        }
    }
}
