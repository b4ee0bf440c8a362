package fr.la27eregion.platform.cache;

import fr.la27eregion.journal.control.JournalCommits;
import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;


import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The version of the data the public pages show: the journal's head ({@code journal_head.seq}). Every change a
 * public page or the public API shows (a project made public or edited, a label granted, expired or revoked, a
 * membership activated or lapsed...) writes its journal entry in the transaction that makes it, so the head moves
 * when, and only once, the change is committed, on whichever instance of a cluster made it. Reading it is one row
 * by its key, without a lock (appenders hold the row's lock; a plain read does not wait for them). Other entries
 * (logins, security events) move it too: a page is then rendered again for nothing, never shown stale.
 * On this instance a committed change is seen at once ({@link JournalCommits}); another instance's within
 * {@code public.cache.recheck-millis}.
 */
@ApplicationScoped
public class PublicDataVersion {

    private static final String HEAD = "SELECT seq FROM journal_head";

    /** The head as last read, with this instance's count of journal commits then, and when. */
    private record Known(long version, long commits, long readAt) {
    }

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private JournalCommits commits;

    @Inject
    @ConfigProperty(name = "public.cache.recheck-millis", defaultValue = "1000")
    long recheckMillis;

    private volatile Known known;

    /**
     * The committed head of the journal: read again as soon as this instance committed journal entries since it was
     * last read, and otherwise at most every {@code public.cache.recheck-millis} (the changes of the other instances
     * of a cluster then show within that time), rather than once a request.
     */
    public long current() {
        long committed = commits.count();
        long now = System.nanoTime();
        Known last = known;
        if (last != null && last.commits() == committed
                && now - last.readAt() < TimeUnit.MILLISECONDS.toNanos(recheckMillis)) {
            return last.version();
        }
        // the count is taken before the read: a commit during the read is read again next time
        long version = read();
        known = new Known(version, committed, now);
        return version;
    }

    /** The committed head of the journal now. */
    private long read() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(HEAD);
             ResultSet head = query.executeQuery()) {
            return head.next() ? head.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("The journal's head cannot be read", e);
        }
    }
}
