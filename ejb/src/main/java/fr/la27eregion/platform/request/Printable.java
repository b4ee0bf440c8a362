package fr.la27eregion.platform.request;

/**
 * What a caller typed (a username, an identity provider's error), made safe to write in a log line: printable
 * ASCII and spaces kept, anything else (control characters, line breaks, other scripts, emoji) shown as {@code ?},
 * at most {@value #MAXIMUM} characters. Counted by code points, so a character outside the Basic Multilingual
 * Plane (two {@code char}s) is one {@code ?} and never cut in half.
 */
public final class Printable {

    static final int MAXIMUM = 64;

    private Printable() {
    }

    /** The text as it may be logged; empty for null. */
    public static String of(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(Math.min(typed.length(), MAXIMUM));
        typed.codePoints().limit(MAXIMUM)
                .forEach(c -> shown.appendCodePoint(c == ' ' || (c > ' ' && c < 0x7f) ? c : '?'));
        return shown.toString();
    }
}
