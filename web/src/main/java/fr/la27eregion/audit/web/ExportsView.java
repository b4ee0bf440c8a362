package fr.la27eregion.audit.web;

import fr.la27eregion.platform.web.Reinjected;
import fr.la27eregion.audit.boundary.Exports;
import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.platform.web.FileSizes;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The caller's exports (/app/audit/exports.xhtml): each with its state, progress while written (the page asks again
 * every two seconds while one is), and once done its file, manifest, SHA-256 and the journal head it was read at.
 */
@Named
@ViewScoped
public class ExportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Exports exports;

    @Inject
    private transient Clock clock;

    /** The clock, looked up again when this view was restored on another instance (the field is transient). */
    private Clock clock() {
        clock = Reinjected.orLookUp(clock, Clock.class);
        return clock;
    }

    private List<Line> lines = List.of();

    /** One export as the page shows it. */
    public record Line(long id, String fileName, String format, String state, boolean inProgress, boolean interrupted,
                       int percent, long rowsWritten, Long rowsExpected, Instant requestedAt, Instant finishedAt,
                       String size, String sha256, Long headSeq, String headHash, String problem, String filter)
            implements Serializable {

        static Line of(ExportJob job, Instant now) {
            return new Line(job.id(), job.fileName(), job.format().name(), job.state().name(), job.inProgress(now),
                    job.interrupted(now), job.percent(), job.rowsWritten(), job.rowsExpected(), job.requestedAt(),
                    job.finishedAt(), job.fileBytes() == null ? null : FileSizes.text(job.fileBytes()), job.sha256(),
                    job.headSeq(), job.headHash(), job.problem(), job.parameters());
        }

        public boolean done() {
            return "DONE".equals(state);
        }

        public String fileHref() {
            return "/api/v1/exports/" + id + "/file";
        }

        public String manifestHref() {
            return "/api/v1/exports/" + id + "/manifest";
        }
    }

    @PostConstruct
    void load() {
        refresh();
    }

    /** Reads the exports again (the poll, while one is being written). */
    public void refresh() {
        Instant now = clock().instant();
        lines = exports.mine().stream().map(job -> Line.of(job, now)).toList();
    }

    public List<Line> getLines() {
        return lines;
    }

    /** Whether one is being written: the page then asks again. */
    public boolean isWorking() {
        return lines.stream().anyMatch(Line::inProgress);
    }
}
