package fr.la27eregion.platform.web;

/** Text put into markup the platform writes itself, outside Faces (which escapes on its own). */
public final class Markup {

    private Markup() {
    }

    /** The text as HTML or XML character data or a quoted attribute value: {@code & < > " '} escaped. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
