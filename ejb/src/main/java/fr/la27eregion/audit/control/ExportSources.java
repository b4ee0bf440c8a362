package fr.la27eregion.audit.control;

import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.audit.boundary.AuditStatistics;
import fr.la27eregion.journal.control.JournalQuery;
import fr.la27eregion.journal.control.RecordHistory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The table an export of a kind reads, from the parameters the export kept. */
@Dependent
public class ExportSources {

    @Inject
    private JournalQuery journalQuery;

    @Inject
    private RecordHistory history;

    @Inject
    private AuditStatistics statistics;

    public ExportSource of(ExportJob.Kind kind, String parameters) {
        return switch (kind) {
            case JOURNAL -> new JournalRows(journalQuery, JournalRows.filter(parameters));
            case TIMELINE -> TimelineRows.of(history, parameters);
            case STATISTICS -> StatisticsRows.of(statistics, parameters);
        };
    }
}
