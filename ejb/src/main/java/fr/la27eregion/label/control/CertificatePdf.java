package fr.la27eregion.label.control;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import jakarta.enterprise.context.Dependent;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDLayoutAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * A label's certificate as a one-page A4 PDF (landscape), in French unless English is asked for: the programme's
 * name first, the organisation and the project it was awarded to, the level and mentions, the dates, the
 * certificate number, and a QR code of the public verification page with the verification code and the address
 * printed under it, so that
 * whoever holds the paper can check that the label is still valid (a certificate outlives a suspension or a
 * revocation; the verification page does not).
 *
 * <p>Accessible as far as PDFBox allows: a tagged PDF ({@link TaggedPage}) whose reading order is the sentence
 * "La 27e Région décerne le label … à … pour le projet …", the QR code a figure with a description, the address a
 * link; the document's title (shown by readers instead of the file name) and language set; embedded fonts with
 * their Unicode map ({@link CertificateFonts}), so the text can be selected, searched and read aloud. The QR code
 * is drawn as vector squares, sharp at any print size, with the quiet zone the standard asks for.
 *
 * <p>The texts come from the {@code certificate} bundle of this package; anything the fonts cannot show (an
 * emoji in a name) is printed as {@code ?} rather than failing the award.
 */
@Dependent
public class CertificatePdf {

    static final String BUNDLE = "fr.la27eregion.label.control.certificate";

    private static final Color BRAND = new Color(0x14365f);
    private static final Color ACCENT = new Color(0xb3123a);
    private static final Color INK = new Color(0x1e1e1e);
    private static final Color MUTED = new Color(0x4a4a4a);

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 70;
    /** The band the award sentence is centred in: below the title, above the dates and the QR code. */
    private static final float BODY_TOP = 455;
    private static final float BODY_BOTTOM = 185;
    private static final float BODY_WIDTH = 600;
    private static final float QR_SIZE = 96;
    /** The QR code's quiet zone, in modules (ISO/IEC 18004 asks for 4). */
    private static final int QUIET_ZONE = 4;

    /** Reads the verification code at the end of the verification address, to print it for typing. */
    private final VerificationCodes codes = new VerificationCodes();

    /** A line of text's look (also the application's PDF's, {@link ApplicationPdf}). */
    record Style(PDFont font, float size, Color colour) {

        Style scaled(float scale) {
            return new Style(font, size * scale, colour);
        }

        Style scaledTo(float newSize) {
            return new Style(font, newSize, colour);
        }

        float leading() {
            return size * 1.25f;
        }
    }

    /** Lines of one style, centred, with space before; one marked-content sequence of an element. */
    private record Block(PDStructureElement element, Style style, List<String> lines, float spaceBefore) {

        float height() {
            return spaceBefore + lines.size() * style.leading();
        }
    }

    /**
     * The certificate in a language: French by default, English when the locale's language is English.
     *
     * @return the PDF's bytes
     */
    public byte[] render(CertificateContent content, Locale locale) {
        Locale language = Locale.ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage())
                ? Locale.ENGLISH : Locale.FRENCH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, language, CertificatePdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PAGE);
            pdf.addPage(page);
            CertificateFonts fonts = CertificateFonts.load(pdf);
            TaggedPage tagged;
            try (PDPageContentStream stream = new PDPageContentStream(pdf, page)) {
                tagged = new TaggedPage(pdf, page, stream, texts.getString("language"));
                new Drawing(content, texts, language, fonts, stream, tagged, page, codes).draw();
            }
            tagged.finish();
            describe(pdf, content, texts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The certificate " + content.certificateNumber() + " could not be made", e);
        }
    }

    /** The document's metadata: a reader shows its title rather than the file name. */
    private static void describe(PDDocument pdf, CertificateContent content, ResourceBundle texts) {
        PDDocumentInformation information = pdf.getDocumentInformation();
        information.setTitle(format(texts, "title", content.certificateNumber(), content.programmeName()));
        information.setSubject(format(texts, "subject", content.programmeName(), content.organisationName(),
                content.projectTitle()));
        information.setAuthor(texts.getString("network"));
        information.setCreator(texts.getString("network"));
        information.setKeywords(content.certificateNumber());
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setLanguage(texts.getString("language"));
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
    }

    private static String format(ResourceBundle texts, String key, Object... arguments) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(arguments);
    }

    /** The drawing of one certificate's page. */
    private static final class Drawing {

        private final CertificateContent content;
        private final ResourceBundle texts;
        private final Locale language;
        private final CertificateFonts fonts;
        private final PDPageContentStream stream;
        private final TaggedPage tagged;
        private final PDPage page;
        private final VerificationCodes codes;

        Drawing(CertificateContent content, ResourceBundle texts, Locale language, CertificateFonts fonts,
                PDPageContentStream stream, TaggedPage tagged, PDPage page, VerificationCodes codes) {
            this.content = content;
            this.texts = texts;
            this.language = language;
            this.fonts = fonts;
            this.stream = stream;
            this.tagged = tagged;
            this.page = page;
            this.codes = codes;
        }

        void draw() throws IOException {
            frame();
            header();
            body();
            dates();
            verification();
        }

        /** A double frame in the network's colours, and a short rule under the title. */
        private void frame() throws IOException {
            tagged.artifact(() -> {
                stream.setStrokingColor(BRAND);
                stream.setLineWidth(3);
                stream.addRect(24, 24, PAGE.getWidth() - 48, PAGE.getHeight() - 48);
                stream.stroke();
                stream.setStrokingColor(ACCENT);
                stream.setLineWidth(0.75f);
                stream.addRect(32, 32, PAGE.getWidth() - 64, PAGE.getHeight() - 64);
                stream.stroke();
                stream.setLineWidth(1.5f);
                float centre = PAGE.getWidth() / 2;
                stream.moveTo(centre - 40, 474);
                stream.lineTo(centre + 40, 474);
                stream.stroke();
            });
        }

        /** The title first (in reading order), the network's name and the certificate number above it. */
        private void header() throws IOException {
            Style heading = new Style(fonts.serifBold(), 32, BRAND);
            String title = texts.getString("heading");
            tagged.draw(tagged.element(StandardStructureTypes.H1),
                    () -> text(heading, title, (PAGE.getWidth() - width(heading, title)) / 2, 488));
            Style small = new Style(fonts.sansBold(), 10.5f, BRAND);
            float top = PAGE.getHeight() - 62;
            tagged.draw(tagged.element(StandardStructureTypes.P),
                    () -> text(small, texts.getString("network"), MARGIN, top));
            String number = format(texts, "number", content.certificateNumber());
            tagged.draw(tagged.element(StandardStructureTypes.P),
                    () -> text(small, number, PAGE.getWidth() - MARGIN - width(small, number), top));
        }

        /**
         * The award as one sentence (one paragraph for a screen reader), centred in the body's band: made smaller
         * as a whole when long names would not fit.
         */
        private void body() throws IOException {
            PDStructureElement sentence = tagged.element(StandardStructureTypes.P);
            PDStructureElement mentions = content.mentions().isEmpty() ? null
                    : tagged.element(StandardStructureTypes.P);
            List<Block> blocks = List.of();
            for (float scale = 1; scale >= 0.5f; scale -= 0.05f) {
                blocks = blocks(sentence, mentions, scale);
                if (blocks.stream().mapToDouble(Block::height).sum() <= BODY_TOP - BODY_BOTTOM) {
                    break;
                }
            }
            float height = (float) blocks.stream().mapToDouble(Block::height).sum();
            float y = BODY_BOTTOM + (BODY_TOP - BODY_BOTTOM + height) / 2;
            for (Block block : blocks) {
                y -= block.spaceBefore();
                float top = y;
                tagged.draw(block.element(), () -> {
                    float baseline = top;
                    for (String line : block.lines()) {
                        baseline -= block.style().size();
                        text(block.style(), line, (PAGE.getWidth() - width(block.style(), line)) / 2, baseline);
                        baseline -= block.style().leading() - block.style().size();
                    }
                });
                y -= block.lines().size() * block.style().leading();
            }
        }

        private List<Block> blocks(PDStructureElement sentence, PDStructureElement mentions, float scale)
                throws IOException {
            Style words = new Style(fonts.sans(), 13, MUTED).scaled(scale);
            Style programme = new Style(fonts.serifBold(), 28, BRAND).scaled(scale);
            Style level = new Style(fonts.sansBold(), 13, ACCENT).scaled(scale);
            Style organisation = new Style(fonts.sansBold(), 21, INK).scaled(scale);
            Style project = new Style(fonts.sans(), 17, INK).scaled(scale);
            Style mention = new Style(fonts.sans(), 12, INK).scaled(scale);
            List<Block> blocks = new ArrayList<>();
            blocks.add(block(sentence, words, texts.getString("awards"), 0));
            blocks.add(block(sentence, programme, content.programmeName(), 6 * scale));
            if (content.level() != null) {
                blocks.add(block(sentence, level, format(texts, "level", String.valueOf(content.level())),
                        8 * scale));
            }
            blocks.add(block(sentence, words, texts.getString("to"), 12 * scale));
            blocks.add(block(sentence, organisation, content.organisationName(), 4 * scale));
            blocks.add(block(sentence, words, texts.getString("project"), 12 * scale));
            blocks.add(block(sentence, project, texts.getString("quote.open") + content.projectTitle()
                    + texts.getString("quote.close"), 4 * scale));
            if (mentions != null) {
                String list = String.join(texts.getString("mention.separator"), content.mentions());
                blocks.add(block(mentions, mention, format(texts,
                        content.mentions().size() == 1 ? "mention.one" : "mention.many", list), 16 * scale));
            }
            return blocks;
        }

        private Block block(PDStructureElement element, Style style, String text, float spaceBefore)
                throws IOException {
            return new Block(element, style, wrap(style, printable(style.font(), text), BODY_WIDTH), spaceBefore);
        }

        /** When the label was awarded and until when it is valid, bottom left. */
        private void dates() throws IOException {
            Style date = new Style(fonts.sans(), 11.5f, INK);
            DateTimeFormatter pattern = DateTimeFormatter.ofPattern(texts.getString("date.pattern"), language);
            String awarded = format(texts, "awarded", date(pattern, content.awardedOn()));
            String valid = format(texts, "valid", date(pattern, content.validUntil()));
            PDStructureElement paragraph = tagged.element(StandardStructureTypes.P);
            tagged.draw(paragraph, () -> text(date, awarded, MARGIN, 120));
            tagged.draw(paragraph, () -> text(date, valid, MARGIN, 102));
        }

        /** The day of a date in the certificate's language: "1er mars 2026", "1 March 2026". */
        private String date(DateTimeFormatter pattern, LocalDate day) {
            String text = pattern.format(day);
            return day.getDayOfMonth() == 1 ? texts.getString("date.first") + text.substring(1) : text;
        }

        /** The QR code of the verification page, bottom right, its address under it and a word beside it. */
        private void verification() throws IOException {
            String url = content.verificationUrl();
            float right = PAGE.getWidth() - MARGIN;
            float x = right - QR_SIZE;
            float y = 86;

            PDStructureElement note = tagged.element(StandardStructureTypes.P);
            Style title = new Style(fonts.sansBold(), 10.5f, BRAND);
            Style small = new Style(fonts.sans(), 8.5f, MUTED);
            float noteRight = x - 14;
            String verify = texts.getString("verify");
            tagged.draw(note, () -> {
                text(title, verify, noteRight - width(title, verify), y + QR_SIZE - 22);
                float baseline = y + QR_SIZE - 36;
                for (String line : wrap(small, texts.getString("verify.note"), 215)) {
                    text(small, line, noteRight - width(small, line), baseline);
                    baseline -= small.leading();
                }
            });

            PDStructureElement figure = tagged.element(StandardStructureTypes.Figure);
            figure.setAlternateDescription(format(texts, "qr", url));
            PDLayoutAttributeObject layout = new PDLayoutAttributeObject();
            layout.setBBox(new PDRectangle(x, y, QR_SIZE, QR_SIZE));
            figure.addAttribute(layout);
            tagged.draw(figure, () -> qrCode(url, x, y));

            float below = y - 16;
            Optional<String> code = codes.normalise(url.substring(url.lastIndexOf('/') + 1));
            if (code.isPresent()) {
                Style label = new Style(fonts.sans(), 9, MUTED);
                Style symbols = new Style(fonts.monoBold(), 10.5f, INK);
                String prefix = texts.getString("code") + " ";
                float codeX = right - width(symbols, code.get());
                float baseline = below;
                tagged.draw(note, () -> {
                    text(label, prefix, codeX - width(label, prefix), baseline);
                    text(symbols, code.get(), codeX, baseline);
                });
                below -= 14;
            }
            Style address = new Style(fonts.sans(), 8, INK);
            while (width(address, url) > 420 && address.size() > 6) {
                address = address.scaled(0.95f);
            }
            Style fitted = address;
            List<String> lines = wrap(fitted, printable(fitted.font(), url), 420);
            PDStructureElement link = tagged.element(StandardStructureTypes.LINK);
            float first = below;
            tagged.draw(link, () -> {
                float baseline = first;
                for (String line : lines) {
                    text(fitted, line, right - width(fitted, line), baseline);
                    baseline -= fitted.leading();
                }
            });
            PDAnnotationLink annotation = new PDAnnotationLink();
            float linkBottom = first - (lines.size() - 1) * fitted.leading() - 3;
            annotation.setRectangle(new PDRectangle(right - 420, linkBottom, 420, first + fitted.size() - linkBottom));
            PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
            noBorder.setWidth(0);
            annotation.setBorderStyle(noBorder);
            PDActionURI action = new PDActionURI();
            action.setURI(url);
            annotation.setAction(action);
            annotation.setContents(format(texts, "qr", url));
            annotation.setPrinted(true);
            page.getAnnotations().add(annotation);
            page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
            tagged.annotation(link, annotation);
        }

        /** The QR code as squares, one rectangle per run of dark modules in a row, on a white quiet zone. */
        private void qrCode(String url, float x, float y) throws IOException {
            ByteMatrix matrix;
            try {
                matrix = Encoder.encode(url, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"))
                        .getMatrix();
            } catch (WriterException e) {
                throw new IllegalArgumentException("No QR code for " + url, e);
            }
            int modules = matrix.getWidth() + 2 * QUIET_ZONE;
            float module = QR_SIZE / modules;
            stream.setNonStrokingColor(Color.WHITE);
            stream.addRect(x, y, QR_SIZE, QR_SIZE);
            stream.fill();
            stream.setNonStrokingColor(Color.BLACK);
            for (int row = 0; row < matrix.getHeight(); row++) {
                int column = 0;
                while (column < matrix.getWidth()) {
                    if (matrix.get(column, row) != 1) {
                        column++;
                        continue;
                    }
                    int start = column;
                    while (column < matrix.getWidth() && matrix.get(column, row) == 1) {
                        column++;
                    }
                    stream.addRect(x + (QUIET_ZONE + start) * module,
                            y + QR_SIZE - (QUIET_ZONE + row + 1) * module, (column - start) * module, module);
                }
            }
            stream.fill();
        }

        private void text(Style style, String text, float x, float y) throws IOException {
            stream.beginText();
            stream.setFont(style.font(), style.size());
            stream.setNonStrokingColor(style.colour());
            stream.newLineAtOffset(x, y);
            stream.showText(printable(style.font(), text));
            stream.endText();
        }
    }

    /** The width of a text in a style, in points. */
    static float width(Style style, String text) throws IOException {
        return style.font().getStringWidth(printable(style.font(), text)) / 1000 * style.size();
    }

    /**
     * The lines of a text within a width: broken between words, and inside a word (an address) only when the word
     * alone is wider than the line.
     */
    static List<String> wrap(Style style, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(style, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int codePoint : word.codePoints().toArray()) {
                String longer = line.toString() + Character.toString(codePoint);
                if (!line.isEmpty() && width(style, longer) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(codePoint);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * A text the font can show on one line: line breaks and tabs become spaces, and a character without a glyph in
     * the font becomes {@code ?}.
     */
    static String printable(PDFont font, String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) && codePoint != ' ') {
                printable.append(' ');
            } else if (hasGlyph(font, codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            // a TrueType font refuses to encode a character it has no glyph for
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
