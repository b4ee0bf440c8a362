package fr.la27eregion.journal.control;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.time.Clocks;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What an auditor asks of the journal: entries of a period, by an actor, of an action, about a record, about an
 * organisation or a programme and their records. Every part is optional (null: any); the parts that are given
 * must all hold. Blank text is no filter (null), text is trimmed. {@link JournalQuery#where} is the one place
 * that says what each part means in SQL.
 *
 * @param from           entries recorded at or after this instant
 * @param to             entries recorded before this instant (exclusive), after {@code from}
 * @param actor          the account that acted, exactly ({@code anonymous}, {@code system} included)
 * @param action         the action, exactly ({@code label-application.submit})
 * @param entityType     the kind of record changed ({@code LabelApplication})
 * @param entityId       its id; needs {@code entityType} (an id alone names no record)
 * @param organisationId the organisation: entries about it and about its records (memberships, contacts,
 *                       projects, label applications, labels)
 * @param programmeId    the label programme: entries about it, its campaigns, their applications and its labels
 * @throws RuleViolation naming the field when a part is wrong
 */
public record JournalFilter(Instant from, Instant to, String actor, String action, String entityType,
                            String entityId, Long organisationId, Long programmeId) {

    /** Longest text a filter compares (longer cannot match anything the platform writes). */
    public static final int MAX_TEXT = 200;

    /** No filter: the whole journal. */
    public static final JournalFilter NONE = new JournalFilter(null, null, null, null, null, null, null, null);

    public JournalFilter {
        actor = text("actor", actor);
        action = text("action", action);
        entityType = text("entityType", entityType);
        entityId = text("entityId", entityId);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RuleViolation("to", "journal.filter.periodOrder",
                    "The end of the period (to) must be after its start (from)");
        }
        if (entityId != null && entityType == null) {
            throw new RuleViolation("entityType", "journal.filter.entityTypeRequired",
                    "An entity id needs its entity type (entityType)");
        }
        positive("organisation", organisationId);
        positive("programme", programmeId);
    }

    /**
     * The filter as a request gives it, in text (a page's parameters, the API's query): {@code from} and
     * {@code to} are a date-time with its offset ({@code 2026-03-01T09:30:00+01:00}, {@code ...Z}) or a day
     * ({@code 2026-03-01}) in France's time, {@code to}'s day included; the organisation and programme are ids.
     *
     * @throws RuleViolation naming the parameter that is not one of these
     */
    public static JournalFilter parse(String from, String to, String actor, String action, String entityType,
                                      String entityId, String organisation, String programme) {
        return new JournalFilter(instant("from", from, false), instant("to", to, true), actor, action, entityType,
                entityId, id("organisation", organisation), id("programme", programme));
    }

    /** Whether no part is given. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT) {
            throw new RuleViolation(field, "journal.filter.tooLong",
                    "The filter " + field + " is longer than " + MAX_TEXT + " characters", MAX_TEXT);
        }
        return trimmed;
    }

    private static Instant instant(String field, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(Clocks.FRANCE).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notATime) {
            throw new RuleViolation(field, "journal.filter.time", "The filter " + field
                    + " must be a day (2026-03-01) or a date-time with its offset (2026-03-01T09:30:00+01:00)");
        }
    }

    private static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new RuleViolation(field, "journal.filter.id", "The filter " + field + " must be a positive number");
        }
    }

    private static void positive(String field, Long id) {
        if (id != null && id <= 0) {
            throw new RuleViolation(field, "journal.filter.id",
                    "The filter " + field + " must be a positive number");
        }
    }
}
