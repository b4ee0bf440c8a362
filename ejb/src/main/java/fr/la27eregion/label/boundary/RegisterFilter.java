package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the public register of labels is narrowed to: a programme (its code), a year of award, a region (the code of
 * the holder organisation's territory, {@code FR-53}) and a state, each optional, all combined. Read from and written
 * to an address's parameters ({@code programme}, {@code year}, {@code region}, {@code state}), so the register page
 * and the API take the same filters and a filtered register can be bookmarked. A malformed value is refused with a
 * {@link RuleViolation} naming its parameter, never guessed away; a well-formed code that names nothing finds
 * nothing.
 *
 * <p>The state is the label's state as the public sees it on the day ({@link LabelRegister}): an {@code ACTIVE} or
 * {@code SUSPENDED} label past its validity is {@code EXPIRED} even before the daily job records it.
 */
public record RegisterFilter(String programme, Integer year, String region, LabelState state)
        implements Serializable {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 9999;
    /** The names of the parameters, in the order an address writes them. */
    public static final List<String> PARAMETERS = List.of("programme", "year", "region", "state");

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");
    private static final Pattern TERRITORY = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** Normalises the codes (trimmed; a programme's in capitals) and checks them. */
    public RegisterFilter {
        programme = programme == null || programme.isBlank() ? null : programme.strip().toUpperCase(Locale.ROOT);
        region = region == null || region.isBlank() ? null : region.strip();
        if (programme != null && !CODE.matcher(programme).matches()) {
            throw new RuleViolation("programme", "labels.register.badProgramme", "Not a programme: " + programme,
                    programme);
        }
        if (region != null && !TERRITORY.matcher(region).matches()) {
            throw new RuleViolation("region", "labels.register.badRegion", "Not a region: " + region, region);
        }
        if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
            throw new RuleViolation("year", "labels.register.badYear", "The year must be between " + MIN_YEAR
                    + " and " + MAX_YEAR, MIN_YEAR, MAX_YEAR);
        }
    }

    /** The whole register. */
    public static RegisterFilter none() {
        return new RegisterFilter(null, null, null, null);
    }

    /**
     * Reads the filter from an address's parameters (a name with its values, as a servlet or JAX-RS gives them;
     * the first value of each counts, blank is absent).
     *
     * @throws RuleViolation naming the parameter: a year that is not a number, an unknown state, a malformed code
     */
    public static RegisterFilter parse(Map<String, List<String>> parameters) {
        String year = first(parameters, "year");
        String state = first(parameters, "state");
        Integer parsedYear = null;
        if (year != null) {
            try {
                parsedYear = Integer.valueOf(year);
            } catch (NumberFormatException notANumber) {
                throw new RuleViolation("year", "labels.register.yearNotANumber", "The year is not a number: "
                        + year, year);
            }
        }
        LabelState parsedState = null;
        if (state != null) {
            try {
                parsedState = LabelState.valueOf(state.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new RuleViolation("state", "labels.register.badState", "Not a label state: " + state
                        + " (ACTIVE, EXPIRED, SUSPENDED, REVOKED or RENEWED)", state);
            }
        }
        return new RegisterFilter(first(parameters, "programme"), parsedYear, first(parameters, "region"),
                parsedState);
    }

    /** The filter as an address's parameters, the absent ones left out. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (programme != null) {
            parameters.put("programme", programme);
        }
        if (year != null) {
            parameters.put("year", String.valueOf(year));
        }
        if (region != null) {
            parameters.put("region", region);
        }
        if (state != null) {
            parameters.put("state", state.name());
        }
        return parameters;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }
}
