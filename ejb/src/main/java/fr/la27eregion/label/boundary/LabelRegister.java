package fr.la27eregion.label.boundary;

import fr.la27eregion.label.control.VerificationCodes;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.annotation.Timed;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public side of labels (issue 11): the register of every label awarded, with its state, and the verification
 * of a label by its code. Anyone calls it, signed in or not, and it tells only public facts
 * ({@link RegisteredLabel}): the certificate number, the programme, level and mentions, the dates, the project's
 * title (and its public address when the project is public), the holder organisation and its region. Never a
 * person, never a verification code.
 *
 * <p><b>The state the public sees</b> is the label's on the day, by the platform's clock in France: a label active
 * or suspended past its last valid day is shown (and filtered) as {@code EXPIRED} even before the daily job writes
 * it, so a certificate is never said valid one night too long.
 *
 * <p><b>One statement per page:</b> the filters and the joins (programme, project, organisation, its territory, the
 * renewing label) are in one native query, paged in the database, and the count is a second one; no row reads
 * anything more. Native SQL through JDBC, as the project search does, because the rows are flat public facts
 * (mentions are a PostgreSQL array) and reading entities would load the people behind them.
 *
 * <p><b>Verification</b> reads the code as {@link VerificationCodes#normalise} does (any case, spaces and dashes
 * anywhere, O for 0, I and L for 1); a typed text that cannot be a code and a code no label has get the same empty
 * answer, so nobody learns which of the two they typed. Throttling the attempts of a client address is the web
 * tier's (it knows the address): {@code platform.limits}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class LabelRegister {

    public static final int MAX_SIZE = 100;

    /** The state the public sees on the day ({@code ?}: today). */
    private static final String STATE = "CASE WHEN l.state IN ('ACTIVE', 'SUSPENDED') AND l.valid_until < ?"
            + " THEN 'EXPIRED' ELSE l.state END";

    private static final String SELECT = "SELECT l.certificate_number, " + STATE + ", p.code, p.name_fr, p.name_en,"
            + " l.level, l.mentions, l.awarded_on, l.valid_until, pr.title,"
            + " CASE WHEN pr.visibility = 'PUBLIC' THEN pr.id || '-' || pr.slug END, o.name, t.code, t.name,"
            + " r.certificate_number";

    private static final String FROM = " FROM label l"
            + " JOIN label_programme p ON p.id = l.programme_id"
            + " JOIN project pr ON pr.id = l.project_id"
            + " JOIN organisation o ON o.id = l.organisation_id"
            + " LEFT JOIN territory t ON t.id = o.territory_id"
            + " LEFT JOIN label r ON r.id = l.renewed_by_label_id";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private VerificationCodes codes;

    @Inject
    private Clock clock;

    /**
     * The labels of the filter from row {@code first} (from 0), at most {@code size} of them, the latest awarded
     * first.
     *
     * @throws RuleViolation a negative first row, or a size outside 1 to {@value #MAX_SIZE}
     */
    @Timed(name = "labels.register", absolute = true, description = "Time to read a page of the labels' register")
    public List<RegisteredLabel> register(RegisterFilter filter, long first, int size) {
        if (first < 0) {
            throw new RuleViolation("page", "labels.register.badPage", "The first row is 0 or more", 0);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new RuleViolation("size", "labels.register.badSize", "The page size must be between 1 and "
                    + MAX_SIZE, MAX_SIZE);
        }
        LocalDate today = Clocks.today(clock);
        List<Object> parameters = new ArrayList<>();
        parameters.add(today);
        String where = where(filter == null ? RegisterFilter.none() : filter, today, parameters);
        parameters.add(first);
        parameters.add(size);
        return read(SELECT + FROM + where + " ORDER BY l.awarded_on DESC, l.id DESC OFFSET ? LIMIT ?", parameters);
    }

    /** How many labels the filter finds. */
    @Timed(name = "labels.register.count", absolute = true, description = "Time to count the labels' register")
    public long count(RegisterFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter == null ? RegisterFilter.none() : filter, Clocks.today(clock), parameters);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, "SELECT count(*)" + FROM + where, parameters);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException failed) {
            throw new IllegalStateException("The labels' register could not be counted", failed);
        }
    }

    /**
     * The verdict on the label of a code as someone typed it: empty when no label has it, or when what was typed
     * cannot be a code (the same answer for both, on purpose).
     */
    @Timed(name = "labels.verify", absolute = true, description = "Time to verify a label's code")
    public Optional<Verification> verify(String typedCode) {
        Optional<String> code = codes.normalise(typedCode);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(Clocks.today(clock));
        parameters.add(code.get());
        return read(SELECT + FROM + " WHERE l.verification_code = ?", parameters).stream().findFirst()
                .map(label -> new Verification(verdict(label.state()), label));
    }

    /**
     * The campaigns open now, the soonest closing first, with their programme and the criteria of the grid they
     * froze (what the programme asks of applicants): the public side lists them.
     */
    public List<Campaign> openCampaigns() {
        return em.createQuery("SELECT c FROM Campaign c JOIN FETCH c.programme JOIN FETCH c.grid"
                        + " WHERE c.opensAt <= :now AND c.closesAt > :now ORDER BY c.closesAt, c.id", Campaign.class)
                .setParameter("now", clock.instant()).getResultList();
    }

    private static Verification.Verdict verdict(LabelState state) {
        return switch (state) {
            case ACTIVE -> Verification.Verdict.VALID;
            case EXPIRED -> Verification.Verdict.EXPIRED;
            case SUSPENDED -> Verification.Verdict.SUSPENDED;
            case REVOKED -> Verification.Verdict.REVOKED;
            case RENEWED -> Verification.Verdict.RENEWED;
        };
    }

    /** The filter's predicates, their values added to the parameters. */
    private static String where(RegisterFilter filter, LocalDate today, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.programme() != null) {
            where.append(" AND p.code = ?");
            parameters.add(filter.programme());
        }
        if (filter.year() != null) {
            where.append(" AND l.awarded_on >= ? AND l.awarded_on < ?");
            parameters.add(LocalDate.of(filter.year(), 1, 1));
            parameters.add(LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.region() != null) {
            where.append(" AND t.code = ?");
            parameters.add(filter.region());
        }
        if (filter.state() != null) {
            where.append(" AND ").append(STATE).append(" = ?");
            parameters.add(today);
            parameters.add(filter.state().name());
        }
        return where.toString();
    }

    private List<RegisteredLabel> read(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<RegisteredLabel> labels = new ArrayList<>();
            while (rows.next()) {
                int read = rows.getInt(6);
                Integer level = rows.wasNull() ? null : read;
                labels.add(new RegisteredLabel(rows.getString(1), LabelState.valueOf(rows.getString(2)),
                        rows.getString(3), rows.getString(4), rows.getString(5), level,
                        strings(rows.getArray(7)), rows.getObject(8, LocalDate.class),
                        rows.getObject(9, LocalDate.class), rows.getString(10), rows.getString(11),
                        rows.getString(12), rows.getString(13), rows.getString(14), rows.getString(15)));
            }
            return labels;
        } catch (SQLException failed) {
            throw new IllegalStateException("The labels' register could not be read", failed);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
