package fr.la27eregion.label.control;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationPdfTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ApplicationPdf pdfs = new ApplicationPdf();

    private static ApplicationContent content(ApplicationContent.Applicant applicant, int paragraphs) {
        String answer = String.join("\n", Collections.nCopies(paragraphs,
                "Des ateliers avec les usagers, les agents et les élus ont été tenus chaque mois ; les prototypes"
                        + " ont été testés dans trois lycées avant d’être étendus à la région entière."));
        return new ApplicationContent(42, "Label 27e Région — Innovation publique", "Appel 2026", "INNO-2026",
                "Cantines ouvertes", "En évaluation", Instant.parse("2026-03-02T09:00:00Z"),
                List.of(new ApplicationContent.Answer("Conception centrée usagers", "Qui a été associé ?", answer),
                        new ApplicationContent.Answer("Données ouvertes", "Quelles données ?", null)),
                List.of("dossier.pdf", "photos-ateliers.jpg"), applicant);
    }

    private static final ApplicationContent.Applicant APPLICANT = new ApplicationContent.Applicant(
            "Région Île-de-France", List.of("Zoé Łukasiewicz, zoe@example.org", "Marc Dupont"),
            List.of("Région Bretagne", "Université de Rennes"));

    @Test
    void theApplicationCarriesItsAnswersItsAttachmentsAndItsApplicant() throws IOException {
        byte[] pdf = pdfs.render(content(APPLICANT, 2), Locale.FRENCH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(text(document)).contains("Candidature au label n° 42", "Programme : Label 27e Région",
                    "Campagne : Appel 2026 (INNO-2026)", "Projet : Cantines ouvertes", "Envoyée le 2 mars 2026",
                    "Organisation candidate : Région Île-de-France", "Zoé Łukasiewicz, zoe@example.org",
                    "Marc Dupont", "Région Bretagne", "Conception centrée usagers", "Qui a été associé ?",
                    "trois lycées", "Pas de réponse.", "dossier.pdf", "photos-ateliers.jpg");
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            assertThat(catalog.getLanguage()).isEqualTo("fr-FR");
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Candidature au label n° 42 — Label 27e Région — Innovation publique");
            List<PDStructureElement> elements = new ArrayList<>();
            collect(catalog.getStructureTreeRoot(), elements);
            assertThat(elements).extracting(PDStructureElement::getStructureType)
                    .startsWith("Document").contains("H1", "H2", "H3", "P", "L", "LI", "LBody");
        }
        Files.createDirectories(SCREENSHOTS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 72, ImageType.RGB), "png",
                    SCREENSHOTS.resolve("label-application-pdf-fr.png").toFile());
        }
    }

    @Test
    void withoutTheApplicantTheDocumentSaysSoAndNamesNobody() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdfs.render(content(null, 1), Locale.ENGLISH))) {
            assertThat(text(document)).contains("Label application no. 42", "Blind review programme",
                    "trois lycées").doesNotContain("Île-de-France", "Dupont", "Bretagne");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        }
    }

    @Test
    void longAnswersRunOnOtherPagesEachWithItsEntryInTheParentTree() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdfs.render(content(APPLICANT, 60), Locale.FRENCH))) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            assertThat(text(document)).contains("page 3", "dossier.pdf");
            var parentTree = document.getDocumentCatalog().getStructureTreeRoot().getParentTree();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                int key = document.getPage(i).getStructParents();
                assertThat(parentTree.getValue(key)).as("page %d", i).isInstanceOf(PDParentTreeValue.class);
            }
        }
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", " ");
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> elements) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                elements.add(element);
                collect(element, elements);
            }
        }
    }
}
