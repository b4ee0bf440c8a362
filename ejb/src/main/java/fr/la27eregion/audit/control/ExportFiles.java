package fr.la27eregion.audit.control;

import fr.la27eregion.platform.database.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

import javax.sql.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * An export's file read back: a stream over its large object that holds its own connection and transaction (a
 * large object is read inside one) and gives both back when closed, so the file goes to the client as it is read,
 * outside any container transaction, however long the download takes.
 */
@Dependent
public class ExportFiles {

    private static final Logger LOG = Logger.getLogger(ExportFiles.class.getName());

    @Resource(lookup = Migrations.DATA_SOURCE)
    private DataSource dataSource;

    /** The bytes of the large object {@code oid}; the caller closes the stream. Call it outside a transaction. */
    public InputStream open(long oid) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            LargeObject file = connection.unwrap(PGConnection.class).getLargeObjectAPI()
                    .open(oid, LargeObjectManager.READ);
            return new Reading(file, connection);
        } catch (SQLException failed) {
            close(connection);
            throw new IllegalStateException("The export's file " + oid + " could not be opened", failed);
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException failed) {
            LOG.warning(() -> "A connection that read an export could not be given back cleanly: " + failed);
        }
    }

    private static final class Reading extends FilterInputStream {
        private final Connection connection;

        Reading(LargeObject file, Connection connection) throws SQLException {
            // the large object's stream closes the large object when it is closed
            super(file.getInputStream());
            this.connection = connection;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                ExportFiles.close(connection);
            }
        }
    }
}
