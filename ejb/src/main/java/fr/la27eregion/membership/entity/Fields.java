package fr.la27eregion.membership.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.WebAddress;

import java.util.regex.Pattern;

/** The checks shared by the membership's input details: required, length, e-mail, web address. */
final class Fields {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** Control characters other than tab and line breaks have no place in a text a person typed. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private Fields() {
    }

    static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new RuleViolation(field, "membership.field.required", field + " is required.");
            }
            return;
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "membership.field.tooLong",
                    field + " has at most " + max + " characters.", max);
        }
        if (CONTROL.matcher(value).find()) {
            throw new RuleViolation(field, "membership.field.control",
                    field + " contains invisible control characters.");
        }
    }

    static void email(String field, String value) {
        text(field, value, 254, true);
        if (!EMAIL.matcher(value.strip()).matches()) {
            throw new RuleViolation(field, "membership.field.email",
                    field + " is not an e-mail address (name@example.fr).");
        }
    }

    static void website(String field, String value) {
        text(field, value, OrganisationDetails.MAX_WEBSITE, false);
        if (value == null || value.isBlank()) {
            return;
        }
        if (!WebAddress.isWebAddress(value)) {
            throw new RuleViolation(field, "membership.field.website",
                    field + " is not a web address (https://www.example.fr).");
        }
    }
}
