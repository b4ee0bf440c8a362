package fr.la27eregion.project.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.WebAddress;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field checks of a project's details, each refusal naming its field ({@code links[2].url}) and its message key
 * ({@code project.field.*}), so a page writes the message beside that input and the API names it.
 */
final class ProjectFields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ \\-]{3,40}");
    /** Control characters other than tab and line breaks have no place in a text a person typed. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private ProjectFields() {
    }

    static RuleViolation required(String field) {
        return new RuleViolation(field, "project.field.required", field + " is required.");
    }

    /** A text of at most {@code max} characters (after trimming), without control characters. */
    static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw required(field);
            }
            return;
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "project.field.tooLong", field + " has at most " + max + " characters.",
                    max);
        }
        if (CONTROL.matcher(value).find()) {
            throw new RuleViolation(field, "project.field.control", field + " contains invisible control characters.");
        }
    }

    static void email(String field, String value) {
        text(field, value, Project.MAX_CONTACT_EMAIL, false);
        if (value != null && !value.isBlank() && !EMAIL.matcher(value.strip()).matches()) {
            throw new RuleViolation(field, "project.field.email",
                    field + " is not an e-mail address (name@example.fr).");
        }
    }

    static void phone(String field, String value) {
        text(field, value, Project.MAX_CONTACT_PHONE, false);
        if (value != null && !value.isBlank() && !PHONE.matcher(value.strip()).matches()) {
            throw new RuleViolation(field, "project.field.phone",
                    field + " is not a telephone number (digits, spaces, + . - ( ) /).");
        }
    }

    /** An http(s) address with a host: no {@code javascript:}, {@code data:} or relative address reaches a page. */
    static void webAddress(String field, String value, int max) {
        text(field, value, max, true);
        if (!WebAddress.isWebAddress(value)) {
            throw new RuleViolation(field, "project.field.url",
                    field + " is not a web address (https://www.example.fr).");
        }
    }

    /** An ISO 3166-1 alpha-2 country code, in either case. */
    static void country(String field, String value) {
        if (value == null || value.isBlank()) {
            throw required(field);
        }
        if (!COUNTRIES.contains(value.strip().toUpperCase(Locale.ROOT))) {
            throw new RuleViolation(field, "project.field.country",
                    field + " is not a country code (ISO 3166-1, two letters: FR, DE, ES).");
        }
    }

    /** An amount in euros: not negative, at most what the column holds, cents at most. */
    static void euros(String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            throw new RuleViolation(field, "project.field.negative", field + " is not negative.");
        }
        if (value.compareTo(Project.MAX_BUDGET) > 0) {
            throw new RuleViolation(field, "project.field.tooLarge", field + " is at most " + Project.MAX_BUDGET + ".",
                    Project.MAX_BUDGET);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation(field, "project.field.cents", field + " has at most two decimals (cents).");
        }
    }

    static void count(String field, int size, int max) {
        if (size > max) {
            throw new RuleViolation(field, "project.field.tooMany", field + " has at most " + max + " entries.", max);
        }
    }

    /** The text without spaces around it, or null when there is none. */
    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
