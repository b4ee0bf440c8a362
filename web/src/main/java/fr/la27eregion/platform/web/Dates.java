package fr.la27eregion.platform.web;

import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and times as a reader in France reads them: times are stored in UTC and shown in Europe/Paris (DESIGN
 * §4), in the reader's language ({@code format.date}, {@code format.dateTime} of the bundle). For pages:
 * {@code #{dates.dateTime(entry.at())}}, and {@code #{dates.iso(...)}} for the {@code datetime} of a
 * {@code <time>} element.
 */
@Named
@RequestScoped
public class Dates {

    private DateTimeFormatter date;
    private DateTimeFormatter dateTime;

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        if (dateTime == null) {
            dateTime = formatter("format.dateTime");
        }
        return dateTime.format(instant.atZone(Clocks.FRANCE));
    }

    public String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        if (date == null) {
            date = formatter("format.date");
        }
        return date.format(day);
    }

    /** The instant in ISO 8601 with the offset of Paris, for machines ({@code <time datetime>}). */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(Clocks.FRANCE).withNano(0));
    }

    private static DateTimeFormatter formatter(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces.getViewRoot().getLocale();
        return DateTimeFormatter.ofPattern(faces.getApplication().getResourceBundle(faces, "msg").getString(key),
                locale);
    }
}
