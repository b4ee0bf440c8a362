package fr.la27eregion.journal.web;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The journal page's rows ({@code <journal:rows value="#{j.lines}"/>}): one component that writes the 50 entries of a
 * page with the response writer (which escapes every text and attribute), where a {@code ui:repeat} of the same
 * markup made Faces build, evaluate and render about 1,000 components a page: the page was 2.5 to 6 times the API's
 * time for the same entries (ops/bench/journal-browse). Nothing in a row is a form control or needs state: each is
 * plain markup from {@link JournalView.Line}, whose words are computed once in Java.
 */
@FacesComponent(createTag = true, namespace = JournalRows.NAMESPACE, tagName = "rows")
public class JournalRows extends UIComponentBase {

    static final String NAMESPACE = "https://la27eregion.fr/journal";
    private static final String FAMILY = "fr.la27eregion.journal";

    @Override
    public String getFamily() {
        return FAMILY;
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // no children: the rows are the component's own markup
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encodeEnd(FacesContext context) throws IOException {
        List<JournalView.Line> lines = (List<JournalView.Line>) getAttributes().get("value");
        if (lines == null) {
            return;
        }
        ResourceBundle msg = context.getApplication().getResourceBundle(context, "msg");
        Words words = new Words(msg, context.getViewRoot().getLocale(),
                context.getExternalContext().getRequestContextPath());
        ResponseWriter out = context.getResponseWriter();
        for (JournalView.Line line : lines) {
            row(out, line, words);
        }
    }

    /** The page's words a row needs, looked up once for all rows. */
    private record Words(String to, String details, String requestId, String prevHash, String hash,
                         MessageFormat detailsOf, String contextPath) {
        Words(ResourceBundle msg, java.util.Locale locale, String contextPath) {
            this(msg.getString("timeline.to"), msg.getString("journal.browse.column.details"),
                    msg.getString("journal.browse.requestId"), msg.getString("journal.browse.prevHash"),
                    msg.getString("journal.browse.hash"), new MessageFormat(msg.getString("journal.browse.details"),
                            locale), contextPath);
        }
    }

    private void row(ResponseWriter out, JournalView.Line line, Words words) throws IOException {
        out.startElement("tr", this);
        out.writeAttribute("id", "entry-" + line.getSeq(), null);
        out.writeAttribute("class", "journal-entry", null);

        out.startElement("th", this);
        out.writeAttribute("scope", "row", null);
        out.writeAttribute("class", "number", null);
        out.writeText(Long.toString(line.getSeq()), null);
        out.endElement("th");

        out.startElement("td", this);
        out.startElement("time", this);
        out.writeAttribute("datetime", line.getUtc(), null);
        out.writeAttribute("title", line.getUtc(), null);
        text(out, line.getTime());
        out.endElement("time");
        out.endElement("td");

        out.startElement("td", this);
        element(out, "span", "journal-actor", null, line.getActor());
        if (line.getRoles() != null) {
            out.startElement("br", this);
            out.endElement("br");
            element(out, "span", "hint", null, line.getRoles());
        }
        out.endElement("td");

        out.startElement("td", this);
        text(out, line.getActionWords());
        out.startElement("br", this);
        out.endElement("br");
        element(out, "code", "hint", "zxx", line.getAction());
        out.endElement("td");

        out.startElement("td", this);
        if (line.getEntityId() != null && line.getRecord() != null) {
            out.startElement("a", this);
            out.writeAttribute("href", words.contextPath() + "/app/audit/record.xhtml?type="
                    + query(line.getEntityType()) + "&id=" + query(line.getEntityId()), null);
            out.writeAttribute("class", "journal-record", null);
            text(out, line.getRecord() + " " + line.getEntityId());
            out.endElement("a");
        } else if (line.getEntityId() == null) {
            text(out, line.getRecord());
        }
        out.endElement("td");

        out.startElement("td", this);
        if (line.getBefore() != null) {
            state(out, line.getBefore());
            element(out, "span", "visually-hidden", null, " " + words.to() + " ");
            out.startElement("span", this);
            out.writeAttribute("aria-hidden", "true", null);
            out.writeText(" \u2192 ", null);
            out.endElement("span");
        }
        if (line.getAfter() != null) {
            state(out, line.getAfter());
        }
        out.endElement("td");

        out.startElement("td", this);
        text(out, line.getReason());
        out.endElement("td");

        out.startElement("td", this);
        out.startElement("details", this);
        out.writeAttribute("class", "journal-details", null);
        out.startElement("summary", this);
        out.writeText(words.detailsOf().format(new Object[] {line.getSeq()}), null);
        out.endElement("summary");
        out.startElement("dl", this);
        if (line.getDetails() != null) {
            definition(out, words.details(), "pre", "journal-json", line.getDetails());
        }
        if (line.getRequestId() != null) {
            definition(out, words.requestId(), "code", null, line.getRequestId());
        }
        definition(out, words.prevHash(), "code", "journal-hash", line.getPrevHash());
        definition(out, words.hash(), "code", "journal-hash", line.getHash());
        out.endElement("dl");
        out.endElement("details");
        out.startElement("code", this);
        out.writeAttribute("class", "hint", null);
        out.writeAttribute("lang", "zxx", null);
        out.writeAttribute("title", line.getHash(), null);
        text(out, line.getShortHash());
        out.endElement("code");
        out.endElement("td");

        out.endElement("tr");
    }

    /** A state's words, in their own language when it is not the page's. */
    private void state(ResponseWriter out, JournalView.State state) throws IOException {
        out.startElement("span", this);
        if (state.getLanguage() != null) {
            out.writeAttribute("lang", state.getLanguage(), null);
        }
        text(out, state.getWords());
        out.endElement("span");
    }

    /** A term and its value, data (not words: {@code lang="zxx"}) in an element of its own. */
    private void definition(ResponseWriter out, String term, String element, String styleClass, String value)
            throws IOException {
        out.startElement("dt", this);
        out.writeText(term, null);
        out.endElement("dt");
        out.startElement("dd", this);
        element(out, element, styleClass, "zxx", value);
        out.endElement("dd");
    }

    private void element(ResponseWriter out, String name, String styleClass, String language, String value)
            throws IOException {
        out.startElement(name, this);
        if (styleClass != null) {
            out.writeAttribute("class", styleClass, null);
        }
        if (language != null) {
            out.writeAttribute("lang", language, null);
        }
        text(out, value);
        out.endElement(name);
    }

    private static void text(ResponseWriter out, String value) throws IOException {
        if (value != null) {
            out.writeText(value, null);
        }
    }

    private static String query(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
