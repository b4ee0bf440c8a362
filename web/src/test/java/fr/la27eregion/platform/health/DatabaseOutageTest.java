package fr.la27eregion.platform.health;

import jakarta.resource.spi.ResourceAllocationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures say the database is away (an outage: 503 at once), and which are a request's own (not one). */
class DatabaseOutageTest {

    private static Throwable wrapped(String sqlState) {
        // as the pool and EclipseLink wrap PostgreSQL's exception: the state is on the innermost one
        SQLException driver = new SQLException("FATAL", sqlState);
        SQLException pool = new SQLException("Error in allocating a connection", null, driver);
        return new IllegalStateException("Exception [EclipseLink-4002]", pool);
    }

    @Test
    void connectionsThatCannotBeMadeOrBrokeAndAServerShuttingDownAreAnOutage() {
        assertThat(DatabaseOutage.unreachable(wrapped("08001"))).as("connection refused").isTrue();
        assertThat(DatabaseOutage.unreachable(wrapped("08006"))).as("connection failure").isTrue();
        assertThat(DatabaseOutage.unreachable(wrapped("57P01"))).as("terminating: administrator command").isTrue();
        assertThat(DatabaseOutage.unreachable(wrapped("57P03"))).as("the database system is shutting down").isTrue();
        // a broken pooled connection whose transaction could not start: the pool keeps only the message
        assertThat(DatabaseOutage.unreachable(new IllegalStateException(new SQLException(
                "Error in allocating a connection", null, new ResourceAllocationException(
                "Got exception during XAResource.start"))))).as("the pool could not allocate").isTrue();
    }

    @Test
    void aRequestsOwnFailureIsNoOutage() {
        assertThat(DatabaseOutage.unreachable(wrapped("57014"))).as("a cancelled query").isFalse();
        assertThat(DatabaseOutage.unreachable(wrapped("23505"))).as("a unique key").isFalse();
        assertThat(DatabaseOutage.unreachable(wrapped(null))).isFalse();
        assertThat(DatabaseOutage.unreachable(new IllegalArgumentException("no SQL"))).isFalse();
    }
}
