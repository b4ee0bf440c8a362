package fr.la27eregion.membership.boundary;

import fr.la27eregion.platform.request.CurrentRequest;
import fr.la27eregion.platform.schedule.JobMetrics;
import fr.la27eregion.platform.schedule.JobRuns;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * The daily membership job: at 02:30, Paris time, every instance's timer fires; the one that claims the day in
 * PostgreSQL ({@link JobRuns}) lapses the memberships due and sends the reminders due, each in its own
 * transaction. The timer is persistent, so a day missed while the server was down runs when it is back.
 */
@Singleton
@PermitAll
public class MembershipSchedule {

    static final String JOB = "membership.daily";

    private static final Logger LOG = Logger.getLogger(MembershipSchedule.class.getName());

    @Inject
    private JobRuns runs;

    @Inject
    private JobMetrics jobs;

    @Inject
    private MembershipDeadlines deadlines;

    @Inject
    private CurrentRequest request;

    @Schedule(hour = "2", minute = "30", timezone = "Europe/Paris", persistent = true, info = JOB)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        run();
    }

    /**
     * Runs the day's job if no instance ran it yet; returns what it did (for the log and the tests). Only from the
     * container's timers: a web caller of any role (or none) is refused, since the job acts for the platform, not
     * for a person, and no page or endpoint has a reason to start it.
     *
     * @throws EJBAccessException when called while an HTTP request is served
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome run() {
        if (CurrentRequest.of(request).isPresent()) {
            throw new EJBAccessException("The daily membership job runs from the container's timer only.");
        }
        LocalDate today = deadlines.today();
        if (!runs.claim(JOB, today)) {
            LOG.info(() -> "Membership job of " + today + ": already run (claimed in job_run).");
            return new Outcome(today, false, 0, 0);
        }
        return jobs.measure(JOB, () -> work(today));
    }

    private Outcome work(LocalDate today) {
        int lapsed = 0;
        for (Long id : deadlines.dueToLapse(today)) {
            lapsed += deadlines.lapse(id, today) ? 1 : 0;
        }
        int reminded = 0;
        for (Long id : deadlines.dueForReminder(today)) {
            reminded += deadlines.remind(id, today) ? 1 : 0;
        }
        Outcome outcome = new Outcome(today, true, lapsed, reminded);
        LOG.info(() -> "Membership job of " + today + ": " + outcome.lapsed() + " lapsed, " + outcome.reminded()
                + " reminded.");
        return outcome;
    }

    /** What a run did. */
    public record Outcome(LocalDate day, boolean ran, int lapsed, int reminded) implements java.io.Serializable {
    }
}
