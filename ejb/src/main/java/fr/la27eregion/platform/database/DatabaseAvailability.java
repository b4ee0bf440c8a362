package fr.la27eregion.platform.database;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.eclipse.persistence.sessions.Session;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets the application deploy while its database is down, so that it can say so (readiness DOWN, one log line,
 * friendly errors) and recover by itself when the database comes back, instead of failing to deploy.
 *
 * <p>Why: at deployment the server asks the JPA provider (EclipseLink) for an entity manager, and EclipseLink
 * opens one connection to "validate that connect will work" ({@code ExternalConnectionPool.startUp}). With the
 * database down, that single check would abort the whole deployment. This customizer answers that first check,
 * and only that one, with a placeholder connection when the database cannot be reached; every later connection
 * comes from the server's pool as usual, so use cases fail cleanly while the database is away and work again as
 * soon as it is back. Registered in {@code persistence.xml} ({@code eclipselink.session.customizer}).
 */
public class DatabaseAvailability implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        // the session's own login, and the logins of its connection pools (copies made before customizing)
        tolerate(session.getDatasourceLogin());
        if (session instanceof ServerSession server) {
            tolerate(server.getReadConnectionPool().getLogin());
            server.getConnectionPools().values().forEach(pool -> tolerate(pool.getLogin()));
        }
    }

    private static void tolerate(Login login) {
        if (login instanceof DatabaseLogin database && !(database.getConnector() instanceof TolerantFirstConnect)) {
            database.setConnector(new TolerantFirstConnect(database.getConnector()));
        }
    }

    /** Delegates every connection to the server's data source, but may excuse the first one at deployment. */
    static final class TolerantFirstConnect implements Connector {

        private static final long serialVersionUID = 1L;

        private final Connector delegate;
        private final AtomicBoolean first = new AtomicBoolean(true);

        TolerantFirstConnect(Connector delegate) {
            this.delegate = delegate;
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            boolean deploying = first.getAndSet(false);
            try {
                return delegate.connect(properties, session);
            } catch (DatabaseException unreachable) {
                if (!deploying) {
                    throw unreachable;
                }
                return placeholder();
            }
        }

        /** A connection that is never used for a query: every call but closing reports the database absent. */
        private static Connection placeholder() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "close", "abort" -> null;
                        case "isClosed" -> Boolean.TRUE;
                        case "isValid" -> Boolean.FALSE;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "placeholder connection (database unreachable at deployment)";
                        default -> throw new SQLTransientConnectionException("The database was unreachable", "08001");
                    });
        }

        @Override
        public Object clone() {
            return new TolerantFirstConnect((Connector) delegate.clone());
        }

        @Override
        public String getConnectionDetails() {
            return delegate.getConnectionDetails();
        }

        @Override
        public void toString(PrintWriter writer) {
            delegate.toString(writer);
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }
}
