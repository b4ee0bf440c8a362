package fr.la27eregion.label.control;

import fr.la27eregion.label.entity.ApplicationMessage;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.notification.control.Notifications;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * Who is told of an application's steps and messages, in the transaction that makes them (the in-app entry and the
 * mails in the outbox; the mails leave after commit, so a rolled-back step tells no one): the applicant
 * organisation (its in-app list, and a mail to each of its coordinator contacts) of every step and of the
 * secretariat's messages; the secretariat (a mail to {@code labels.secretariat-email}, when set) of the
 * applicant's messages. The texts are {@code <act>.subject} and {@code <act>.body} of the notification bundle,
 * with the arguments {0} project title, {1} campaign code, {2} reason or message, {3} the application's page.
 */
@Dependent
public class LabelNotices {

    /** The notification of a message written on an application. */
    public static final String MESSAGE = ApplicationTransitions.NAME + ".message";
    /** The mail to the secretariat of a message written by the applicant. */
    public static final String MESSAGE_TO_SECRETARIAT = ApplicationTransitions.NAME + ".message-to-secretariat";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Notifications notifications;

    @Inject
    private LabelSettings settings;

    @Inject
    private Clock clock;

    /** Tells the applicant organisation of a step ({@code label-application.submit}...). */
    public void tellApplicant(LabelApplication application, String act) {
        tellApplicant(application, act, application.lastReason());
    }

    /** Tells the other side of a message: the applicant of the secretariat's, the secretariat of the applicant's. */
    public void tellOfMessage(ApplicationMessage message) {
        LabelApplication application = message.application();
        switch (message.authorSide()) {
            case SECRETARIAT -> tellApplicant(application, MESSAGE, message.body());
            case APPLICANT -> settings.secretariatEmail().ifPresent(address -> notifications.mailOnly(
                    new Notifications.Recipient(address, "fr"), MESSAGE_TO_SECRETARIAT,
                    arguments(application, message.body()), clock.instant()));
        }
    }

    /** Tells the applicant organisation with this text as the message's {2} (a reason, a message, a date). */
    public void tellApplicant(LabelApplication application, String key, String text) {
        notifications.tell(application.organisation().id(), coordinators(application.organisation().id()), key,
                arguments(application, text), clock.instant());
    }

    /** The coordinator contacts of an organisation, whom its mails are written to, in their languages. */
    public List<Notifications.Recipient> coordinators(long organisationId) {
        return em.createNamedQuery(Contact.OF_ORGANISATION, Contact.class)
                .setParameter("organisation", organisationId).getResultStream()
                .filter(contact -> contact.networkRole() == NetworkRole.COORDINATOR)
                .sorted(Comparator.comparing(Contact::id))
                .map(contact -> new Notifications.Recipient(contact.email(), contact.language())).toList();
    }

    private List<String> arguments(LabelApplication application, String text) {
        return List.of(application.project().title(), application.campaign().code(), text == null ? "" : text,
                settings.applicationPage(application.id()));
    }
}
