package fr.la27eregion.platform.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The API spells the values of an enumeration by their constant's name ({@code UNDER_REVIEW}, {@code SUSPEND}):
 * the same in every language, in requests and responses. A name that is not one is a 400 that lists the names
 * there are, so the client's developer sees the fix in the answer.
 */
public final class Names {

    private Names() {
    }

    /**
     * The constant named, or null when nothing is given (whether the input is required is the use case's rule).
     *
     * @param field the input that carries the name, for the problem detail ({@code kind}, {@code action})
     * @throws ProblemException 400 naming the field and the allowed names when the name is unknown
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String field) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.badRequest(field, "Unknown " + field + " '" + printable(name)
                    + "'. Expected one of: " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    /** The name as given, short and on one line, to quote it back without echoing a whole payload. */
    private static String printable(String name) {
        String line = name.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
