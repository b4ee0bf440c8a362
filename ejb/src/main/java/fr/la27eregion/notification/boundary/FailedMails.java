package fr.la27eregion.notification.boundary;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.notification.control.MailQueued;
import fr.la27eregion.notification.entity.OutgoingMail;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outbox's mail that failed for good ({@link OutgoingMail#FAILED_FOR_GOOD} attempts and still unsent), for the
 * network's secretariat: read a page at a time, and sent again from the start when the cause is mended (a mail
 * server back, a mailbox that was full). Sending again is journaled ({@code mail.requeue}), last in its
 * transaction; the mail's attempts are its version: a mail tried again since the page read it is a stale one.
 */
@Stateless
@RolesAllowed(Role.NETWORK_ADMIN_NAME)
public class FailedMails {

    /** The kind of record the journal names. */
    public static final String ENTITY = "OutgoingMail";

    private static final String FAILED = " FROM OutgoingMail m WHERE m.sentAt IS NULL AND m.attempts >= :failed";

    /** What went wrong, in words a person acts on; read from the error the mail server or the network gave. */
    public enum Problem {
        /** No mail server answered (down, wrong host or port, network). */
        SERVER_UNREACHABLE,
        /** The server answered too slowly. */
        TIMEOUT,
        /** The server refused the platform's login. */
        AUTHENTICATION,
        /** The server refused the recipient's address (unknown, mailbox full, blocked). */
        ADDRESS_REFUSED,
        /** Anything else: the full error is shown as it was. */
        OTHER;

        /** The problem an error text tells of; {@link #OTHER} when it is not recognised. */
        public static Problem of(String error) {
            String text = error == null ? "" : error;
            if (text.contains("AuthenticationFailedException")) {
                return AUTHENTICATION;
            }
            if (text.contains("SendFailedException") || text.contains("Invalid Addresses")
                    || text.contains("AddressException")) {
                return ADDRESS_REFUSED;
            }
            if (text.contains("SocketTimeoutException") || text.contains("timed out")) {
                return TIMEOUT;
            }
            if (text.contains("ConnectException") || text.contains("UnknownHostException")
                    || text.contains("NoRouteToHostException")) {
                return SERVER_UNREACHABLE;
            }
            return OTHER;
        }
    }

    /** One failed mail as the page shows it; {@code attempts} is what {@link #requeue} checks. */
    public record Failed(long id, String recipient, String subject, int attempts, Instant createdAt,
                         Instant nextAttemptAt, String lastError, Problem problem, boolean secretExpired)
            implements Serializable {

        static Failed of(OutgoingMail mail, Instant now) {
            return new Failed(mail.getId(), mail.getRecipient(), mail.getSubject(), mail.getAttempts(),
                    mail.getCreatedAt(), mail.getNextAttemptAt(), mail.getLastError(), Problem.of(mail.getLastError()),
                    !mail.worthSending(now));
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Journal journal;

    @Inject
    private Event<MailQueued> queued;

    /** How many mails failed for good. */
    public long count() {
        return em.createQuery("SELECT count(m)" + FAILED, Long.class)
                .setParameter("failed", OutgoingMail.FAILED_FOR_GOOD).getSingleResult();
    }

    /** A page of them, the oldest first. */
    public List<Failed> page(int first, int size) {
        Instant now = clock.instant();
        return em.createQuery("SELECT m" + FAILED + " ORDER BY m.createdAt, m.id", OutgoingMail.class)
                .setParameter("failed", OutgoingMail.FAILED_FOR_GOOD)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 100)))
                .getResultStream().map(mail -> Failed.of(mail, now)).toList();
    }

    /**
     * Sends the mail again from the start: tried at once after the commit, then with a new mail's delays.
     *
     * @param attempts the attempts the caller saw: another attempt since then makes the request stale
     * @throws RecordNotFound when no such mail is in the outbox (sent meanwhile and removed, or never)
     * @throws StaleRecord    when it was sent or tried again since the caller read it
     * @throws RuleViolation  when its one-time link expired: sending it would send a dead link
     */
    public Failed requeue(long id, int attempts) {
        OutgoingMail mail = em.find(OutgoingMail.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (mail == null) {
            throw new RecordNotFound("No mail " + id + " in the outbox");
        }
        if (mail.getSentAt() != null || mail.getAttempts() != attempts) {
            throw new StaleRecord("Mail " + id + " was sent or tried again since it was read");
        }
        Instant now = clock.instant();
        if (!mail.worthSending(now)) {
            throw new RuleViolation(null, "mail.requeue.expired",
                    "Mail " + id + " held a one-time link that expired: it is not sent again");
        }
        mail.requeue(now);
        em.flush();
        queued.fire(new MailQueued(List.of(mail.getId())));
        journal.append("mail.requeue", ENTITY, String.valueOf(id), "FAILED", "QUEUED", null,
                Map.of("attempts", attempts));
        return Failed.of(mail, now);
    }
}
