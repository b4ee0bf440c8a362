package fr.la27eregion.label;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.SqlReviews.Campaign;
import fr.la27eregion.testing.SqlReviews.Reviewer;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as PDF through {@code GET /api/v1/label-applications/{id}/pdf}, parsed back with PDFBox, as each
 * reader gets it: the answers for all; in a blind programme, a reviewer's copy without the applicant organisation,
 * the people named (the project's contact, who drafted the application) and the partners, which the
 * secretariat's and the applicant's copies carry; a reviewer of a programme that is not blind reads them too. An
 * application out of the caller's reach is a 404 problem, as an unknown one.
 */
class ApplicationPdfIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String A = TestAccounts.ORGANISATION_A;
    private static final String B = TestAccounts.ORGANISATION_B;

    private final ApiClient api = new ApiClient(TestServer.url());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An application of A with B as partner, a contact person, drafted by the contributor; its reviewer. */
    private record Fixture(long application, String title, String contact, String drafter, Reviewer reviewer) {
    }

    private Fixture fixture(boolean blind) {
        Campaign campaign = SqlReviews.campaign(1, blind, false);
        long application = SqlReviews.submitted(campaign, A, List.of(B));
        String contact = "Zoé Contact-" + Long.toString(System.nanoTime(), 36);
        Superuser.update("UPDATE project SET contact_name = ?, contact_email = 'zoe@test.invalid' WHERE id ="
                + " (SELECT project_id FROM label_application WHERE id = ?)", contact, application);
        String contributor = TestAccounts.of(Role.CONTRIBUTOR);
        Superuser.update("UPDATE label_application SET created_by = ? WHERE id = ?", contributor, application);
        String drafter = Superuser.column("SELECT display_name FROM account WHERE username = ?", contributor).get(0);
        String title = Superuser.column("SELECT p.title FROM project p JOIN label_application a ON a.project_id ="
                + " p.id WHERE a.id = ?", application).get(0);
        Reviewer reviewer = SqlReviews.reviewer(null);
        Reply assigned = api.post("api/v1/label-applications/" + application + "/assessments",
                Json.createObjectBuilder().add("reviewerAccountId", reviewer.id())
                        .add("dueOn", LocalDate.now().plusDays(14).toString()).build().toString(), SECRETARIAT);
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        return new Fixture(application, title, contact, drafter, reviewer);
    }

    @Test
    void aBlindProgrammesReviewerGetsTheAnswersWithoutTheApplicantWhomTheSecretariatAndTheApplicantRead()
            throws Exception {
        Fixture f = fixture(true);

        String reviewers = text(pdf(f.application(), f.reviewer().username(), null));
        assertThat(reviewers).contains("Candidature au label n° " + f.application(), f.title(),
                "Critère usagers", "Notre réponse au critère", "Programme en évaluation anonyme",
                "Aucune pièce jointe.");
        assertThat(reviewers).as("no organisation, no people, no partner")
                .doesNotContain(A, B, f.contact(), "zoe@test.invalid", f.drafter());

        for (String reader : List.of(SECRETARIAT, TestAccounts.of(Role.MEMBER_COORDINATOR),
                TestAccounts.of(Role.AUDITOR))) {
            String whole = text(pdf(f.application(), reader, null));
            assertThat(whole).as(reader).contains("Organisation candidate : " + A, B, f.contact(), f.drafter(),
                    "Notre réponse au critère").doesNotContain("anonyme");
        }
    }

    @Test
    void aReviewerOfAnOpenProgrammeReadsTheApplicantInEnglishOnRequest() throws Exception {
        Fixture f = fixture(false);
        byte[] bytes = pdf(f.application(), f.reviewer().username(), "en");
        assertThat(text(bytes)).contains("Label application no. " + f.application(), "Applicant organisation: " + A,
                B, f.contact(), "Criterion usagers");
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Label application no. ");
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("tagged").isTrue();
        }
    }

    @Test
    void anApplicationOutOfReachIsA404ProblemAsAnUnknownOne() throws Exception {
        Fixture f = fixture(true);
        Reviewer outsider = SqlReviews.reviewer(null);
        for (String caller : List.of(outsider.username(), TestAccounts.COORDINATOR_B, TestAccounts.of(Role.JURY))) {
            HttpResponse<byte[]> refused = get(f.application(), caller, null);
            assertThat(refused.statusCode()).as(caller).isEqualTo(404);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(caller)
                    .startsWith("application/problem+json");
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain(f.title(), A);
        }
        assertThat(get(999_999_999L, SECRETARIAT, null).statusCode()).isEqualTo(404);
        assertThat(get(f.application(), null, null).statusCode()).as("anonymous").isEqualTo(401);
    }

    private byte[] pdf(long application, String username, String lang) throws Exception {
        HttpResponse<byte[]> response = get(application, username, lang);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        return response.body();
    }

    private HttpResponse<byte[]> get(long application, String username, String lang) throws Exception {
        URI uri = TestServer.url().toURI().resolve("api/v1/label-applications/" + application + "/pdf"
                + (lang == null ? "" : "?lang=" + lang));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00a0]+", " ");
        }
    }
}
