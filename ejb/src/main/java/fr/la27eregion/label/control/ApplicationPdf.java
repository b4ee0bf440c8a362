package fr.la27eregion.label.control;

import fr.la27eregion.label.control.CertificatePdf.Style;
import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.Dependent;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A label application as an A4 PDF (portrait, as many pages as its answers need), in French unless English is
 * asked for: the programme, the campaign and the project; who applies (the organisation, its people, the
 * project's partners) unless the content leaves them out (a reviewer of a blind programme: then a sentence says
 * so); the answer to each criterion under the criterion's label and guidance; the names of the attached files.
 * For reading away from the screen, printing, or a jury's folder.
 *
 * <p>Accessible as the certificate is ({@link CertificatePdf}): tagged ({@link TaggedPage}: headings, paragraphs,
 * lists, in reading order; page footers are artifacts), the document's title and language set, the certificate's
 * embedded fonts ({@link CertificateFonts}) so that any Latin name prints and the text can be searched and read
 * aloud. The answers keep their paragraphs; a character the fonts lack prints as {@code ?}.
 */
@Dependent
public class ApplicationPdf {

    static final String BUNDLE = "fr.la27eregion.label.control.application";

    private static final Color BRAND = new Color(0x14365f);
    private static final Color INK = new Color(0x1e1e1e);
    private static final Color MUTED = new Color(0x4a4a4a);

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 20;

    /**
     * The application in a language: French by default, English when the locale's language is English.
     *
     * @return the PDF's bytes
     */
    public byte[] render(ApplicationContent content, Locale locale) {
        Locale language = Locale.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage())
                ? Locale.ENGLISH : Locale.FRENCH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, language, ApplicationPdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (PDDocument pdf = new PDDocument()) {
            Writer writer = new Writer(pdf, content, texts, language, CertificateFonts.load(pdf));
            try {
                writer.write();
            } finally {
                writer.close();
            }
            describe(pdf, content, texts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF of application " + content.applicationId()
                    + " could not be made", e);
        }
    }

    /** The document's metadata: a reader shows its title rather than the file name. */
    private static void describe(PDDocument pdf, ApplicationContent content, ResourceBundle texts) {
        PDDocumentInformation information = pdf.getDocumentInformation();
        information.setTitle(format(texts, "title", content.applicationId(), content.programmeName()));
        information.setSubject(content.projectTitle());
        information.setAuthor(texts.getString("network"));
        information.setCreator(texts.getString("network"));
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setLanguage(texts.getString("language"));
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
    }

    private static String format(ResourceBundle texts, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(arguments);
    }

    /** Writes the content top to bottom, turning to a new page when a line would pass the bottom margin. */
    private static final class Writer {

        private final PDDocument pdf;
        private final ApplicationContent content;
        private final ResourceBundle texts;
        private final Locale language;
        private final Style title;
        private final Style heading;
        private final Style subheading;
        private final Style body;
        private final Style hint;
        private final Style footer;
        private PDPageContentStream stream;
        private TaggedPage tagged;
        private int pages;
        private float y;

        Writer(PDDocument pdf, ApplicationContent content, ResourceBundle texts, Locale language,
               CertificateFonts fonts) {
            this.pdf = pdf;
            this.content = content;
            this.texts = texts;
            this.language = language;
            title = new Style(fonts.serifBold(), 20, BRAND);
            heading = new Style(fonts.sansBold(), 14, BRAND);
            subheading = new Style(fonts.sansBold(), 11.5f, INK);
            body = new Style(fonts.sans(), 10.5f, INK);
            hint = new Style(fonts.sans(), 9.5f, MUTED);
            footer = new Style(fonts.sans(), 8, MUTED);
        }

        void write() throws IOException {
            newPage();
            paragraph(StandardStructureTypes.P, footer.scaledTo(9), texts.getString("network"), 0);
            paragraph(StandardStructureTypes.H1, title, format(texts, "heading", content.applicationId()), 6);
            paragraph(StandardStructureTypes.P, body, format(texts, "programme", content.programmeName()), 10);
            paragraph(StandardStructureTypes.P, body, format(texts, "campaign", content.campaignTitle(),
                    content.campaignCode()), 2);
            paragraph(StandardStructureTypes.P, body, format(texts, "project", content.projectTitle()), 2);
            paragraph(StandardStructureTypes.P, body, format(texts, "state", content.state()), 2);
            if (content.submittedAt() != null) {
                DateTimeFormatter pattern = DateTimeFormatter.ofPattern(texts.getString("date.pattern"), language);
                paragraph(StandardStructureTypes.P, body, format(texts, "submitted",
                        pattern.format(content.submittedAt().atZone(Clocks.FRANCE))), 2);
            }
            applicant();
            paragraph(StandardStructureTypes.H2, heading, texts.getString("answers"), 18);
            for (ApplicationContent.Answer answer : content.answers()) {
                paragraph(StandardStructureTypes.H3, subheading, answer.criterion(), 12);
                if (answer.guidance() != null && !answer.guidance().isBlank()) {
                    paragraph(StandardStructureTypes.P, hint, answer.guidance(), 2);
                }
                if (answer.text() == null || answer.text().isBlank()) {
                    paragraph(StandardStructureTypes.P, body, texts.getString("noAnswer"), 4);
                } else {
                    for (String part : answer.text().strip().split("\\R+")) {
                        paragraph(StandardStructureTypes.P, body, part, 4);
                    }
                }
            }
            paragraph(StandardStructureTypes.H2, heading, texts.getString("attachments"), 18);
            list(content.attachments(), "noAttachments");
        }

        /** Who applies, or the sentence saying that the reader's copy leaves them out. */
        private void applicant() throws IOException {
            paragraph(StandardStructureTypes.H2, heading, texts.getString("applicant"), 18);
            ApplicationContent.Applicant applicant = content.applicant();
            if (applicant == null) {
                paragraph(StandardStructureTypes.P, body, texts.getString("hidden"), 4);
                return;
            }
            paragraph(StandardStructureTypes.P, body, format(texts, "organisation", applicant.organisation()), 4);
            paragraph(StandardStructureTypes.H3, subheading, texts.getString("people"), 10);
            list(applicant.people(), "none");
            paragraph(StandardStructureTypes.H3, subheading, texts.getString("partners"), 10);
            list(applicant.partners(), "none");
        }

        /** A bulleted list (L, LI, LBody), or the sentence for none. */
        private void list(List<String> items, String noneKey) throws IOException {
            if (items.isEmpty()) {
                paragraph(StandardStructureTypes.P, body, texts.getString(noneKey), 4);
                return;
            }
            PDStructureElement list = tagged.element(StandardStructureTypes.L);
            for (String item : items) {
                PDStructureElement entry = tagged.element(StandardStructureTypes.LI, list);
                PDStructureElement label = tagged.element(StandardStructureTypes.LBL, entry);
                PDStructureElement text = tagged.element(StandardStructureTypes.L_BODY, entry);
                List<String> lines = CertificatePdf.wrap(body, CertificatePdf.printable(body.font(), item),
                        WIDTH - 14);
                y -= 3;
                for (int i = 0; i < lines.size(); i++) {
                    room(body);
                    float baseline = y - body.size();
                    if (i == 0) {
                        tagged.draw(label, () -> text(body, "\u2022", MARGIN + 2, baseline));
                    }
                    String line = lines.get(i);
                    tagged.draw(text, () -> text(body, line, MARGIN + 14, baseline));
                    y -= body.leading();
                }
            }
        }

        /** One element's text, wrapped to the width, a marked-content sequence per line (it may cross a page). */
        private void paragraph(String type, Style style, String text, float spaceBefore) throws IOException {
            PDStructureElement element = tagged.element(type);
            List<String> lines = CertificatePdf.wrap(style, CertificatePdf.printable(style.font(), text), WIDTH);
            y -= spaceBefore;
            // a heading never stays alone at the bottom of a page
            if (!StandardStructureTypes.P.equals(type) && y - 3 * style.leading() - body.leading() < BOTTOM) {
                newPage();
            }
            for (String line : lines) {
                room(style);
                float baseline = y - style.size();
                tagged.draw(element, () -> text(style, line, MARGIN, baseline));
                y -= style.leading();
            }
        }

        /** A new page when the next line of this style would not fit. */
        private void room(Style style) throws IOException {
            if (y - style.leading() < BOTTOM) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            if (stream != null) {
                stream.close();
            }
            stream = new PDPageContentStream(pdf, page);
            if (tagged == null) {
                tagged = new TaggedPage(pdf, page, stream, texts.getString("language"));
            } else {
                tagged.turn(page, stream);
            }
            pages++;
            String number = format(texts, "page", content.applicationId(), pages);
            tagged.artifact(() -> text(footer, number, PAGE.getWidth() - MARGIN - CertificatePdf.width(footer,
                    number), MARGIN - 10));
            y = TOP;
        }

        private void text(Style style, String text, float x, float baseline) throws IOException {
            stream.beginText();
            stream.setFont(style.font(), style.size());
            stream.setNonStrokingColor(style.colour());
            stream.newLineAtOffset(x, baseline);
            stream.showText(CertificatePdf.printable(style.font(), text));
            stream.endText();
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
            }
            if (tagged != null) {
                tagged.finish();
            }
        }
    }
}
