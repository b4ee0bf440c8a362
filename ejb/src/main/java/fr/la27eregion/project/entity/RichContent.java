package fr.la27eregion.project.entity;

import java.util.Objects;

/**
 * A rich text as a project keeps it: the HTML the server's sanitiser let through ({@code project.control.RichText}),
 * and its plain text, which the search reads.
 */
public record RichContent(String html, String text) {

    /** No text. */
    public static final RichContent EMPTY = new RichContent("", "");

    public RichContent {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }
}
