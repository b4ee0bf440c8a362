package fr.la27eregion.label;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.SampleFiles;
import fr.la27eregion.testing.SqlProjects;
import fr.la27eregion.testing.SqlReviews;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A label application's files through the API, from outside, on the shared server (HTTP Basic as each role): the
 * applicant's people upload, list, download and delete them while they hold the application (draft, changes
 * requested), with the projects' file rules (type from the content, size, name) and their refusals as problems;
 * once submitted the files stay as they are (422); another organisation reaches nothing (404), a reviewer only the
 * files of an application assigned to them (not its messages' files), the campaign's jury chair once it is reviewed;
 * adding and removing are journaled with the application as subject; a message carries a file (multipart), both or
 * neither kept.
 */
class ApplicationAttachmentsIT {

    private static final String ADMIN = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR = TestAccounts.of(Role.MEMBER_COORDINATOR);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String JURY = TestAccounts.of(Role.JURY);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final URI base = TestServer.base();
    private final ApiClient api = new ApiClient(TestServer.url());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    private SqlReviews.Campaign campaign;
    private JsonObject draft;
    private long id;

    @BeforeEach
    void aDraftOfOrganisationA() {
        campaign = SqlReviews.campaign(1, false, false);
        long project = SqlProjects.project(TestAccounts.ORGANISATION_A, "DRAFT");
        Reply created = api.post("api/v1/label-applications", Json.createObjectBuilder()
                .add("campaignId", campaign.campaignId()).add("projectId", project).build().toString(), CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        draft = created.json();
        id = draft.getJsonNumber("id").longValue();
    }

    @AfterEach
    void backToTheDatabaseStore() {
        driver.post("attachments-folder", null, Map.of("path", ""));
    }

    @Test
    void theApplicantUploadsListsDownloadsAndDeletesJournaledWithTheApplicationAsSubject() {
        byte[] pdf = SampleFiles.pdf();
        Reply created = upload(id, "Dossier de candidature.pdf", "application/octet-stream", pdf, CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject file = created.json();
        assertThat(file.getString("fileName")).isEqualTo("Dossier de candidature.pdf");
        assertThat(file.getString("mediaType")).isEqualTo("application/pdf");
        assertThat(file.getString("sha256")).isEqualTo(SampleFiles.sha256(pdf));
        assertThat(file.getOrDefault("messageId", JsonValue.NULL)).as("not a message's").isEqualTo(JsonValue.NULL);
        assertThat(created.header("Location")).endsWith(file.getString("href"));
        Reply png = upload(id, "Atelier.png", "image/png", SampleFiles.png(), COORDINATOR);
        assertThat(png.status()).as(png.body()).isEqualTo(201);

        Reply list = api.get("api/v1/label-applications/" + id + "/attachments", CONTRIBUTOR);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array()).extracting(value -> value.asJsonObject().getString("fileName"))
                .containsExactly("Dossier de candidature.pdf", "Atelier.png");

        HttpResponse<byte[]> download = download(file.getString("href"), COORDINATOR);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("ETag").orElseThrow()).contains(SampleFiles.sha256(pdf));

        List<Map<String, Object>> attached = Superuser.rows("SELECT action, entity_type, entity_id, details, actor,"
                + " subject_type, subject_id FROM journal_entry WHERE request_id = ?", created.requestId());
        assertThat(attached).hasSize(1);
        assertThat(attached.get(0)).containsEntry("action", "label-application.attach")
                .containsEntry("entity_type", "LabelApplication").containsEntry("entity_id", String.valueOf(id))
                .containsEntry("actor", CONTRIBUTOR).containsEntry("subject_type", "LabelApplication")
                .containsEntry("subject_id", String.valueOf(id));
        assertThat((String) attached.get(0).get("details")).contains(SampleFiles.sha256(pdf),
                "Dossier de candidature.pdf", "\"sizeBytes\":" + pdf.length).doesNotContain("PDF-1.4");
        assertThat(api.get("api/v1/label-applications/" + id, CONTRIBUTOR).json().getInt("version"))
                .as("a file leaves the application's version alone").isEqualTo(draft.getInt("version"));

        String href = file.getString("href").substring(1);
        assertThat(api.send("DELETE", href + "?version=5", null, null, CONTRIBUTOR).status()).isEqualTo(409);
        assertThat(api.send("DELETE", href, null, null, CONTRIBUTOR).status()).isEqualTo(422);
        Reply deleted = api.send("DELETE", href + "?version=" + file.getInt("version"), null, null, CONTRIBUTOR);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(Superuser.column("SELECT action FROM journal_entry WHERE request_id = ?", deleted.requestId()))
                .containsExactly("label-application.detach");
        assertThat(download(file.getString("href"), CONTRIBUTOR).statusCode()).isEqualTo(404);
        assertThat(Superuser.number("SELECT count(*) FROM application_attachment_content WHERE attachment_id = ?",
                file.getJsonNumber("id").longValue())).isZero();
        assertThat(api.get("api/v1/label-applications/" + id + "/attachments", CONTRIBUTOR).array()).hasSize(1);
    }

    @Test
    void inAFolderTheBytesAreAFileOfTheServersNaming(@TempDir Path folder) throws IOException {
        driver.post("attachments-folder", null, Map.of("path", folder.toString()));
        byte[] docx = SampleFiles.docx();
        Reply created = upload(id, "Budget.docx", "application/pdf", docx, CONTRIBUTOR);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String stored = Superuser.column("SELECT stored_name FROM application_attachment WHERE id = ?",
                created.json().getJsonNumber("id").longValue()).get(0);
        assertThat(stored).matches("[0-9a-f-]{36}\\.bin");
        assertThat(Files.readAllBytes(folder.resolve(stored))).isEqualTo(docx);
        assertThat(download(created.json().getString("href"), CONTRIBUTOR).body()).isEqualTo(docx);
    }

    @Test
    void refusedTypesAndSizesAreProblemsTiedToTheFileAndNothingIsStored() {
        assertRefused(upload(id, "dossier.pdf", "application/pdf", SampleFiles.elf(), CONTRIBUTOR), 415,
                "label.attachment.TYPE", "application/x-executable");
        assertRefused(upload(id, "dossier.docx", "application/zip", SampleFiles.zip(), CONTRIBUTOR), 415,
                "label.attachment.TYPE", "application/zip");
        assertRefused(upload(id, "photo.pdf", "application/pdf", SampleFiles.png(), CONTRIBUTOR), 415,
                "label.attachment.MISLABELLED", "named .pdf but its content is PNG");
        assertRefused(upload(id, "vide.pdf", "application/pdf", new byte[0], CONTRIBUTOR), 422,
                "label.attachment.EMPTY", "empty");
        byte[] tooLarge = Arrays.copyOf(SampleFiles.pdf(), (int) MAX_BYTES + 1);
        assertRefused(upload(id, "gros.pdf", "application/pdf", tooLarge, CONTRIBUTOR), 413,
                "label.attachment.TOO_LARGE", "larger than 20 MB");
        assertRefused(upload(id, "../../etc/passwd.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR), 422,
                "label.attachment.PATH", "folder path");
        Reply json = api.post("api/v1/label-applications/" + id + "/attachments", "{\"file\": \"JVBERi0=\"}",
                CONTRIBUTOR);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.mediaType()).isEqualTo("application/problem+json");
        assertThat(Superuser.number("SELECT count(*) FROM application_attachment WHERE application_id = ?", id))
                .isZero();
    }

    @Test
    void onceSubmittedTheFilesStayAsTheyAreUntilChangesAreRequested() {
        Reply kept = upload(id, "Dossier.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR);
        assertThat(kept.status()).isEqualTo(201);
        int version = answerAll(draft, CONTRIBUTOR);
        Reply submitted = step("SUBMIT", version, null, COORDINATOR);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);

        Reply refused = upload(id, "Annexe.pdf", "application/pdf", SampleFiles.pdf(), COORDINATOR);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().getString("rule")).isEqualTo("label.rule.NOT_EDITABLE");
        assertThat(refused.json().getString("field")).isEqualTo("file");
        String href = kept.json().getString("href").substring(1);
        assertThat(api.send("DELETE", href + "?version=0", null, null, COORDINATOR).status()).isEqualTo(422);
        assertThat(download(kept.json().getString("href"), CONTRIBUTOR).statusCode()).isEqualTo(200);

        Reply changes = step("REQUEST_CHANGES", submitted.json().getInt("version"), "Joignez le budget.", ADMIN);
        assertThat(changes.status()).as(changes.body()).isEqualTo(200);
        assertThat(upload(id, "Budget.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR).status())
                .isEqualTo(201);
    }

    @Test
    void outOfScopeIsA404AndOnlyTheApplicantChangesTheFiles() {
        Reply created = upload(id, "Dossier.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR);
        String href = created.json().getString("href");
        String list = "api/v1/label-applications/" + id + "/attachments";
        assertThat(api.get(list, COORDINATOR_B).status()).isEqualTo(404);
        HttpResponse<byte[]> outsider = download(href, COORDINATOR_B);
        assertThat(outsider.statusCode()).isEqualTo(404);
        assertThat(new String(outsider.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
        assertThat(upload(id, "Autre.pdf", "application/pdf", SampleFiles.pdf(), COORDINATOR_B).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", href.substring(1) + "?version=0", null, null, COORDINATOR_B).status())
                .isEqualTo(404);
        assertThat(api.get(list, null).status()).isEqualTo(401);
        // the secretariat and auditors read every application's files and change none
        for (String reader : List.of(ADMIN, AUDITOR)) {
            assertThat(api.get(list, reader).array()).as(reader).hasSize(1);
            assertThat(download(href, reader).statusCode()).as(reader).isEqualTo(200);
            assertThat(upload(id, "Autre.pdf", "application/pdf", SampleFiles.pdf(), reader).status()).as(reader)
                    .isEqualTo(403);
        }
        assertThat(Superuser.number("SELECT count(*) FROM application_attachment WHERE application_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void aReviewerReadsTheFilesOfAnApplicationAssignedToThemOnlyAndTheChairOnceReviewed() {
        Reply file = upload(id, "Dossier.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR);
        int version = answerAll(draft, CONTRIBUTOR);
        Reply submitted = step("SUBMIT", version, null, COORDINATOR);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        SqlReviews.Reviewer assigned = SqlReviews.reviewer(null);
        SqlReviews.Reviewer other = SqlReviews.reviewer(null);
        String list = "api/v1/label-applications/" + id + "/attachments";
        String href = file.json().getString("href");
        assertThat(api.get(list, assigned.username()).status()).as("before the assignment").isEqualTo(404);

        Reply assignment = api.post("api/v1/label-applications/" + id + "/assessments", Json.createObjectBuilder()
                .add("reviewerAccountId", assigned.id()).add("dueOn", LocalDate.now().plusDays(10).toString())
                .build().toString(), ADMIN);
        assertThat(assignment.status()).as(assignment.body()).isEqualTo(201);
        assertThat(api.get(list, assigned.username()).array()).hasSize(1);
        HttpResponse<byte[]> read = download(href, assigned.username());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(SampleFiles.pdf());
        assertThat(upload(id, "Avis.pdf", "application/pdf", SampleFiles.pdf(), assigned.username()).status())
                .isEqualTo(403);

        assertThat(api.get(list, other.username()).status()).as("a reviewer not assigned").isEqualTo(404);
        HttpResponse<byte[]> notTheirs = download(href, other.username());
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(new String(notTheirs.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");

        // the campaign's jury chair: not while in review, then once reviewed
        Superuser.update("UPDATE campaign SET jury_chair_account_id = (SELECT id FROM account WHERE username = ?)"
                + " WHERE id = ?", JURY, campaign.campaignId());
        assertThat(api.get(list, JURY).status()).isEqualTo(404);
        Superuser.update("UPDATE label_application SET state = 'REVIEWED' WHERE id = ?", id);
        assertThat(api.get(list, JURY).array()).hasSize(1);
        assertThat(download(href, JURY).statusCode()).isEqualTo(200);
    }

    @Test
    void aMessageCarriesAFileReadByTheConversationOnlyAndARefusedFileWritesNoMessage() {
        int version = answerAll(draft, CONTRIBUTOR);
        Reply submitted = step("SUBMIT", version, null, COORDINATOR);
        Reply changes = step("REQUEST_CHANGES", submitted.json().getInt("version"), "Précisez le budget.", ADMIN);
        assertThat(changes.status()).as(changes.body()).isEqualTo(200);

        byte[] pdf = SampleFiles.pdf();
        Reply written = message(id, "Voici le budget détaillé.", "Budget détaillé.pdf", pdf, COORDINATOR);
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        JsonObject message = written.json();
        assertThat(message.getString("body")).isEqualTo("Voici le budget détaillé.");
        assertThat(message.getJsonArray("files")).hasSize(1);
        JsonObject file = message.getJsonArray("files").getJsonObject(0);
        assertThat(file.getString("fileName")).isEqualTo("Budget détaillé.pdf");
        assertThat(file.getJsonNumber("messageId").longValue()).isEqualTo(message.getJsonNumber("id").longValue());
        assertThat(Superuser.column("SELECT action FROM journal_entry WHERE request_id = ?", written.requestId()))
                .containsExactly("label-application.message");
        assertThat(Superuser.column("SELECT details FROM journal_entry WHERE request_id = ?", written.requestId())
                .get(0)).contains(SampleFiles.sha256(pdf), "Budget détaillé.pdf");

        Reply messages = api.get("api/v1/label-applications/" + id + "/messages", ADMIN);
        assertThat(messages.array().get(messages.array().size() - 1).asJsonObject().getJsonArray("files"))
                .hasSize(1);
        assertThat(download(file.getString("href"), ADMIN).body()).isEqualTo(pdf);
        assertThat(download(file.getString("href"), AUDITOR).statusCode()).isEqualTo(200);
        assertThat(api.get("api/v1/label-applications/" + id + "/attachments", COORDINATOR).array())
                .as("a message's file is the message's, not in the application's list").isEmpty();
        assertThat(api.send("DELETE", file.getString("href").substring(1) + "?version=0", null, null, COORDINATOR)
                .status()).as("kept with its message").isEqualTo(403);

        // a text-only multipart message, the secretariat's
        Reply plain = message(id, "Merci, c'est reçu.", null, null, ADMIN);
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().getJsonArray("files")).isEmpty();

        long before = Superuser.number("SELECT count(*) FROM application_message WHERE application_id = ?", id);
        Reply refused = message(id, "Un programme.", "budget.pdf", SampleFiles.exe(), COORDINATOR);
        assertThat(refused.status()).as(refused.body()).isEqualTo(415);
        assertThat(refused.json().getString("rule")).isEqualTo("label.attachment.TYPE");
        assertThat(Superuser.number("SELECT count(*) FROM application_message WHERE application_id = ?", id))
                .as("neither the message nor the file").isEqualTo(before);
    }

    // ----- helpers -----

    private int answerAll(JsonObject application, String caller) {
        JsonArrayBuilder answers = Json.createArrayBuilder();
        application.getJsonArray("answers").forEach(answer -> answers.add(Json.createObjectBuilder()
                .add("criterionId", answer.asJsonObject().getJsonNumber("criterionId").longValue())
                .add("answer", "Notre réponse.")));
        Reply answered = api.send("PUT", "api/v1/label-applications/" + id + "/answers", "application/json",
                HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("version",
                        application.getInt("version")).add("answers", answers).build().toString()), caller);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return answered.json().getInt("version");
    }

    private Reply step(String action, int version, String reason, String caller) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("action", action).add("version", version);
        if (reason != null) {
            body.add("reason", reason);
        }
        return api.post("api/v1/label-applications/" + id + "/transitions", body.build().toString(), caller);
    }

    private static void assertRefused(Reply response, int status, String rule, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.mediaType()).isEqualTo("application/problem+json");
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertThat(problem.getString("rule")).isEqualTo(rule);
        assertThat(problem.getString("field")).isEqualTo("file");
        assertThat(problem.getString("detail")).contains(detail);
    }

    private Reply upload(long application, String fileName, String claimedType, byte[] content, String caller) {
        String boundary = "----essai" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        filePart(body, boundary, fileName, claimedType, content);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "api/v1/label-applications/" + application + "/attachments",
                "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(
                        body.toByteArray()), caller);
    }

    private Reply message(long application, String text, String fileName, byte[] content, String caller) {
        String boundary = "----message" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (fileName != null) {
            filePart(body, boundary, fileName, "application/pdf", content);
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "api/v1/label-applications/" + application + "/messages",
                "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(
                        body.toByteArray()), caller);
    }

    private static void filePart(ByteArrayOutputStream body, String boundary, String fileName, String claimedType,
                                 byte[] content) {
        String quoted = fileName.replace("\\", "\\\\").replace("\"", "\\\"");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + quoted
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> download(String href, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(href.substring(1)))
                .timeout(Duration.ofSeconds(60)).GET();
        if (caller != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((caller + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("download of " + href, e);
        }
    }
}
