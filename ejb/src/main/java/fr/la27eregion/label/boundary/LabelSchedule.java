package fr.la27eregion.label.boundary;

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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.logging.Logger;

/**
 * The daily label job: at 02:45, Paris time (after the membership job), every instance's timer fires; the one that
 * claims the day in PostgreSQL ({@link JobRuns}) expires the labels past their validity, then sends the reminders
 * due (renewal, campaign closing, reviewers), each in its own transaction ({@link LabelDeadlines}). The timer is
 * persistent, so a day missed while the server was down runs when it is back; a reminder missed that day goes the
 * next, since each is "due within N days, not yet sent", not "due exactly in N days".
 */
@Singleton
@PermitAll
public class LabelSchedule {

    public static final String JOB = "labels.daily";

    private static final Logger LOG = Logger.getLogger(LabelSchedule.class.getName());

    @Inject
    private JobRuns runs;

    @Inject
    private JobMetrics jobs;

    @Inject
    private LabelDeadlines deadlines;

    @Inject
    private CurrentRequest request;

    @Inject
    private Clock clock;

    @Schedule(hour = "2", minute = "45", timezone = "Europe/Paris", persistent = true, info = JOB)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        run();
    }

    /**
     * Runs the day's job if no instance ran it yet; returns what it did (for the log and the tests). Only from the
     * container's timers: a web caller of any role (or none) is refused, as for the membership job.
     *
     * @throws EJBAccessException when called while an HTTP request is served
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Outcome run() {
        if (CurrentRequest.of(request).isPresent()) {
            throw new EJBAccessException("The daily label job runs from the container's timer only.");
        }
        LocalDate today = deadlines.today();
        if (!runs.claim(JOB, today)) {
            LOG.info(() -> "Label job of " + today + ": already run (claimed in job_run).");
            return new Outcome(today, false, 0, 0, 0, 0);
        }
        return jobs.measure(JOB, () -> work(today));
    }

    private Outcome work(LocalDate today) {
        int expired = 0;
        for (Long id : deadlines.dueToExpire(today)) {
            expired += deadlines.expire(id, today) ? 1 : 0;
        }
        int renewal = 0;
        for (Long id : deadlines.dueForRenewalReminder(today)) {
            renewal += deadlines.remindRenewal(id, today) ? 1 : 0;
        }
        Instant now = clock.instant();
        int closing = 0;
        for (Long id : deadlines.closingSoon(now)) {
            closing += deadlines.remindClosing(id, now);
        }
        int reviews = 0;
        for (Long id : deadlines.reviewsToRemind(today)) {
            reviews += deadlines.remindReviewer(id, today) ? 1 : 0;
        }
        Outcome outcome = new Outcome(today, true, expired, renewal, closing, reviews);
        LOG.info(() -> "Label job of " + today + ": " + outcome);
        return outcome;
    }

    /**
     * What a run did: labels expired, renewal reminders, applications reminded of their campaign's closing,
     * reviewer reminders.
     */
    public record Outcome(LocalDate day, boolean ran, int expired, int renewalReminders, int closingReminders,
                          int reviewReminders) implements java.io.Serializable {
    }
}
