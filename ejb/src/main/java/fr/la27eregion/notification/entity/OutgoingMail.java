package fr.la27eregion.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A mail to send, written in the transaction that decided it (a transactional outbox): it exists if and only if the
 * decision committed. The sender sends it after commit and, when the mail server fails, tries again later with a
 * growing delay.
 *
 * <p>A mail may hold a secret valid for a while (a one-time link, {@link #holdingSecretUntil}): its body is erased
 * once sent, and it is not sent any more once the secret expired, so the outbox never keeps a working link.
 */
@Entity
@Table(name = "outgoing_mail")
@NamedQuery(name = OutgoingMail.DUE, query = "SELECT m.id FROM OutgoingMail m WHERE m.sentAt IS NULL"
        + " AND m.nextAttemptAt <= :now ORDER BY m.nextAttemptAt, m.id")
public class OutgoingMail implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String DUE = "OutgoingMail.due";

    /**
     * After this many failed attempts a mail has failed for good: its delay has reached its ceiling, and the
     * secretariat sees it (the home's count, {@code /app/admin/mail.xhtml}) to send it again or let it be.
     */
    public static final int FAILED_FOR_GOOD = 10;

    /** After this many failed attempts the delay stops doubling: 2^10 minutes, about 17 hours. */
    private static final int BACKOFF_CAP = 10;

    /**
     * From the identity column's sequence, 50 at a time (it steps by 50, V11): no {@code select lastval()} after
     * each INSERT.
     */
    @Id
    @SequenceGenerator(name = "outgoing_mail_id", sequenceName = "outgoing_mail_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outgoing_mail_id")
    private Long id;

    @Column(nullable = false, length = 254, updatable = false)
    private String recipient;

    @Column(nullable = false, length = 300, updatable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    /** Until when the body's secret works; null for an ordinary mail. */
    @Column(name = "secret_until", updatable = false)
    private Instant secretUntil;

    protected OutgoingMail() {
        // for JPA
    }

    public OutgoingMail(String recipient, String subject, String body, Instant now) {
        this.recipient = recipient;
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** What stays of the body of a mail whose secret was sent or expired. */
    public static final String ERASED = "[erased: it held a one-time secret]";

    /** Marks the body as holding a secret that works until {@code until} (a one-time link); before it is persisted. */
    public OutgoingMail holdingSecretUntil(Instant until) {
        this.secretUntil = until;
        return this;
    }

    /** Whether the mail is still worth sending: not sent, and not holding a secret that expired. */
    public boolean worthSending(Instant now) {
        return sentAt == null && (secretUntil == null || now.isBefore(secretUntil));
    }

    /** The mail went; a secret it held is erased. */
    public void sent(Instant now) {
        attempts++;
        sentAt = now;
        lastError = null;
        if (secretUntil != null) {
            body = ERASED;
        }
    }

    /** A failed attempt: the next one waits 1, 2, 4... minutes, at most 1,024 (about 17 hours, under a day). */
    public void failed(Instant now, String error) {
        attempts++;
        long minutes = Math.min(1L << Math.min(attempts - 1, BACKOFF_CAP), Duration.ofDays(1).toMinutes());
        nextAttemptAt = now.plus(Duration.ofMinutes(minutes));
        lastError = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    /**
     * Sent again from the start, as the secretariat asks for a mail that failed for good: tried at once after the
     * commit, then with the delays of a new mail. The last error stays until an attempt succeeds.
     */
    public void requeue(Instant now) {
        attempts = 0;
        nextAttemptAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSecretUntil() {
        return secretUntil;
    }
}
