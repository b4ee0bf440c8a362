package fr.la27eregion.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The clock of the use cases and scheduled jobs: the system's, in UTC. Tests replace it with an alternative of
 * higher priority to move time (a membership's period ending, a grace period passing) without waiting.
 * Days are those of France: a period ends at midnight in Paris, not in UTC.
 */
@ApplicationScoped
public class Clocks {

    /** The time zone in which dates (periods, due days) are counted and times are shown (DESIGN §4). */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A day as mails and notifications write it, in both languages: {@code 31/12/2026}. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Today in France by this clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), FRANCE);
    }
}
