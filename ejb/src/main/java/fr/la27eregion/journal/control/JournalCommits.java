package fr.la27eregion.journal.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the transactions of this instance that committed journal entries: the journal's head moved here at each.
 * Those who keep something computed from the head (the public answers, {@code platform.cache.PublicDataVersion})
 * read the head again when the count moves, and only every so often otherwise (for the other instances' changes),
 * instead of once a request. Counted once a transaction, after it commits, whatever the number of its entries.
 */
@ApplicationScoped
public class JournalCommits {

    /** The key by which a transaction is counted once. */
    private static final Object COUNTED = JournalCommits.class;

    private final AtomicLong committed = new AtomicLong();

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The caller's transaction appends to the journal: it will be counted if, and when, it commits. */
    void appending() {
        if (transactions.getResource(COUNTED) != null) {
            return;
        }
        transactions.putResource(COUNTED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: only a commit counts
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.incrementAndGet();
                }
            }
        });
    }

    /** How many transactions with journal entries this instance committed since it started. */
    public long count() {
        return committed.get();
    }
}
