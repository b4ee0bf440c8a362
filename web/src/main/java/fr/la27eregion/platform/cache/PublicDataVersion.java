package fr.la27eregion.platform.cache;

import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The version of the data the public pages show: the journal's head ({@code journal_head.seq}). Every change a
 * public page or the public API shows (a project made public or edited, a label granted, expired or revoked, a
 * membership activated or lapsed...) writes its journal entry in the transaction that makes it, so the head moves
 * when, and only once, the change is committed, on whichever instance of a cluster made it. Reading it is one row
 * by its key, without a lock (appenders hold the row's lock; a plain read does not wait for them). Other entries
 * (logins, security events) move it too: a page is then rendered again for nothing, never shown stale.
 */
@ApplicationScoped
public class PublicDataVersion {

    private static final String HEAD = "SELECT seq FROM journal_head";

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /** The committed head of the journal now. */
    public long current() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(HEAD);
             ResultSet head = query.executeQuery()) {
            return head.next() ? head.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("The journal's head cannot be read", e);
        }
    }
}
