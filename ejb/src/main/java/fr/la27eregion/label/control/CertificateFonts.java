package fr.la27eregion.label.control;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts a certificate embeds: Liberation Sans (regular and bold) for the text, Liberation Serif (bold) for the
 * title and the programme's name, Liberation Mono (bold) for the verification code (a slashed zero, unlike O), from the {@code liberation/} folder of the {@code openpdf-fonts-extra}
 * artifact (SIL Open Font License; only its font files are used).
 *
 * <p>Why embedded TrueType fonts rather than PDF's standard 14: those are not embedded (each reader substitutes
 * its own, PDF/A and PDF/UA refuse them) and their WinAnsi encoding stops at Western European letters, whereas an
 * organisation's or a project's name may hold any Latin letter (ł, ő, ș...). Liberation covers Latin, Greek and
 * Cyrillic, French typography included (« » ’ œ Œ, the no-break spaces), and is metric-compatible with Arial and
 * Times. Embedded as subsets (only the glyphs used), with their Unicode map, so the text stays extractable and a
 * screen reader reads it; a certificate weighs about 40 kB.
 */
record CertificateFonts(PDType0Font sans, PDType0Font sansBold, PDType0Font serifBold, PDType0Font monoBold) {

    private static final String FOLDER = "/liberation/";
    /** The font files read so far, by name: 1.6 MB for the four, kept for the server's life. */
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    /** Loads the fonts into a document, as subsets. */
    static CertificateFonts load(PDDocument document) {
        return new CertificateFonts(font(document, "LiberationSans-Regular.ttf"),
                font(document, "LiberationSans-Bold.ttf"), font(document, "LiberationSerif-Bold.ttf"),
                font(document, "LiberationMono-Bold.ttf"));
    }

    private static PDType0Font font(PDDocument document, String file) {
        try {
            return PDType0Font.load(document, new ByteArrayInputStream(FILES.computeIfAbsent(file,
                    CertificateFonts::read)), true);
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + file + " could not be read", e);
        }
    }

    /** A font file's bytes, read once from the jar: inflating them again cost 40 % of a certificate's time. */
    private static byte[] read(String file) {
        try (InputStream in = CertificateFonts.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("The font " + file + " is missing: is openpdf-fonts-extra in lib/?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + file + " could not be read", e);
        }
    }
}
