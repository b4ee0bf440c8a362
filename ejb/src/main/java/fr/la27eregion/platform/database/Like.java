package fr.la27eregion.platform.database;

import java.util.Locale;

/**
 * The pattern of a "contains" search typed by a person, for {@code LOWER(column) LIKE :pattern}: in lower case,
 * with PostgreSQL's wildcards and escape character taken literally (a "50%" search finds "50%", not "50" and
 * anything after).
 */
public final class Like {

    private Like() {
    }

    /** {@code %text%} with {@code \}, {@code %} and {@code _} escaped; {@code %} alone for no text. */
    public static String containing(String text) {
        return "%" + (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
    }
}
