package fr.la27eregion.audit.control;

import fr.la27eregion.platform.Jsons;
import fr.la27eregion.audit.boundary.AuditStatistics;
import fr.la27eregion.audit.boundary.AuditStatistics.Filter;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;

/**
 * One table of the statistics page ({@link AuditStatistics}), for the same filter, as the page's accessible table
 * shows it: a few dozen rows at most, read from the boundary (as the auditor who asked), written like any export.
 */
public final class StatisticsRows implements ExportSource {

    /** The statistics' tables, by the name their export keeps. */
    public enum Table {
        STATES(List.of("state", "applications")),
        CAMPAIGNS(List.of("programme", "campaign", "applications", "awarded", "rejected")),
        STEPS(List.of("step", "stays", "median_days", "p90_days")),
        REVIEWERS(List.of("reviewer", "assigned", "submitted", "recused", "total")),
        MEMBERSHIPS(List.of("month", "state", "memberships"));

        private final List<String> columns;

        Table(List<String> columns) {
            this.columns = columns;
        }
    }

    private final AuditStatistics statistics;
    private final Table table;
    private final Filter filter;

    public StatisticsRows(AuditStatistics statistics, Table table, Filter filter) {
        this.statistics = statistics;
        this.table = table;
        this.filter = filter;
    }

    @Override
    public String title() {
        return "statistics-" + table.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<String> columns() {
        return table.columns;
    }

    @Override
    public long count(Connection connection) {
        return rows().size();
    }

    @Override
    public void rows(Connection connection, RowSink sink) throws IOException {
        for (List<?> row : rows()) {
            sink.accept(row);
        }
    }

    private List<List<?>> rows() {
        return switch (table) {
            case STATES -> statistics.applicationsPerState(filter).stream()
                    .<List<?>>map(s -> List.of(s.state(), s.count())).toList();
            case CAMPAIGNS -> statistics.applicationsPerCampaign(filter).stream()
                    .<List<?>>map(c -> List.of(c.programme(), c.campaign(), c.total(), c.awarded(), c.rejected()))
                    .toList();
            case STEPS -> statistics.stepTimes(filter).stream()
                    .<List<?>>map(s -> List.of(s.step(), s.count(), s.median(), s.p90())).toList();
            case REVIEWERS -> statistics.reviewerLoad(filter).stream()
                    .<List<?>>map(r -> List.of(r.reviewer(), r.assigned(), r.submitted(), r.recused(), r.total()))
                    .toList();
            case MEMBERSHIPS -> statistics.membershipsPerMonth(filter).stream()
                    .<List<?>>map(m -> List.of(m.month().toString(), m.state(), m.count())).toList();
        };
    }

    /** The table and filter as the export keeps them. */
    public static String parameters(Table table, Filter filter) {
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("table", table.name())
                .add("from", filter.from().toString()).add("to", filter.to().toString());
        if (filter.programmeId() != null) {
            json.add("programme", filter.programmeId());
        }
        if (filter.campaignId() != null) {
            json.add("campaign", filter.campaignId());
        }
        return json.build().toString();
    }

    static StatisticsRows of(AuditStatistics statistics, String parameters) {
        JsonObject json = Jsons.createReader(new StringReader(parameters)).readObject();
        return new StatisticsRows(statistics, Table.valueOf(json.getString("table")), new Filter(
                json.containsKey("programme") ? json.getJsonNumber("programme").longValue() : null,
                json.containsKey("campaign") ? json.getJsonNumber("campaign").longValue() : null,
                LocalDate.parse(json.getString("from")), LocalDate.parse(json.getString("to"))));
    }
}
