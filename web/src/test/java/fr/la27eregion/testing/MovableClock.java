package fr.la27eregion.testing;

import fr.la27eregion.platform.time.Clocks;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test-only: the platform's clock, moved by an offset the tests set ({@link PlatformDriverServlet}), so that a
 * membership's period ends or a mail's retry comes due without waiting. It replaces {@link Clocks}' producer as an
 * alternative of higher priority, in the shared test server's deployment ({@link TestServer}) only. Time still
 * runs: the offset is added to the system's time. The offset is the whole server's, for every test after: a test
 * that moves it moves it back to zero after it ran ({@code @AfterEach}).
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class MovableClock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    @Produces
    @Alternative
    Clock clock() {
        return new Moved(ZoneOffset.UTC);
    }

    /** Moves the platform's time by {@code offset} from now (zero: the real time). */
    public static void moveBy(Duration offset) {
        OFFSET.set(offset);
    }

    /** Moves the platform's time to noon in France on {@code day}. */
    public static void moveTo(LocalDate day) {
        moveBy(Duration.between(Instant.now(), day.atTime(LocalTime.NOON).atZone(Clocks.FRANCE).toInstant()));
    }

    public static Duration offset() {
        return OFFSET.get();
    }

    private static final class Moved extends Clock {

        private final ZoneId zone;

        Moved(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Moved(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(OFFSET.get());
        }
    }
}
