package fr.la27eregion.notification.boundary;

import fr.la27eregion.notification.control.MailAttempts;
import fr.la27eregion.notification.control.MailAttempts.Attempt;
import fr.la27eregion.notification.control.MailQueued;
import fr.la27eregion.notification.control.MailServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox's mail: at once after the transaction that queued it commits, on a thread of its own so the
 * person who acted does not wait for the mail server; and every two minutes, the mail that is due again after a
 * failure (or that was queued while no server was configured, or while this instance was down). A failed mail
 * never undoes the decision that queued it, which committed first; it is tried again with a growing delay.
 *
 * <p>Every instance does both; {@link MailAttempts} makes sure one mail is sent by one of them. Nobody calls this
 * but the container (and tests): it only sends what is queued or due, whoever asks.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Outbox {

    /** At most this many mails, and this long, per retry pass, so that passes do not pile up. */
    static final int MAX_PER_PASS = 200;
    static final Duration MAX_PASS = Duration.ofSeconds(90);

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @Inject
    private MailServer server;

    @Inject
    private MailAttempts attempts;

    @Resource
    private SessionContext context;

    @PostConstruct
    void describe() {
        LOG.info(() -> "Mail: " + server.describe());
    }

    /** After a commit that queued mail: sends it in the background (no mail server configured: it waits). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        if (server.configured()) {
            context.getBusinessObject(Outbox.class).send(queued.mailIds());
        }
    }

    /** Sends mails just queued, each in its own transaction; one that fails waits for the retry timer. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void send(List<Long> mailIds) {
        for (Long id : mailIds) {
            try {
                attempts.sendQueued(id);
            } catch (RuntimeException failure) {
                // the database, not the mail server (that one is recorded on the mail): the retry timer will see it
                LOG.log(Level.WARNING, "Mail " + id + " could not be attempted now", failure);
            }
        }
    }

    @Schedule(minute = "*/2", hour = "*", persistent = false, info = "mail.retry")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retry() {
        try {
            sendDue();
        } catch (RuntimeException failure) {
            // the database is down, most likely: one line every two minutes, not a stack trace
            LOG.warning(() -> "Mail retry pass failed (" + failure + "); next pass in two minutes");
        }
    }

    /**
     * Sends the mail that is due (never sent, its next attempt's time come), one transaction each, until none is
     * left or the pass has used its share. Returns how many went.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendDue() {
        if (!server.configured()) {
            return 0;
        }
        long deadline = System.nanoTime() + MAX_PASS.toNanos();
        int sent = 0;
        for (int i = 0; i < MAX_PER_PASS && System.nanoTime() < deadline; i++) {
            Attempt attempt = attempts.sendNextDue();
            if (attempt == Attempt.NONE) {
                break;
            }
            sent += attempt == Attempt.SENT ? 1 : 0;
        }
        return sent;
    }
}
