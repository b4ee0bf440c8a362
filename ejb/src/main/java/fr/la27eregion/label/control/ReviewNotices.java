package fr.la27eregion.label.control;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.label.entity.Assessment;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/**
 * Who is told of the review's steps, in the step's transaction (mails in the outbox, which leave after commit): a
 * reviewer of their assignment (a mail to their account's address; the mail names the project and the campaign,
 * never the applicant, so a blind programme stays blind), the secretariat of a recusal (a mail to
 * {@code labels.secretariat-email}, when set: it has a replacement to assign). The texts are
 * {@code assessment.<act>.subject} and {@code .body} of the notification bundle, with the arguments {0} project
 * title, {1} campaign code, {2} the due date or the reason, {3} the application's page (the secretariat's).
 */
@Dependent
public class ReviewNotices {

    /** The mail to a reviewer of a new assignment. */
    public static final String ASSIGNED = AssessmentTransitions.NAME + ".assign";
    /** The mail to the secretariat of a recusal. */
    public static final String RECUSED = AssessmentTransitions.NAME + ".recuse";
    /** The reminder to a reviewer whose assessment is due within {@code labels.review-reminder-days}. */
    public static final String DUE_SOON = AssessmentTransitions.NAME + ".due-reminder";
    /** The reminder to a reviewer whose assessment is overdue. */
    public static final String OVERDUE = AssessmentTransitions.NAME + ".overdue-reminder";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private LabelSettings settings;

    @Inject
    private Clock clock;

    /** Tells the reviewer they are assigned, and by when their assessment is due. */
    public void tellReviewer(Assessment assessment) {
        remindReviewer(assessment, ASSIGNED);
    }

    /**
     * Writes the reviewer of an assessment about it ({@code key}: {@link #ASSIGNED}, or the daily job's reminders
     * {@link #DUE_SOON} and {@link #OVERDUE}), with its due date; returns whether a mail went out (not to an account without an address).
     */
    public boolean remindReviewer(Assessment assessment, String key) {
        Account reviewer = em.find(Account.class, assessment.reviewerAccountId());
        if (reviewer == null || reviewer.email() == null || reviewer.email().isBlank()) {
            return false;
        }
        notifications.mailOnly(new Notifications.Recipient(reviewer.email(), reviewer.language()), key,
                arguments(assessment.application(), assessment.dueOn().map(Clocks.DAY::format).orElse("")),
                clock.instant());
        return true;
    }

    /** Tells the secretariat a reviewer recused themselves, with the conflict they declared. */
    public void tellSecretariatOfRecusal(Assessment assessment) {
        settings.secretariatEmail().ifPresent(address -> notifications.mailOnly(
                new Notifications.Recipient(address, "fr"), RECUSED,
                arguments(assessment.application(), assessment.conflictReason().orElse("")), clock.instant()));
    }

    private List<String> arguments(LabelApplication application, String text) {
        return List.of(application.project().title(), application.campaign().code(), text,
                settings.applicationPage(application.id()));
    }
}
