package fr.la27eregion.label.web;

import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Whether a due date has passed, by the platform's clock (the injectable {@link Clock}, moved by the tests), for
 * the reviewer's views: request-scoped so that the view-scoped beans hold a serializable proxy of it rather than
 * the clock itself, which is not serializable.
 */
@RequestScoped
public class DueDates {

    @Inject
    private Clock clock;

    /** Whether the day is before today in France. */
    public boolean passed(LocalDate day) {
        return day != null && day.isBefore(Clocks.today(clock));
    }
}
