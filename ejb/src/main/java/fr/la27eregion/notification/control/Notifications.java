package fr.la27eregion.notification.control;

import fr.la27eregion.notification.entity.Notification;
import fr.la27eregion.notification.entity.OutgoingMail;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Writes what an organisation is told about a decision, in the decision's transaction: one entry of its in-app
 * list, and one mail per recipient in the recipient's language (French unless they chose English), put in the
 * outbox. The mail leaves after commit ({@link MailQueued}); a rolled-back decision leaves neither.
 *
 * <p>The texts are in {@code fr/la27eregion/notification/mail*.properties}: {@code <key>.subject} and
 * {@code <key>.body}, the subject being also the line of the in-app list.
 */
@Dependent
public class Notifications {

    static final String BUNDLE = "fr.la27eregion.notification.mail";

    /** Someone to write to, in their language ({@code fr} or {@code en}). */
    public record Recipient(String email, String language) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<MailQueued> queued;

    /**
     * Tells an organisation: adds the in-app entry and queues one mail per recipient.
     *
     * @param key       the message ({@code membership.approve}), with {@code .subject} and {@code .body} in the bundle
     * @param arguments the message's arguments, in order
     */
    public void tell(long organisationId, List<Recipient> recipients, String key, List<String> arguments, Instant now) {
        em.persist(new Notification(organisationId, now, key, arguments));
        List<OutgoingMail> mails = new ArrayList<>();
        for (Recipient recipient : recipients) {
            mails.add(mail(recipient, key, arguments, now));
        }
        queue(mails);
    }

    /**
     * Writes one person a mail with no entry in an organisation's in-app list: for someone who is no organisation's
     * (the secretariat told of an applicant's message).
     */
    public void mailOnly(Recipient recipient, String key, List<String> arguments, Instant now) {
        queue(List.of(mail(recipient, key, arguments, now)));
    }

    /**
     * Writes one person a mail that holds a secret working until {@code secretUntil} (a one-time link), with no
     * entry in an in-app list: the outbox erases it once sent and drops it unsent once expired.
     */
    public void tellSecret(Recipient recipient, String key, List<String> arguments, Instant now, Instant secretUntil) {
        queue(List.of(mail(recipient, key, arguments, now).holdingSecretUntil(secretUntil)));
    }

    private static OutgoingMail mail(Recipient recipient, String key, List<String> arguments, Instant now) {
        Locale locale = "en".equals(recipient.language()) ? Locale.ENGLISH : Locale.FRENCH;
        return new OutgoingMail(recipient.email(), text(key + ".subject", locale, arguments),
                text(key + ".body", locale, arguments) + text("signature", locale, List.of()), now);
    }

    /** Puts the mails in the outbox; the sender takes them after commit. */
    private void queue(List<OutgoingMail> mails) {
        if (mails.isEmpty()) {
            return;
        }
        mails.forEach(em::persist);
        em.flush();
        queued.fire(new MailQueued(mails.stream().map(OutgoingMail::getId).toList()));
    }

    /** A message of the bundle in a language, its arguments filled in. */
    public static String text(String key, Locale locale, List<String> arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Notifications.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments.toArray());
    }
}
