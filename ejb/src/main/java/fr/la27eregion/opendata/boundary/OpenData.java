package fr.la27eregion.opendata.boundary;

import fr.la27eregion.label.boundary.LabelRegister;
import fr.la27eregion.label.boundary.RegisterFilter;
import fr.la27eregion.label.boundary.RegisteredLabel;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.boundary.PublicMember;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.database.Migrations;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.project.entity.Project;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.annotation.Timed;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the open datasets from the current data, row by row, for anyone: the files are generated on demand, so they
 * are always the data of the moment ("regenerated when data changes" without a copy to keep fresh).
 *
 * <p>Members and labels are what the public members list ({@link Organisations#members()}) and the public register
 * ({@link LabelRegister}) already say, read through them so the three never differ. Public projects are read here,
 * through a JDBC cursor, so a hundred thousand of them stream without being held in memory (the transaction is
 * what lets PostgreSQL's driver fetch them a batch at a time).
 *
 * <p><b>When a dataset last changed</b>: every change of a record is journaled in the same transaction (DESIGN §3),
 * so the last journal entry of the record types a dataset shows (an organisation's name is in all three) is the
 * instant its data last changed; records written without the journal (a migration, the demo data) count by their
 * own timestamps. Each probe reads one index entry backwards ({@code journal_entry_entity_type_idx}).
 */
@Stateless
@PermitAll
public class OpenData {

    /** The record types whose changes change each dataset. */
    private static final Map<Dataset, List<String>> SOURCES = Map.of(
            Dataset.MEMBERS, List.of(Organisation.JOURNAL_TYPE, MembershipTransitions.ENTITY),
            Dataset.PROJECTS, List.of(Project.JOURNAL_TYPE, Organisation.JOURNAL_TYPE),
            Dataset.LABELS, List.of(Label.JOURNAL_TYPE, Project.JOURNAL_TYPE, Organisation.JOURNAL_TYPE,
                    LabelProgramme.JOURNAL_TYPE));

    /** The latest own timestamp of each dataset's records, for those written without the journal. */
    private static final Map<Dataset, String> OWN_TIMES = Map.of(
            Dataset.MEMBERS, "SELECT max(changed_at) FROM membership",
            Dataset.PROJECTS, "SELECT max(greatest(updated_at, changed_at)) FROM project WHERE visibility = 'PUBLIC'"
                    + " OR published_at IS NOT NULL",
            Dataset.LABELS, "SELECT max(changed_at) FROM label");

    private static final String PROJECTS = "SELECT p.id, p.id || '-' || p.slug, p.title, p.summary,"
            + " p.description_text, o.id, o.name,"
            + " ARRAY(SELECT po.name FROM project_partner pp JOIN organisation po ON po.id = pp.organisation_id"
            + " WHERE pp.project_id = p.id ORDER BY po.name),"
            + " p.kind, p.stage,"
            + " ARRAY(SELECT pt.theme_code FROM project_theme pt WHERE pt.project_id = p.id ORDER BY pt.theme_code),"
            + " ARRAY(SELECT t.code FROM project_territory ptt JOIN territory t ON t.id = ptt.territory_id"
            + " WHERE ptt.project_id = p.id ORDER BY t.code),"
            + " p.started_on, p.ended_on, p.budget_euros, p.published_at, greatest(p.updated_at, p.changed_at)"
            + " FROM project p JOIN organisation o ON o.id = p.lead_organisation_id"
            + " WHERE p.visibility = 'PUBLIC' ORDER BY p.id";

    private static final int PAGE = LabelRegister.MAX_SIZE;

    /**
     * The public projects last changed in their workflow (made public, or a later step), with the instant each was
     * made public: its last journal entry into {@code PUBLIC}, or its first publication when it has none.
     */
    private static final String RECENT_PROJECTS = "SELECT p.id, p.id || '-' || p.slug, p.title, p.summary, o.name,"
            + " coalesce((SELECT j.recorded_at FROM journal_entry j WHERE j.entity_type = ? AND j.entity_id = p.id::text"
            + " AND j.state_after = 'PUBLIC' ORDER BY j.seq DESC LIMIT 1), p.published_at, p.created_at),"
            + " greatest(p.updated_at, p.changed_at)"
            + " FROM (SELECT * FROM project WHERE visibility = 'PUBLIC' ORDER BY changed_at DESC, id DESC LIMIT ?) p"
            + " JOIN organisation o ON o.id = p.lead_organisation_id";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private Organisations organisations;

    @Inject
    private LabelRegister register;

    /**
     * Hands each row of the dataset, in order, to the sink: values in the order of {@link Dataset#columns()}, a
     * {@code PATH} as the address after the site's root ({@code /public/projets/42-ecoles}).
     */
    @Timed(name = "opendata.read", absolute = true, description = "Time to read an open dataset")
    public void read(Dataset dataset, Consumer<List<Object>> sink) {
        switch (dataset) {
            case MEMBERS -> organisations.members().forEach(member -> sink.accept(member(member)));
            case LABELS -> labels(sink);
            case PROJECTS -> projects(sink);
            default -> throw new IllegalArgumentException("No dataset " + dataset);
        }
    }

    /**
     * The news of the public side, the latest first: the labels last awarded and the projects last made public, at
     * most {@code max} of each.
     */
    @Timed(name = "opendata.news", absolute = true, description = "Time to read the news feed's items")
    public List<NewsItem> news(int max) {
        int size = Math.max(1, Math.min(max, PAGE));
        List<NewsItem> items = new ArrayList<>();
        for (RegisteredLabel label : register.register(RegisterFilter.none(), 0, size)) {
            Instant awarded = label.awardedOn().atStartOfDay(Clocks.FRANCE).toInstant();
            items.add(new NewsItem(NewsItem.Kind.LABEL, "label:" + label.certificateNumber(), label.projectTitle(),
                    label.certificateNumber(), label.organisationName(),
                    label.projectPath() == null ? null : "/public/projets/" + label.projectPath(),
                    label.programmeNameFr(), label.programmeNameEn(), awarded, awarded));
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(RECENT_PROJECTS)) {
            statement.setString(1, Project.JOURNAL_TYPE);
            statement.setInt(2, size);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(new NewsItem(NewsItem.Kind.PROJECT, "project:" + rows.getLong(1), rows.getString(3),
                            rows.getString(4), rows.getString(5), "/public/projets/" + rows.getString(2), null, null,
                            rows.getTimestamp(6).toInstant(), rows.getTimestamp(7).toInstant()));
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("The recent public projects could not be read", failed);
        }
        items.sort(java.util.Comparator.comparing(NewsItem::published).reversed());
        return items;
    }

    /** The instant the dataset's data last changed (the epoch when it never had any). */
    public Instant modified(Dataset dataset) {
        Instant latest = Instant.EPOCH;
        try (Connection connection = dataSource.getConnection()) {
            for (String type : SOURCES.get(dataset)) {
                latest = later(latest, instant(connection, "SELECT recorded_at FROM journal_entry"
                        + " WHERE entity_type = ? ORDER BY seq DESC LIMIT 1", type));
            }
            return later(latest, instant(connection, OWN_TIMES.get(dataset), null));
        } catch (SQLException failed) {
            throw new IllegalStateException("The date of the dataset " + dataset + " could not be read", failed);
        }
    }

    private static Instant later(Instant one, Instant other) {
        return other != null && other.isAfter(one) ? other : one;
    }

    private static Instant instant(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                Timestamp at = rows.next() ? rows.getTimestamp(1) : null;
                return at == null ? null : at.toInstant();
            }
        }
    }

    private static List<Object> member(PublicMember member) {
        return Arrays.asList(member.organisationId(), member.name(), member.kind().name(), member.territoryCode(),
                member.territoryName(), member.website(), member.state().name(), member.memberUntil());
    }

    private void labels(Consumer<List<Object>> sink) {
        for (long first = 0; ; first += PAGE) {
            List<RegisteredLabel> page = register.register(RegisterFilter.none(), first, PAGE);
            page.forEach(label -> sink.accept(Arrays.asList(label.certificateNumber(), label.state().name(),
                    label.programmeCode(), label.programmeNameFr(), label.programmeNameEn(), label.level(),
                    label.mentions(), label.awardedOn(), label.validUntil(), label.projectTitle(),
                    label.projectPath() == null ? null : "/public/projets/" + label.projectPath(),
                    label.organisationName(), label.regionCode(), label.regionName(), label.renewedByNumber())));
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private void projects(Consumer<List<Object>> sink) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PROJECTS)) {
            statement.setFetchSize(500);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<Object> row = new ArrayList<>(Dataset.PROJECTS.columns().size());
                    row.add(rows.getLong(1));
                    row.add("/public/projets/" + rows.getString(2));
                    row.add(rows.getString(3));
                    row.add(rows.getString(4));
                    row.add(rows.getString(5));
                    row.add(rows.getLong(6));
                    row.add(rows.getString(7));
                    row.add(texts(rows.getArray(8)));
                    row.add(rows.getString(9));
                    row.add(rows.getString(10));
                    row.add(texts(rows.getArray(11)));
                    row.add(texts(rows.getArray(12)));
                    row.add(rows.getObject(13, java.time.LocalDate.class));
                    row.add(rows.getObject(14, java.time.LocalDate.class));
                    row.add(rows.getBigDecimal(15));
                    Timestamp published = rows.getTimestamp(16);
                    row.add(published == null ? null : published.toInstant());
                    row.add(rows.getTimestamp(17).toInstant());
                    sink.accept(row);
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("The public projects could not be read", failed);
        }
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
