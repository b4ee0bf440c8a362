package fr.la27eregion.project;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.SqlProjects;
import fr.la27eregion.testing.SampleFiles;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's files through the API, from outside, on the shared server: the type is read from the content (a
 * renamed executable, a ZIP that is not a document, a PNG named .pdf are refused), the size is limited, an empty file
 * and a name with a folder path are refused, each with a clear problem tied to the field {@code file}; a good file of
 * each kind comes back byte for byte with the same SHA-256 and the right headers, from PostgreSQL and from a folder;
 * a draft's files are a 404 for another organisation and for anonymous visitors; adding and removing are journaled
 * with the checksum, never the bytes.
 */
class ProjectAttachmentsIT {

    private static final String CONTRIBUTOR = TestAccounts.of(Role.CONTRIBUTOR);
    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final URI base = TestServer.base();
    private final ApiClient api = new ApiClient(TestServer.url());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    private long draft;

    @BeforeEach
    void aDraftOfOrganisationA() {
        draft = SqlProjects.project(TestAccounts.ORGANISATION_A, "DRAFT");
    }

    @AfterEach
    void backToTheDatabaseStore() {
        driver.post("attachments-folder", null, Map.of("path", ""));
    }

    @Test
    void eachKindOfFileRoundTripsFromTheDatabaseWithItsChecksumAndHeaders() {
        Map<String, byte[]> files = Map.of("Bilan de l'été.pdf", SampleFiles.pdf(), "Photo atelier.png",
                SampleFiles.png(), "Photo.JPG", SampleFiles.jpeg(), "Compte rendu.docx", SampleFiles.docx(),
                "Note d'étape.odt", SampleFiles.odt());
        Map<String, String> types = Map.of("Bilan de l'été.pdf", "application/pdf", "Photo atelier.png", "image/png",
                "Photo.JPG", "image/jpeg", "Compte rendu.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "Note d'étape.odt", "application/vnd.oasis.opendocument.text");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            HttpResponse<String> created = upload(draft, file.getKey(), "application/octet-stream", file.getValue(),
                    CONTRIBUTOR);
            assertThat(created.statusCode()).as(file.getKey() + ": " + created.body()).isEqualTo(201);
            JsonObject json = jakarta.json.Json.createReader(new java.io.StringReader(created.body())).readObject();
            assertThat(json.getString("fileName")).isEqualTo(file.getKey());
            assertThat(json.getString("mediaType")).isEqualTo(types.get(file.getKey()));
            assertThat(json.getJsonNumber("sizeBytes").longValue()).isEqualTo(file.getValue().length);
            assertThat(json.getString("sha256")).isEqualTo(SampleFiles.sha256(file.getValue()));
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).endsWith(json.getString("href"));

            HttpResponse<byte[]> download = download(json.getString("href"), CONTRIBUTOR);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(file.getValue());
            assertThat(SampleFiles.sha256(download.body())).isEqualTo(json.getString("sha256"));
            assertThat(download.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(types.get(file.getKey()));
            assertThat(download.headers().firstValue("Content-Length").orElseThrow())
                    .isEqualTo(String.valueOf(file.getValue().length));
            assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment; filename=\"")
                    .endsWith("filename*=UTF-8''" + java.net.URLEncoder.encode(file.getKey(), StandardCharsets.UTF_8)
                            .replace("+", "%20").replace("%27", "%27"));
        }
        assertThat(Superuser.number("SELECT count(*) FROM project_attachment a JOIN project_attachment_content c"
                + " ON c.attachment_id = a.id WHERE a.project_id = ? AND a.stored_name IS NULL", draft))
                .isEqualTo(5);
        Reply list = api.get("api/v1/projects/" + draft + "/attachments", CONTRIBUTOR);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.array()).hasSize(5);
    }

    @Test
    void inAFolderTheBytesAreAFileOfTheServersNamingAndGoWithTheirAttachment(@TempDir Path folder)
            throws IOException {
        driver.post("attachments-folder", null, Map.of("path", folder.toString()));
        byte[] docx = SampleFiles.docx();
        HttpResponse<String> created = upload(draft, "Rapport.docx", "application/pdf", docx, CONTRIBUTOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject json = jakarta.json.Json.createReader(new java.io.StringReader(created.body())).readObject();
        String stored = Superuser.column("SELECT stored_name FROM project_attachment WHERE id = ?",
                json.getJsonNumber("id").longValue()).get(0);
        assertThat(stored).matches("[0-9a-f-]{36}\\.bin");
        try (var files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).containsExactly(stored);
        }
        assertThat(Files.readAllBytes(folder.resolve(stored))).isEqualTo(docx);
        assertThat(Superuser.number("SELECT count(*) FROM project_attachment_content WHERE attachment_id = ?",
                json.getJsonNumber("id").longValue())).isZero();

        HttpResponse<byte[]> download = download(json.getString("href"), CONTRIBUTOR);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(SampleFiles.sha256(download.body())).isEqualTo(SampleFiles.sha256(docx));

        Reply deleted = api.send("DELETE", json.getString("href").substring(1) + "?version="
                + json.getInt("version"), null, null, CONTRIBUTOR);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(folder.resolve(stored)).doesNotExist();
        assertThat(download(json.getString("href"), CONTRIBUTOR).statusCode()).isEqualTo(404);
    }

    @Test
    void aRenamedExecutableAZipAndAMislabelledPictureAreRefusedForTheirType() {
        assertRefused(upload(draft, "rapport.pdf", "application/pdf", SampleFiles.elf(), CONTRIBUTOR), 415,
                "project.attachment.TYPE", "application/x-executable");
        assertRefused(upload(draft, "rapport.pdf", "application/pdf", SampleFiles.exe(), CONTRIBUTOR), 415,
                "project.attachment.TYPE", "PDF, ODT, DOCX, PNG or JPEG only");
        assertRefused(upload(draft, "rapport.docx", "application/vnd.openxmlformats-officedocument"
                + ".wordprocessingml.document", SampleFiles.zip(), CONTRIBUTOR), 415, "project.attachment.TYPE",
                "application/zip");
        assertRefused(upload(draft, "photo.pdf", "application/pdf", SampleFiles.png(), CONTRIBUTOR), 415,
                "project.attachment.MISLABELLED", "named .pdf but its content is PNG");
        assertNothingStored();
    }

    @Test
    void anEmptyFileAnOversizeFileAndANameWithAPathAreRefused() {
        assertRefused(upload(draft, "vide.pdf", "application/pdf", new byte[0], CONTRIBUTOR), 422,
                "project.attachment.EMPTY", "empty");
        byte[] tooLarge = Arrays.copyOf(SampleFiles.pdf(), (int) MAX_BYTES + 1);
        assertRefused(upload(draft, "gros.pdf", "application/pdf", tooLarge, CONTRIBUTOR), 413,
                "project.attachment.TOO_LARGE", "larger than 20 MB");
        assertRefused(upload(draft, "../../etc/passwd.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR), 422,
                "project.attachment.PATH", "folder path");
        assertRefused(upload(draft, "C:\\x\\y.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR), 422,
                "project.attachment.PATH", "folder path");
        assertRefused(upload(draft, " . ", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR), 422,
                "project.attachment.NAME", "name");
        assertNothingStored();
    }

    @Test
    void aBodyOverTheContainersMultipartCeilingIsAProblemNotAFailure() throws Exception {
        // 101 MB of a PDF's bytes, streamed: above web.xml's multipart-config, refused by the container itself
        String boundary = "----plafond" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"enorme.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long filler = 101L * 1024 * 1024;
        java.io.InputStream body = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head), new java.io.InputStream() {
                    private long left = filler;

                    @Override
                    public int read() {
                        return left-- > 0 ? ' ' : -1;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) {
                        if (left <= 0) {
                            return -1;
                        }
                        int n = (int) Math.min(length, left);
                        Arrays.fill(buffer, offset, offset + n, (byte) ' ');
                        left -= n;
                        return n;
                    }
                }, new java.io.ByteArrayInputStream(tail))));
        long length = head.length + filler + tail.length;
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/projects/" + draft + "/attachments"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        length));
        authorize(request, CONTRIBUTOR);
        HttpResponse<String> refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertNothingStored();
    }

    @Test
    void aFileOfExactlyTheLimitIsTaken() {
        byte[] largest = Arrays.copyOf(SampleFiles.pdf(), (int) MAX_BYTES);
        HttpResponse<String> created = upload(draft, "Annexes.pdf", "application/pdf", largest, CONTRIBUTOR);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains(SampleFiles.sha256(largest));
    }

    @Test
    void aDraftsFilesAreOutOfSightOfAnotherOrganisationAndOfAnonymousVisitors() {
        HttpResponse<String> created = upload(draft, "Bilan.pdf", "application/pdf", SampleFiles.pdf(), CONTRIBUTOR);
        assertThat(created.statusCode()).isEqualTo(201);
        String href = hrefOf(created).substring(1);
        String list = "api/v1/projects/" + draft + "/attachments";
        for (String outsider : new String[] {COORDINATOR_B, null}) {
            assertThat(api.get(list, outsider).status()).as("list as " + outsider).isEqualTo(404);
            Reply file = api.get(href, outsider);
            assertThat(file.status()).as("file as " + outsider).isEqualTo(404);
            assertThat(file.body()).doesNotContain("%PDF");
        }
        // nor by its id under the address of a project they see
        long published = SqlProjects.project(TestAccounts.ORGANISATION_B, "PUBLIC");
        String elsewhere = "api/v1/projects/" + published + href.substring(href.indexOf("/attachments/"));
        for (String caller : new String[] {COORDINATOR_B, null, CONTRIBUTOR}) {
            Reply file = api.get(elsewhere, caller);
            assertThat(file.status()).as("under another project as " + caller).isEqualTo(404);
            assertThat(file.body()).doesNotContain("%PDF");
        }
        assertThat(upload(draft, "Autre.pdf", "application/pdf", SampleFiles.pdf(), COORDINATOR_B).statusCode())
                .isEqualTo(404);
        assertThat(upload(draft, "Autre.pdf", "application/pdf", SampleFiles.pdf(), null).statusCode())
                .isEqualTo(401);
        // an auditor sees every project and changes none
        assertThat(api.get(href, TestAccounts.of(Role.AUDITOR)).status()).isEqualTo(200);
        assertThat(upload(draft, "Autre.pdf", "application/pdf", SampleFiles.pdf(), TestAccounts.of(Role.AUDITOR))
                .statusCode()).isEqualTo(403);
        assertThat(Superuser.number("SELECT count(*) FROM project_attachment WHERE project_id = ?", draft))
                .isEqualTo(1);
    }

    @Test
    void aPublicProjectsFilesAreEveryonesToReadAndItsOrganisationsToChange() {
        long published = SqlProjects.project(TestAccounts.ORGANISATION_A, "PUBLIC");
        HttpResponse<String> created = upload(published, "Affiche.png", "image/png", SampleFiles.png(),
                TestAccounts.of(Role.MEMBER_COORDINATOR));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(api.get("api/v1/projects/" + published + "/attachments", null).array()).hasSize(1);
        HttpResponse<byte[]> anonymous = download(hrefOf(created), null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo(SampleFiles.png());
        assertThat(upload(published, "Autre.png", "image/png", SampleFiles.png(), COORDINATOR_B).statusCode())
                .isEqualTo(403);
        assertThat(api.send("DELETE", hrefOf(created).substring(1) + "?version=0", null, null, COORDINATOR_B)
                .status()).isEqualTo(403);
    }

    @Test
    void addingAndRemovingAreJournaledWithTheChecksumNeverTheBytesAndARemovalIsVersionChecked() {
        byte[] pdf = SampleFiles.pdf();
        HttpResponse<String> created = upload(draft, "Bilan.pdf", "application/pdf", pdf, CONTRIBUTOR);
        JsonObject json = jakarta.json.Json.createReader(new java.io.StringReader(created.body())).readObject();
        List<Map<String, Object>> attached = Superuser.rows("SELECT action, entity_type, entity_id, details, actor,"
                + " subject_type FROM journal_entry WHERE request_id = ?",
                created.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(attached).hasSize(1);
        assertThat(attached.get(0)).containsEntry("action", "project.attach").containsEntry("entity_type", "Project")
                .containsEntry("entity_id", String.valueOf(draft)).containsEntry("actor", CONTRIBUTOR)
                .containsEntry("subject_type", "Organisation");
        assertThat((String) attached.get(0).get("details")).contains(SampleFiles.sha256(pdf), "Bilan.pdf",
                "application/pdf", "\"sizeBytes\":" + pdf.length).doesNotContain("PDF-1.4");

        String href = json.getString("href").substring(1);
        assertThat(api.send("DELETE", href + "?version=7", null, null, CONTRIBUTOR).status()).isEqualTo(409);
        assertThat(api.send("DELETE", href, null, null, CONTRIBUTOR).status()).isEqualTo(422);
        Reply deleted = api.send("DELETE", href + "?version=" + json.getInt("version"), null, null, CONTRIBUTOR);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(Superuser.column("SELECT action FROM journal_entry WHERE request_id = ?", deleted.requestId()))
                .containsExactly("project.detach");
        assertThat(Superuser.number("SELECT count(*) FROM project_attachment_content WHERE attachment_id = ?",
                json.getJsonNumber("id").longValue())).isZero();
    }

    @Test
    void aReadOnlyTokenCannotUpload() {
        PlatformDriver.Answer token = driver.post("token", CONTRIBUTOR, Map.of("name", "Lecture des projets",
                "scope", "READ"));
        assertThat(token.status()).as(token.json().toString()).isEqualTo(200);
        HttpResponse<String> refused = upload(draft, "Bilan.pdf", "application/pdf", SampleFiles.pdf(),
                "Bearer " + token.json().getString("secret"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertNothingStored();
    }

    @Test
    void aBodyThatIsNotMultipartIsRefused() {
        Reply json = api.post("api/v1/projects/" + draft + "/attachments", "{\"file\": \"JVBERi0=\"}", CONTRIBUTOR);
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.mediaType()).isEqualTo("application/problem+json");
        assertNothingStored();
    }

    // ----- helpers -----

    private void assertRefused(HttpResponse<String> response, int status, String rule, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonObject problem = jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
        assertThat(problem.getString("rule")).isEqualTo(rule);
        assertThat(problem.getString("field")).isEqualTo("file");
        assertThat(problem.getString("detail")).contains(detail);
    }

    private void assertNothingStored() {
        assertThat(Superuser.number("SELECT count(*) FROM project_attachment WHERE project_id = ?", draft)).isZero();
    }

    private static String hrefOf(HttpResponse<String> created) {
        return jakarta.json.Json.createReader(new java.io.StringReader(created.body())).readObject().getString("href");
    }

    /**
     * A multipart/form-data upload of one part {@code file}, as a browser sends it (the name raw in UTF-8, a
     * backslash escaped in the quoted string), with the Content-Type the client claims.
     *
     * @param caller a test account (HTTP Basic), a whole {@code Bearer ...} value, or null for anonymous
     */
    private HttpResponse<String> upload(long project, String fileName, String claimedType, byte[] content,
                                        String caller) {
        String boundary = "----essai" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String quoted = fileName.replace("\\", "\\\\").replace("\"", "\\\"");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + quoted
                + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/projects/" + project
                        + "/attachments")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        authorize(request, caller);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("upload of " + fileName, e);
        }
    }

    private HttpResponse<byte[]> download(String href, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(href.substring(1)))
                .timeout(Duration.ofSeconds(60)).GET();
        authorize(request, caller);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("download of " + href, e);
        }
    }

    private static void authorize(HttpRequest.Builder request, String caller) {
        if (caller == null) {
            return;
        }
        request.header("Authorization", caller.startsWith("Bearer ") ? caller : "Basic " + Base64.getEncoder()
                .encodeToString((caller + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
