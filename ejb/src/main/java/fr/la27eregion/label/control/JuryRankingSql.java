package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ApplicationState;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of a campaign's jury ranking, over a JDBC connection: {@code Juries} runs them, the benchmark
 * ({@code ops/bench/jury}) runs the very same straight against PostgreSQL. Two statements whatever the number of
 * applications (no query per row): the reviewed and decided applications with their project, applicant and label,
 * then every submitted assessment's scores of those applications, joined in memory.
 *
 * <p>Native SQL rather than JPQL: the scores are an element collection keyed by criterion, which JPQL would read
 * per assessment, and the page needs flat rows, not entities.
 */
public final class JuryRankingSql {

    /** The states of the applications the jury ranks: reviewed, and decided. */
    public static final List<ApplicationState> RANKED = List.of(ApplicationState.REVIEWED, ApplicationState.AWARDED,
            ApplicationState.REJECTED);

    private static final String STATES = "('REVIEWED', 'AWARDED', 'REJECTED')";

    /** The reviewed and decided applications of a campaign, the best weighted total first. */
    public static final String APPLICATIONS = "SELECT a.id, a.version, a.state, a.weighted_total, p.title, o.name,"
            + " a.level, array_to_string(a.mentions, chr(30)), a.decision_motivation, a.decided_at, l.id,"
            + " l.certificate_number, a.renewal_of_label_id"
            + " FROM label_application a JOIN project p ON p.id = a.project_id"
            + " JOIN organisation o ON o.id = a.organisation_id LEFT JOIN label l ON l.application_id = a.id"
            + " WHERE a.campaign_id = ? AND a.state IN " + STATES
            + " ORDER BY a.weighted_total DESC NULLS LAST, a.id";

    /**
     * One page of that ranking ({@code LIMIT}, {@code OFFSET}), each row with its rank among all (equal totals share
     * it) and, on every row, how many applications are ranked and how many of them wait for a decision: the window
     * functions see every ranked application before the page is cut.
     */
    public static final String PAGE = APPLICATIONS.replace(" FROM label_application a",
            ", rank() OVER (ORDER BY a.weighted_total DESC NULLS LAST), count(*) OVER (),"
                    + " count(*) FILTER (WHERE a.state = 'REVIEWED') OVER () FROM label_application a")
            + " LIMIT ? OFFSET ?";

    /**
     * Every submitted assessment of those applications, by application and assessment, with its scores as two
     * arrays in criterion order (criterion ids, scores): a row per assessment rather than per score, so that the
     * reviewer's name and comments travel once (measured by {@code ops/bench/jury}).
     */
    public static final String SCORES = "SELECT s.application_id, s.id, r.display_name, s.weighted_total,"
            + " s.comments, array_agg(c.criterion_id ORDER BY c.criterion_id) FILTER (WHERE c.criterion_id IS NOT NULL),"
            + " array_agg(c.score ORDER BY c.criterion_id) FILTER (WHERE c.criterion_id IS NOT NULL)"
            + " FROM label_application a JOIN assessment s ON s.application_id = a.id AND s.state = 'SUBMITTED'"
            + " JOIN account r ON r.id = s.reviewer_account_id"
            + " LEFT JOIN assessment_score c ON c.assessment_id = s.id"
            + " WHERE a.campaign_id = ? AND a.state IN " + STATES
            + " GROUP BY s.id, r.id ORDER BY s.application_id, s.id";

    /** {@link #SCORES} of the applications of a page only (their ids as an array). */
    public static final String PAGE_SCORES = SCORES.replace(" GROUP BY", " AND a.id = ANY (?) GROUP BY");

    /** A submitted assessment as the jury reads it: the reviewer, their total, a score per criterion id. */
    public record Review(long assessmentId, String reviewerName, BigDecimal total, Map<Long, Integer> scores,
                         String comments) implements Serializable {

        /** The score of a criterion, null when none (a page's cell). */
        public Integer score(long criterionId) {
            return scores.get(criterionId);
        }
    }

    /**
     * One application of the ranking.
     *
     * @param rank   1 for the best total; equal totals share a rank (1, 2, 2, 4)
     * @param spread the highest reviewer's total less the lowest's, null with fewer than two
     */
    public record Row(int rank, long applicationId, int version, ApplicationState state, BigDecimal weightedTotal,
                      String projectTitle, String applicant, Integer level, List<String> mentions, String motivation,
                      Instant decidedAt, Long labelId, String certificateNumber, Long renewalOfLabelId,
                      List<Review> reviews, BigDecimal spread) implements Serializable {

        public boolean decided() {
            return state != ApplicationState.REVIEWED;
        }

        public boolean awarded() {
            return state == ApplicationState.AWARDED;
        }

        /** The review of this position (the first submitted is 0), or null: the page's columns side by side. */
        public Review review(int position) {
            return position < reviews.size() ? reviews.get(position) : null;
        }
    }

    /**
     * A page of the ranking.
     *
     * @param ranked    how many applications the whole ranking has
     * @param undecided how many of them wait for the jury's decision
     */
    public record Page(List<Row> rows, long ranked, long undecided) implements Serializable {
    }

    private JuryRankingSql() {
    }

    /**
     * The rows {@code first} to {@code first + size - 1} of {@link #rank}, the same rows with the same ranks and
     * reviews, read in two statements whose work follows the page's size: the scores of the page's applications only.
     */
    public static Page page(Connection connection, long campaignId, int first, int size) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        long ranked = 0;
        long undecided = 0;
        List<Object[]> read = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PAGE)) {
            statement.setLong(1, campaignId);
            statement.setInt(2, Math.max(1, size));
            statement.setInt(3, Math.max(0, first));
            try (ResultSet found = statement.executeQuery()) {
                while (found.next()) {
                    ids.add(found.getLong(1));
                    ranks.add(found.getInt(14));
                    ranked = found.getLong(15);
                    undecided = found.getLong(16);
                    read.add(columns(found));
                }
            }
        }
        if (ids.isEmpty()) {
            return new Page(List.of(), 0, 0);
        }
        Map<Long, List<Review>> reviews;
        try (PreparedStatement statement = connection.prepareStatement(PAGE_SCORES)) {
            statement.setLong(1, campaignId);
            statement.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            reviews = reviews(statement);
        }
        for (int i = 0; i < read.size(); i++) {
            rows.add(row(ranks.get(i), read.get(i), reviews));
        }
        return new Page(rows, ranked, undecided);
    }

    /** The ranking of a campaign's reviewed and decided applications, the best first. */
    public static List<Row> rank(Connection connection, long campaignId) throws SQLException {
        Map<Long, List<Review>> reviews;
        try (PreparedStatement statement = connection.prepareStatement(SCORES)) {
            statement.setLong(1, campaignId);
            reviews = reviews(statement);
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(APPLICATIONS)) {
            statement.setLong(1, campaignId);
            try (ResultSet found = statement.executeQuery()) {
                int position = 0;
                int rank = 0;
                BigDecimal previous = null;
                while (found.next()) {
                    position++;
                    BigDecimal total = found.getBigDecimal(4);
                    if (previous == null || total == null || total.compareTo(previous) != 0) {
                        rank = position;
                    }
                    previous = total;
                    rows.add(row(rank, columns(found), reviews));
                }
            }
        }
        return rows;
    }

    /** The columns of {@link #APPLICATIONS} of the current row, as read. */
    private static Object[] columns(ResultSet found) throws SQLException {
        Timestamp decided = found.getTimestamp(10);
        return new Object[] {found.getLong(1), found.getInt(2), found.getString(3), found.getBigDecimal(4),
            found.getString(5), found.getString(6), found.getObject(7), found.getString(8), found.getString(9),
            decided == null ? null : decided.toInstant(), found.getObject(11), found.getString(12),
            found.getObject(13)};
    }

    private static Row row(int rank, Object[] c, Map<Long, List<Review>> reviews) {
        long id = (Long) c[0];
        String mentions = (String) c[7];
        List<Review> of = reviews.getOrDefault(id, List.of());
        return new Row(rank, id, (Integer) c[1], ApplicationState.valueOf((String) c[2]), (BigDecimal) c[3],
                (String) c[4], (String) c[5], (Integer) c[6],
                mentions == null || mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split("\u001e")),
                (String) c[8], (Instant) c[9], (Long) c[10], (String) c[11], (Long) c[12], of, spread(of));
    }

    /** The assessments a statement of {@link #SCORES}' shape finds, by application, in its order. */
    private static Map<Long, List<Review>> reviews(PreparedStatement statement) throws SQLException {
        Map<Long, List<Review>> byApplication = new LinkedHashMap<>();
        try (ResultSet found = statement.executeQuery()) {
            while (found.next()) {
                Map<Long, Integer> scores = new LinkedHashMap<>();
                Array criteria = found.getArray(6);
                if (criteria != null) {
                    Object[] ids = (Object[]) criteria.getArray();
                    Object[] given = (Object[]) found.getArray(7).getArray();
                    for (int i = 0; i < ids.length; i++) {
                        scores.put(((Number) ids[i]).longValue(), ((Number) given[i]).intValue());
                    }
                }
                byApplication.computeIfAbsent(found.getLong(1), any -> new ArrayList<>())
                        .add(new Review(found.getLong(2), found.getString(3), found.getBigDecimal(4),
                                Map.copyOf(scores), found.getString(5)));
            }
        }
        return byApplication;
    }

    /** The highest total less the lowest, two decimals; null with fewer than two totals. */
    static BigDecimal spread(List<Review> reviews) {
        List<BigDecimal> totals = reviews.stream().map(Review::total).filter(java.util.Objects::nonNull).toList();
        if (totals.size() < 2) {
            return null;
        }
        return totals.stream().max(Comparator.naturalOrder()).orElseThrow()
                .subtract(totals.stream().min(Comparator.naturalOrder()).orElseThrow())
                .setScale(2, RoundingMode.HALF_UP);
    }
}
