package fr.la27eregion.journal.boundary;

import fr.la27eregion.journal.control.Anchoring;
import fr.la27eregion.journal.control.JournalAnchor;
import fr.la27eregion.platform.request.CurrentRequest;
import fr.la27eregion.platform.schedule.JobMetrics;
import fr.la27eregion.platform.schedule.JobRuns;
import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The daily anchor of the journal: at 03:15, Paris time, every instance's timer fires; the one that claims the day
 * in PostgreSQL ({@link JobRuns}) records the chain head and, when an authority is configured, its RFC 3161 time
 * stamp ({@link Anchoring}). A failure of the authority is recorded on the anchor, never fails the job.
 */
@Singleton
@PermitAll
public class JournalSchedule {

    public static final String JOB = "journal.anchor";

    private static final Logger LOG = Logger.getLogger(JournalSchedule.class.getName());

    @Inject
    private JobRuns runs;

    @Inject
    private JobMetrics jobs;

    @Inject
    private Anchoring anchoring;

    @Inject
    private CurrentRequest request;

    @Inject
    private Clock clock;

    @Schedule(hour = "3", minute = "15", timezone = "Europe/Paris", persistent = true, info = JOB)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        run();
    }

    /**
     * Anchors the day's head if no instance did yet; the anchor made, empty when another instance had claimed the
     * day. Only from the container's timers, as the other daily jobs.
     *
     * @throws EJBAccessException when called while an HTTP request is served
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<JournalAnchor> run() {
        if (CurrentRequest.of(request).isPresent()) {
            throw new EJBAccessException("The daily journal anchor runs from the container's timer only.");
        }
        LocalDate today = Clocks.today(clock);
        if (!runs.claim(JOB, today)) {
            LOG.info(() -> "Journal anchor of " + today + ": already made (claimed in job_run).");
            return Optional.empty();
        }
        return jobs.measure(JOB, () -> {
            JournalAnchor anchor = anchoring.anchor(fr.la27eregion.journal.control.Journal.SYSTEM);
            LOG.info(() -> "Journal anchor of " + today + ": entry " + anchor.seq() + ", time stamp "
                    + anchor.status() + (anchor.tsaProblem() == null ? "" : " (" + anchor.tsaProblem() + ")"));
            return Optional.of(anchor);
        });
    }
}
