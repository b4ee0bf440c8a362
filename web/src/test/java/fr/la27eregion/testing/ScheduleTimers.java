package fr.la27eregion.testing;

import fr.la27eregion.journal.boundary.JournalSchedule;
import fr.la27eregion.label.boundary.LabelSchedule;
import fr.la27eregion.membership.boundary.MembershipSchedule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only: runs the daily membership job (or the labels' one, or the journal's anchor) the way its own timer does, from an EJB timer of the container (no HTTP
 * request, nobody logged in: the journal's actor is {@code system}), now rather than at 02:30; and lists the
 * module's timers.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScheduleTimers {

    @Resource
    private TimerService timers;

    @Inject
    private MembershipSchedule schedule;

    @Inject
    private LabelSchedule labels;

    @Inject
    private JournalSchedule anchors;

    /** The membership's daily job. */
    public static final String MEMBERSHIP = "membership.daily";
    /** The labels' daily job. */
    public static final String LABELS = "labels.daily";
    /** The journal's daily anchor. */
    public static final String ANCHOR = "journal.anchor";

    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    /** Starts {@code count} single-action timers at once, each running the membership job; returns their tags. */
    public List<String> fire(int count) {
        return fire(count, MEMBERSHIP);
    }

    /** Starts {@code count} single-action timers at once, each running this job ({@link #LABELS}...). */
    public List<String> fire(int count, String job) {
        List<String> tags = new ArrayList<>();
        String run = "test." + job + "." + System.nanoTime();
        for (int i = 0; i < count; i++) {
            tags.add(run + "." + i);
        }
        tags.forEach(tag -> timers.createSingleActionTimer(1, new TimerConfig(tag, false)));
        return tags;
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void timeout(Timer timer) {
        String tag = String.valueOf(timer.getInfo());
        try {
            if (tag.startsWith("test." + ANCHOR + ".")) {
                outcomes.put(tag, anchors.run().map(anchor -> "ran=true anchor=" + anchor.id() + " seq="
                        + anchor.seq() + " status=" + anchor.status()).orElse("ran=false"));
                return;
            }
            if (tag.startsWith("test." + LABELS + ".")) {
                LabelSchedule.Outcome outcome = labels.run();
                outcomes.put(tag, "ran=" + outcome.ran() + " expired=" + outcome.expired() + " renewalReminders="
                        + outcome.renewalReminders() + " closingReminders=" + outcome.closingReminders()
                        + " reviewReminders=" + outcome.reviewReminders() + " day=" + outcome.day());
                return;
            }
            MembershipSchedule.Outcome outcome = schedule.run();
            outcomes.put(tag, "ran=" + outcome.ran() + " lapsed=" + outcome.lapsed() + " reminded="
                    + outcome.reminded() + " day=" + outcome.day());
        } catch (RuntimeException failure) {
            outcomes.put(tag, "failed=" + failure);
        }
    }

    /** What the run of a tag did, once it finished. */
    public Optional<String> outcome(String tag) {
        return Optional.ofNullable(outcomes.get(tag));
    }

    /** Every timer of the module: {@code info persistent=… hour:minute}. */
    public List<String> all() {
        List<String> found = new ArrayList<>();
        for (Timer timer : timers.getAllTimers()) {
            String schedule = "";
            if (timer.isCalendarTimer()) {
                ScheduleExpression expression = timer.getSchedule();
                schedule = " " + expression.getHour() + ":" + expression.getMinute();
            }
            found.add(timer.getInfo() + " persistent=" + timer.isPersistent() + schedule);
        }
        return found;
    }
}
