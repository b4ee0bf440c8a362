package fr.la27eregion.project.control;

import fr.la27eregion.project.entity.RichContent;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rich text of projects (description, lessons learned) as the server keeps it: the small safe subset of HTML
 * that the OWASP Java HTML Sanitizer lets through ({@link #sanitise}), and its plain text for search
 * ({@link #text}). Kept: paragraphs, line breaks, strong and emphasis, lists, headings of levels 3 and 4 (a
 * project's page has the two above), quotations, and links to http, https and mailto addresses, each marked
 * {@code rel="nofollow noopener"}. Everything else goes: scripts and styles with their content, event handlers,
 * style attributes, frames, objects, forms, images, {@code javascript:} and {@code data:} addresses however they are
 * encoded. An editor's usual words for the same things ({@code b}, {@code i}, {@code h1}, {@code h2}) are kept as
 * the subset's ({@code strong}, {@code em}, {@code h3}).
 *
 * <p>A maintained sanitiser rather than our own filter: it parses the HTML as a browser does and rebuilds it from
 * what the policy allows, so encodings, broken tags and mixed case never smuggle anything through.
 */
public final class RichText {

    /** The elements kept as they are. */
    public static final List<String> KEPT = List.of("p", "br", "strong", "em", "ul", "ol", "li", "h3", "h4",
            "blockquote", "a");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(KEPT.toArray(String[]::new))
            .allowElements((name, attributes) -> "strong", "b")
            .allowElements((name, attributes) -> "em", "i")
            .allowElements((name, attributes) -> "h3", "h1", "h2")
            .allowElements((name, attributes) -> "h4", "h5", "h6")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    /** Elements after which the plain text goes on at a new line, so words of two paragraphs never merge. */
    private static final Set<String> BLOCKS = Set.of("p", "br", "li", "h3", "h4", "blockquote", "ul", "ol");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00a0]+");
    private static final Pattern LINES = Pattern.compile(" ?\\n[ \\n]*");

    private RichText() {
    }

    /** The HTML the server keeps of what was typed: empty for nothing. */
    public static String sanitise(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return POLICY.sanitize(html).strip();
    }

    /**
     * The plain text of a rich text, entities decoded, for search and snippets: what a reader sees of the
     * sanitised HTML, one line per paragraph or list item.
     */
    public static String text(String html) {
        String kept = sanitise(html);
        if (kept.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(kept.length());
        HtmlSanitizer.sanitize(kept, new HtmlSanitizer.Policy() {
            @Override
            public void openDocument() {
                // nothing to write
            }

            @Override
            public void closeDocument() {
                // nothing to write
            }

            @Override
            public void openTag(String elementName, List<String> attributes) {
                if ("br".equals(elementName) || "li".equals(elementName)) {
                    text.append('\n');
                }
            }

            @Override
            public void closeTag(String elementName) {
                if (BLOCKS.contains(elementName)) {
                    text.append('\n');
                }
            }

            @Override
            public void text(String textChunk) {
                text.append(textChunk);
            }
        });
        return LINES.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("\n").strip();
    }

    /** Both forms of a rich text, as a project keeps them. */
    public static RichContent of(String html) {
        String kept = sanitise(html);
        return kept.isEmpty() ? RichContent.EMPTY : new RichContent(kept, text(kept));
    }
}
