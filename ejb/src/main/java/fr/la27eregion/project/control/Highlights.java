package fr.la27eregion.project.control;

/**
 * Turns a headline of PostgreSQL's {@code ts_headline} into HTML that is safe to render: the project's own text
 * (which a contributor typed) is escaped first, and only then are the headline's markers, two characters of
 * Unicode's private use area that no escaping touches, turned into {@code <mark>} and {@code </mark>}. Markers the
 * text itself may hold are taken out before PostgreSQL sees it would be costlier than this: an unmatched marker
 * only ever becomes a balanced pair, see {@link #html}.
 *
 * <p>Five characters are escaped, as the HTML specification asks of text and attribute values; no library of the
 * EJB module does this (the sanitiser cleans HTML, it does not escape text), and it is the one thing needed.
 */
public final class Highlights {

    /** Where a headline's match starts and stops ({@code StartSel} and {@code StopSel}). */
    public static final char START = '\uE000';
    public static final char STOP = '\uE001';

    /** The options of {@code ts_headline} the search uses: its markers, and a snippet of a few dozen words. */
    public static final String SNIPPET_OPTIONS = "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\", "
            + "MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /** The options for a title: the whole title, every match marked. */
    public static final String TITLE_OPTIONS = "StartSel=\"" + START + "\", StopSel=\"" + STOP + "\", "
            + "HighlightAll=true";

    private Highlights() {
    }

    /** The headline as HTML: escaped text with the matches in {@code <mark>}, each opened mark closed. */
    public static String html(String headline) {
        if (headline == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(headline.length() + 32);
        boolean open = false;
        for (int i = 0; i < headline.length(); i++) {
            char c = headline.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }

    /** The headline without its markers: the plain text (for an API client that marks matches its own way). */
    public static String text(String headline) {
        return headline == null ? "" : headline.replace(String.valueOf(START), "").replace(String.valueOf(STOP), "");
    }

    /**
     * A result with a title and a snippet marked by {@code ts_headline} (the project search's, the intranet's search
     * box's), read as safe HTML or as plain text.
     */
    public interface Marked {

        String title();

        String snippet();

        /** The title as safe HTML, the matched words in {@code <mark>}. */
        default String titleHtml() {
            return html(title());
        }

        /** The snippet as safe HTML, the matched words in {@code <mark>}. */
        default String snippetHtml() {
            return html(snippet());
        }

        /** The title as plain text. */
        default String titleText() {
            return text(title());
        }

        /** The snippet as plain text. */
        default String snippetText() {
            return text(snippet());
        }
    }
}
