package fr.la27eregion.notification.control;

import fr.la27eregion.notification.entity.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * One attempt to send one mail of the outbox, in a short transaction of its own that records how it went
 * ({@link OutgoingMail#sent} or {@link OutgoingMail#failed}, whose backoff decides the next attempt).
 *
 * <p>Why a row lock with {@code SKIP LOCKED}: every instance sends just-queued mail and runs the retry timer, so two
 * senders may reach for the same mail at once. The one that locks the row sends it; the other skips it and takes the
 * next one, and finds it sent (or not due yet) once the first commits. A mail is sent twice only if the server
 * took it and the commit that records it then failed: delivery is at least once.
 */
@ApplicationScoped
public class MailAttempts {

    /** What an attempt did. */
    public enum Attempt {
        SENT, FAILED,
        /** Not sent: its one-time secret expired first; removed from the outbox. */
        DROPPED,
        /** No mail to attempt: none due, or another sender holds it, or it went already. */
        NONE
    }

    private static final Logger LOG = Logger.getLogger(MailAttempts.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailServer server;

    @Inject
    private Clock clock;

    @Inject
    private MetricRegistry metrics;

    /** Sends a mail just queued, unless it was tried already or another sender has it now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt sendQueued(long id) {
        return attempt(em.createNativeQuery("SELECT id FROM outgoing_mail WHERE id = ?1 AND sent_at IS NULL"
                + " AND attempts = 0 FOR UPDATE SKIP LOCKED").setParameter(1, id).getResultList());
    }

    /** Sends the mail due first that no other sender holds; {@link Attempt#NONE} when none is left. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt sendNextDue() {
        return attempt(em.createNativeQuery("SELECT id FROM outgoing_mail WHERE sent_at IS NULL"
                        + " AND next_attempt_at <= CAST(?1 AS timestamp with time zone)"
                        + " ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, clock.instant().toString()).getResultList());
    }

    private Attempt attempt(List<?> locked) {
        if (locked.isEmpty()) {
            return Attempt.NONE;
        }
        long id = ((Number) locked.get(0)).longValue();
        // locked already by the query above: this reads it fresh on the transaction's connection
        OutgoingMail mail = em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!mail.worthSending(now)) {
            em.remove(mail);
            LOG.warning(() -> "Mail " + id + " dropped unsent: the one-time link it held expired at "
                    + mail.getSecretUntil() + " (last error: " + mail.getLastError() + ")");
            return Attempt.DROPPED;
        }
        try {
            server.transmit(mail, now);
            mail.sent(clock.instant());
            metrics.counter("mail.sent").inc();
            return Attempt.SENT;
        } catch (MessagingException | RuntimeException failure) {
            mail.failed(clock.instant(), describe(failure));
            metrics.counter("mail.failed").inc();
            LOG.warning(() -> "Mail " + id + " not sent (attempt " + mail.getAttempts() + ", next at "
                    + mail.getNextAttemptAt() + "): " + mail.getLastError());
            return Attempt.FAILED;
        }
    }

    /** The failure and its causes in one line (the server's answer is usually in a cause). */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < 1000; cause = cause.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(cause.getMessage()).strip());
        }
        return text.toString();
    }
}
