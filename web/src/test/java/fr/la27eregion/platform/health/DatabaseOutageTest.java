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

    /** An outage as the decision sees it: whether the database answers is given; the beginning is recorded. */
    private static final class Probed extends DatabaseOutage {
        private final boolean answering;
        private int begun;

        Probed(boolean answering) {
            this.answering = answering;
        }

        @Override
        boolean answers() {
            return answering;
        }

        @Override
        public synchronized void began() {
            begun++;
        }
    }

    @Test
    void aFailureOfAnyShapeWhileTheDatabaseDoesNotAnswerIsAnOutage() {
        // a commit on a connection the restart closed, as the transaction manager may report it: no SQL state chained
        Throwable bare = new IllegalStateException("Transaction aborted", new RuntimeException("rolled back"));
        Probed away = new Probed(false);
        assertThat(away.explains(bare)).isTrue();
        assertThat(away.begun).as("the outage begins").isEqualTo(1);

        Probed there = new Probed(true);
        assertThat(there.explains(bare)).as("a bug, the database answering: a 500").isFalse();
        assertThat(there.begun).isZero();
        assertThat(there.explains(wrapped("08006"))).as("a failure that says so itself").isTrue();
        assertThat(there.begun).isEqualTo(1);
    }
}
