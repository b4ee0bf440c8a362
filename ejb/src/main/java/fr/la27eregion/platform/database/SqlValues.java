package fr.la27eregion.platform.database;

import fr.la27eregion.platform.time.Clocks;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The values of a native query's row as the domain reads them: the JDBC driver answers a timestamp with time zone as a
 * {@link Timestamp} or an {@link OffsetDateTime}, a date as a {@link Date} or a {@link LocalDate}, depending on how
 * the persistence provider asked for it.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** The instant of a timestamp column (null stays null). */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    /** The day of a date column, or the day in France of a timestamp column (null stays null). */
    public static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return LocalDate.ofInstant(instant(value), Clocks.FRANCE);
    }
}
