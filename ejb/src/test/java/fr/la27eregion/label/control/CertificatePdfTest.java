package fr.la27eregion.label.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CertificatePdfTest {

    /** Where the renderings are left for a person to look at (the module's build folder). */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String URL =
            "https://plateforme.la27eregion.fr/public/labels/verifier/K7QF-9XWD-M2RB-0HZC-4TNE-P8GA";

    private static final CertificateContent CONTENT = new CertificateContent("L27-2026-0042", URL,
            "Région Île-de-France — Laboratoire d’innovation publique",
            "Cœur de village : la commune « en commun », avec l’Œuvre des habitants",
            "Label 27e Région — Innovation publique", 2,
            List.of("Coopération entre régions", "Ouverture des données et du code"),
            LocalDate.of(2026, 3, 1), LocalDate.of(2028, 2, 29));

    private final CertificatePdf certificates = new CertificatePdf();

    @Test
    void theFrenchCertificateCarriesEveryFieldWithFrenchDates() throws IOException {
        byte[] pdf = certificates.render(CONTENT, Locale.FRENCH);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = text(document);
            assertThat(text).contains("Certificat de label", "Certificat n° L27-2026-0042",
                    "La 27e Région décerne le label", "Label 27e Région — Innovation publique", "Niveau 2",
                    "Région Île-de-France — Laboratoire d’innovation publique",
                    "« Cœur de village : la commune « en commun », avec l’Œuvre des habitants »",
                    "Mentions spéciales : Coopération entre régions, Ouverture des données et du code",
                    "Décerné le 1er mars 2026", "Valable jusqu’au 29 février 2028 inclus",
                    "Code de vérification : K7QF-9XWD-M2RB-0HZC-4TNE-P8GA", URL);
            assertThat(document.getPage(0).getMediaBox().getWidth()).as("A4 landscape").isCloseTo(841.89f,
                    org.assertj.core.data.Offset.offset(0.01f));
        }
        save(pdf, "label-certificate-fr.png");
    }

    @Test
    void theEnglishCertificateCarriesEveryFieldWithEnglishDates() throws IOException {
        CertificateContent oneMention = new CertificateContent("L27-2026-0042", URL, "Région Bretagne",
                "Open school canteens", "27e Région Label — Public innovation", 1, List.of("Open data"),
                LocalDate.of(2026, 6, 15), LocalDate.of(2028, 6, 14));

        byte[] pdf = certificates.render(oneMention, Locale.UK);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains("Label certificate", "Certificate No. L27-2026-0042",
                    "La 27e Région awards the label", "27e Région Label — Public innovation", "Level 1",
                    "to Région Bretagne for the project “Open school canteens”", "Special mention: Open data",
                    "Awarded on 15 June 2026", "Valid until 14 June 2028 inclusive",
                    "Verification code: K7QF-9XWD-M2RB-0HZC-4TNE-P8GA", URL);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Label certificate L27-2026-0042 — 27e Région Label — Public innovation");
        }
        save(pdf, "label-certificate-en.png");
    }

    @Test
    void frenchIsTheDefaultLanguage() throws IOException {
        for (Locale locale : new Locale[] {null, Locale.GERMAN, Locale.CANADA_FRENCH}) {
            try (PDDocument document = Loader.loadPDF(certificates.render(CONTENT, locale))) {
                assertThat(text(document)).as("%s", locale).contains("Décerné le 1er mars 2026");
            }
        }
    }

    @Test
    void noLevelAndNoMentionsLeaveNoLineForThem() throws IOException {
        CertificateContent plain = new CertificateContent("L27-2027-0001", URL, "Région Occitanie",
                "Tiers-lieux ruraux", "Label 27e Région — Innovation publique", null, null,
                LocalDate.of(2027, 1, 10), LocalDate.of(2029, 1, 9));

        try (PDDocument document = Loader.loadPDF(certificates.render(plain, Locale.FRENCH))) {
            assertThat(text(document)).contains("Décerné le 10 janvier 2027").doesNotContain("Niveau", "Mention");
        }
    }

    @Test
    void theQrCodeDecodesToTheVerificationAddress() throws Exception {
        byte[] pdf = certificates.render(CONTENT, Locale.FRENCH);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
            assertThat(decodeQr(image)).isEqualTo(URL);
        }
    }

    @Test
    void theDocumentIsTaggedWithATitleALanguageAFigureDescriptionAndALink() throws IOException {
        try (PDDocument document = Loader.loadPDF(certificates.render(CONTENT, Locale.FRENCH))) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("fr-FR");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Certificat de label L27-2026-0042 — Label 27e Région — Innovation publique");

            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            assertThat(elements).extracting(PDStructureElement::getStructureType)
                    .startsWith("Document", "H1").contains("P", "Figure", "Link");
            assertThat(elements).filteredOn(element -> "Figure".equals(element.getStructureType()))
                    .singleElement().extracting(PDStructureElement::getAlternateDescription)
                    .isEqualTo("Code QR menant à la page de vérification du label\u00a0: " + URL);

            assertThat(document.getPage(0).getAnnotations()).singleElement()
                    .isInstanceOfSatisfying(PDAnnotationLink.class, link ->
                            assertThat(((PDActionURI) link.getAction()).getURI()).isEqualTo(URL));
            for (var font : document.getPage(0).getResources().getFontNames()) {
                PDFont embedded = document.getPage(0).getResources().getFont(font);
                assertThat(embedded.isEmbedded()).as(embedded.getName()).isTrue();
            }
        }
    }

    @Test
    void longNamesStayWholeAndWhatTheFontsCannotShowIsAQuestionMark() throws Exception {
        String project = "Expérimentation d’une gouvernance partagée des services publics de proximité "
                + "dans les communes rurales et périurbaines, avec les habitants, les agents et les élus, "
                + "de la conception à l’évaluation";
        String organisation = "Communauté d’agglomération du Grand Sud-Ouest et des vallées pyrénéennes "
                + "— Direction de la transformation publique 🚀";
        String programme = "Label 27e Région — Innovation publique, coopération interrégionale et transition "
                + "écologique des politiques publiques";
        CertificateContent long_ = new CertificateContent("L27-2026-10000", URL, organisation, project, programme,
                3, List.of("Coopération entre régions", "Évaluation de l’impact", "Ouverture des données"),
                LocalDate.of(2026, 12, 31), LocalDate.of(2028, 12, 30));

        byte[] pdf = certificates.render(long_, Locale.FRENCH);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertThat(text).contains(project, programme, "Certificat n° L27-2026-10000",
                    "Direction de la transformation publique ?");
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150, ImageType.RGB);
            assertThat(decodeQr(image)).isEqualTo(URL);
        }
        save(pdf, "label-certificate-long-fr.png");
    }

    /** The page's text in reading order, every run of white space (no-break spaces too) as one space. */
    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0\\u202f]+", " ");
    }

    private static String decodeQr(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> elements) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                elements.add(element);
                collect(element, elements);
            }
        }
    }

    /** Leaves a rendering of the first page for a person to look at. */
    private static void save(byte[] pdf, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB), "png",
                    SCREENSHOTS.resolve(name).toFile());
        }
        Files.write(SCREENSHOTS.resolve(name.replace(".png", ".pdf")), pdf);
    }
}
