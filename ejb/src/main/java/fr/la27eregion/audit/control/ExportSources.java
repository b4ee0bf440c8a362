package fr.la27eregion.audit.control;

import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.journal.control.JournalQuery;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The table an export of a kind reads, from the parameters the export kept. */
@Dependent
public class ExportSources {

    @Inject
    private JournalQuery journalQuery;

    public ExportSource of(ExportJob.Kind kind, String parameters) {
        return switch (kind) {
            case JOURNAL -> new JournalRows(journalQuery, JournalRows.filter(parameters));
        };
    }
}
