package fr.la27eregion.label.boundary;

import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.label.control.ApplicationTransitions;
import fr.la27eregion.label.control.AssessmentTransitions;
import fr.la27eregion.label.control.HolderNotices;
import fr.la27eregion.label.control.LabelNotices;
import fr.la27eregion.label.control.LabelSettings;
import fr.la27eregion.label.control.LabelTransitions;
import fr.la27eregion.label.control.ReviewNotices;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelAction;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.LabelInputs;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.Transitions;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels' deadlines, one transaction per record (one failure does not stop the others), run by
 * {@link LabelSchedule}: expiring the labels past their validity (active and suspended ones: a suspension does not
 * extend it), reminding holders to apply for a renewal {@code labels.renewal-reminder-days} before the end,
 * reminding the organisations with drafts {@code labels.closing-reminder-days} before a campaign closes, and
 * reminding reviewers of assessments due within {@code labels.review-reminder-days}, then once overdue.
 *
 * <p>Each reminder goes once: it is claimed in its row ({@code V21__label_reminders.sql}: an {@code UPDATE} that
 * only a row not yet reminded for this date passes) in the transaction that writes the mail and the journal entry,
 * so a second run, or another instance, sends nothing. Open to every caller because it only does what is due;
 * acting as the table's {@code SYSTEM}, it is journaled as {@code system}.
 */
@Stateless
@PermitAll
public class LabelDeadlines {

    /** The journal's word for a renewal reminder, on the label's timeline. */
    public static final String RENEWAL_REMINDER = HolderNotices.RENEWAL_REMINDER;
    /** The notice and journal word of a closing reminder, on each draft application's timeline. */
    public static final String CLOSING_REMINDER = ApplicationTransitions.NAME + ".closing-reminder";

    /** Applications the closing reminder is about: the ones the applicant still has to send. */
    private static final Set<ApplicationState> UNSENT = Set.of(ApplicationState.DRAFT,
            ApplicationState.CHANGES_REQUESTED);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private LabelTransitions labels;

    @Inject
    private AssessmentTransitions assessments;

    @Inject
    private HolderNotices holders;

    @Inject
    private LabelNotices applicants;

    @Inject
    private ReviewNotices reviewers;

    @Inject
    private Journal journal;

    @Inject
    private LabelSettings settings;

    @Inject
    private Clock clock;

    /** Today in France, by the platform's clock. */
    public LocalDate today() {
        return Clocks.today(clock);
    }

    /** The ids of the active and suspended labels whose validity ended before {@code today}. */
    public List<Long> dueToExpire(LocalDate today) {
        return em.createQuery("SELECT l.id FROM Label l WHERE l.state IN :states AND l.validUntil < :today"
                        + " ORDER BY l.id", Long.class)
                .setParameter("states", Set.of(LabelState.ACTIVE, LabelState.SUSPENDED))
                .setParameter("today", today).getResultList();
    }

    /** Expires the label if it is due; returns whether it expired. */
    public boolean expire(long id, LocalDate today) {
        Label label = em.find(Label.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (label == null || !(label.state() == LabelState.ACTIVE || label.state() == LabelState.SUSPENDED)
                || !label.validUntil().isBefore(today)) {
            return false;
        }
        transitions.apply(labels, label, null, LabelAction.EXPIRE, Set.of(Actor.SYSTEM), LabelInputs.NONE);
        return true;
    }

    /**
     * The ids of the active labels of renewable programmes whose validity ends within the reminder's days, not yet
     * reminded, with no renewal under way.
     */
    @SuppressWarnings("unchecked")
    public List<Long> dueForRenewalReminder(LocalDate today) {
        List<Number> ids = em.createNativeQuery("SELECT l.id FROM label l JOIN label_programme p"
                        + " ON p.id = l.programme_id WHERE l.state = 'ACTIVE' AND p.renewable"
                        + " AND l.valid_until >= CAST(?1 AS date) AND l.valid_until <= CAST(?2 AS date)"
                        + " AND l.renewal_reminded_on IS NULL AND NOT EXISTS (SELECT 1 FROM label_application a"
                        + " WHERE a.renewal_of_label_id = l.id AND a.state NOT IN ('WITHDRAWN', 'REJECTED',"
                        + " 'INELIGIBLE')) ORDER BY l.id")
                .setParameter(1, today.toString())
                .setParameter(2, today.plusDays(settings.renewalReminderDays()).toString()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Reminds the holder to apply for the label's renewal, once; returns whether the reminder went out. */
    public boolean remindRenewal(long id, LocalDate today) {
        int claimed = em.createNativeQuery("UPDATE label SET renewal_reminded_on = CAST(?1 AS date) WHERE id = ?2"
                        + " AND renewal_reminded_on IS NULL AND state = 'ACTIVE'")
                .setParameter(1, today.toString()).setParameter(2, id).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        Label label = em.find(Label.class, id);
        holders.tell(label, RENEWAL_REMINDER, Clocks.DAY.format(label.validUntil()));
        journal.append(label.subject(), RENEWAL_REMINDER, Label.JOURNAL_TYPE, String.valueOf(id),
                label.state().name(), label.state().name(), null, Map.of("validUntil", label.validUntil().toString(),
                        "certificateNumber", label.certificateNumber()));
        return true;
    }

    /** The ids of the campaigns closing within the reminder's days and not reminded of this closing yet. */
    @SuppressWarnings("unchecked")
    public List<Long> closingSoon(Instant now) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM campaign WHERE closes_at > ?1 AND closes_at <= ?2"
                        + " AND closing_reminded_for IS DISTINCT FROM closes_at ORDER BY id")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, Timestamp.from(now.plus(settings.closingReminderDays(), ChronoUnit.DAYS)))
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Reminds the organisations whose applications to the campaign are not sent yet (drafts, changes requested)
     * that it closes soon, once per closing date; returns how many applications were reminded of.
     */
    public int remindClosing(long campaignId, Instant now) {
        int claimed = em.createNativeQuery("UPDATE campaign SET closing_reminded_for = closes_at WHERE id = ?1"
                        + " AND closes_at > ?2 AND closing_reminded_for IS DISTINCT FROM closes_at")
                .setParameter(1, campaignId).setParameter(2, Timestamp.from(now)).executeUpdate();
        if (claimed != 1) {
            return 0;
        }
        Campaign campaign = em.find(Campaign.class, campaignId);
        String closes = Clocks.DAY.format(campaign.closesAt().atZone(Clocks.FRANCE).toLocalDate());
        List<LabelApplication> unsent = em.createQuery("SELECT a FROM LabelApplication a"
                        + " WHERE a.campaign.id = :campaign AND a.state IN :states ORDER BY a.id", LabelApplication.class)
                .setParameter("campaign", campaignId).setParameter("states", UNSENT).getResultList();
        for (LabelApplication application : unsent) {
            applicants.tellApplicant(application, CLOSING_REMINDER, closes);
            Map<String, Object> details = ApplicationTransitions.describe(application);
            details.put("closesAt", campaign.closesAt().toString());
            journal.append(application.subject(), CLOSING_REMINDER, LabelApplication.JOURNAL_TYPE,
                    String.valueOf(application.id()), application.state().name(), application.state().name(), null,
                    details);
        }
        return unsent.size();
    }

    /**
     * The ids of the assessments still assigned that are due within the reminder's days and were not reminded of
     * it, or overdue and not reminded of that.
     */
    @SuppressWarnings("unchecked")
    public List<Long> reviewsToRemind(LocalDate today) {
        List<Number> ids = em.createNativeQuery("SELECT id FROM assessment WHERE state = 'ASSIGNED'"
                        + " AND due_on <= CAST(?1 AS date) AND ((due_on >= CAST(?2 AS date)"
                        + " AND due_reminded_for IS DISTINCT FROM due_on) OR (due_on < CAST(?2 AS date)"
                        + " AND overdue_reminded_for IS DISTINCT FROM due_on)) ORDER BY id")
                .setParameter(1, today.plusDays(settings.reviewReminderDays()).toString())
                .setParameter(2, today.toString()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Reminds the reviewer of an assessment due soon, or overdue, once for each and each due date; returns whether
     * a reminder went out.
     */
    public boolean remindReviewer(long id, LocalDate today) {
        Assessment assessment = em.find(Assessment.class, id);
        if (assessment == null || assessment.dueOn().isEmpty()) {
            return false;
        }
        boolean overdue = assessment.dueOn().get().isBefore(today);
        String column = overdue ? "overdue_reminded_for" : "due_reminded_for";
        int claimed = em.createNativeQuery("UPDATE assessment SET " + column + " = due_on WHERE id = ?1"
                        + " AND state = 'ASSIGNED' AND due_on IS NOT NULL AND " + column + " IS DISTINCT FROM due_on")
                .setParameter(1, id).executeUpdate();
        if (claimed != 1) {
            return false;
        }
        String key = overdue ? ReviewNotices.OVERDUE : ReviewNotices.DUE_SOON;
        reviewers.remindReviewer(assessment, key);
        journal.append(assessment.application().subject(), key, Assessment.JOURNAL_TYPE, String.valueOf(id),
                assessment.state().name(), assessment.state().name(), null, assessments.details(assessment));
        return true;
    }
}
