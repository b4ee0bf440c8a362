package fr.la27eregion.audit;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.JournalFiller;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

import static fr.la27eregion.testing.MailServerSession.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports of the journal (POST /api/v1/exports, then its file and manifest): 200,000 entries exported as CSV come
 * back complete (every entry once, in order, the count and the SHA-256 the manifest names, the journal head of the
 * manifest a real entry), while the server's live heap stays flat (measured after full collections during the
 * export); a filtered export as XLSX opens in Apache POI with exactly its rows; the auditor is told by mail; each
 * export is one's own; bad parameters are named; other roles are refused.
 */
class JournalExportIT {

    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);
    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final int ENTRIES = 200_000;
    private static final int MODULO = 200;
    /** What the live heap may grow by during the export: 200,000 rows held would be some hundreds of MB. */
    private static final long HEAP_ALLOWANCE = 48L * 1024 * 1024;

    private static String actor;
    private static JournalFiller.Appended filled;

    private final ApiClient api = new ApiClient(TestServer.url());
    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    @BeforeAll
    static void fill() {
        TestServer.url();
        actor = "filler-" + System.nanoTime();
        filled = JournalFiller.append(actor, ENTRIES, MODULO);
    }

    @Test
    void twoHundredThousandEntriesComeBackCompleteAsCsvWhileTheHeapStaysFlat() throws Exception {
        long before = driver.liveHeap();
        Reply asked = api.send("POST", "api/v1/exports?format=CSV&actor=" + actor, null, null, AUDITOR);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.header("Location")).endsWith("/api/v1/exports/" + asked.json().getJsonNumber("id"));
        long id = asked.json().getJsonNumber("id").longValue();

        List<Long> heap = new ArrayList<>();
        JsonObject done = awaitDone(id, () -> heap.add(driver.liveHeap()));
        long peak = heap.stream().mapToLong(Long::longValue).max().orElse(before);
        System.out.printf("Export of %,d entries: live heap before %,d KiB, highest during %,d KiB (%d samples)%n",
                ENTRIES, before / 1024, peak / 1024, heap.size());
        assertThat(heap).as("the heap was measured while the export ran").isNotEmpty();
        assertThat(peak - before).as("live heap growth during the export").isLessThan(HEAP_ALLOWANCE);

        assertThat(done.getJsonNumber("rowsWritten").longValue()).isEqualTo(ENTRIES);
        JsonObject manifest = api.get("api/v1/exports/" + id + "/manifest", AUDITOR).json();
        Path file = download("api/v1/exports/" + id + "/file", AUDITOR);
        try {
            assertThat(sha256(file)).isEqualTo(manifest.getString("sha256")).isEqualTo(done.getString("sha256"));
            assertThat(Files.size(file)).isEqualTo(manifest.getJsonNumber("bytes").longValue());
            assertThat(manifest.getJsonNumber("rows").longValue()).isEqualTo(ENTRIES);
            assertThat(manifest.getJsonObject("filter").getString("actor")).isEqualTo(actor);
            long headSeq = manifest.getJsonObject("journalHead").getJsonNumber("seq").longValue();
            assertThat(headSeq).isGreaterThanOrEqualTo(filled.last());
            assertThat(Superuser.column("SELECT hash FROM journal_entry WHERE seq = ?", headSeq))
                    .containsExactly(manifest.getJsonObject("journalHead").getString("hash"));

            try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Iterator<CSVRecord> records = CSVFormat.RFC4180.parse(text).iterator();
                assertThat(records.next().values()).startsWith("seq", "recorded_at", "actor").contains("hash");
                long expected = filled.first();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    assertThat(Long.parseLong(record.get(0))).isEqualTo(expected);
                    expected++;
                }
                assertThat(expected - filled.first()).as("rows in the file").isEqualTo(ENTRIES);
            }
        } finally {
            Files.deleteIfExists(file);
        }

        assertThat(Superuser.column("SELECT details FROM journal_entry WHERE action = 'journal.export'"
                + " AND entity_id = ? AND actor = ?", String.valueOf(id), AUDITOR))
                .singleElement().asString().contains("\"format\":\"CSV\"").contains(actor);
        assertThat(MailServerSession.await(AUDITOR + "@test.invalid", subject("Votre export est prêt : journal-" + id
                + ".csv"), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void aFilteredExportAsXlsxOpensInApachePoiWithExactlyItsRows() throws Exception {
        Reply asked = api.send("POST", "api/v1/exports?format=xlsx&actor=" + actor
                + "&entityType=Filler&entityId=7", null, null, AUDITOR);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        long id = asked.json().getJsonNumber("id").longValue();
        awaitDone(id, () -> { });

        Path file = download("api/v1/exports/" + id + "/file", AUDITOR);
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("journal");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("seq");
            assertThat(sheet.getLastRowNum()).isEqualTo(ENTRIES / MODULO);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(actor);
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo("7");
            }
            assertThat((long) sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(filled.first() + 7);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRecordsTimelineAndAStatisticsTableAreExportedLikeTheJournal() throws Exception {
        // an organisation that applied to join: its timeline has the application's entries
        long organisation = driver.applicant("Export de frise " + System.nanoTime(), "fr").organisation();
        Reply asked = api.send("POST", "api/v1/exports?format=CSV&kind=timeline&type=organisation&id="
                + organisation, null, null, AUDITOR);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        long id = asked.json().getJsonNumber("id").longValue();
        awaitDone(id, () -> { });
        List<String> expected = new ArrayList<>();
        String next = "api/v1/records/organisation/" + organisation + "/timeline?size=500";
        while (next != null) {
            JsonObject page = api.get(next, AUDITOR).json();
            page.getJsonArray("entries").getValuesAs(JsonObject.class)
                    .forEach(entry -> expected.add(String.valueOf(entry.getJsonNumber("seq").longValue())));
            boolean last = !page.containsKey("nextAfter") || page.isNull("nextAfter");
            next = last ? null : "api/v1/records/organisation/" + organisation + "/timeline?size=500&after="
                    + page.getJsonNumber("nextAfter").longValue();
        }
        assertThat(expected).isNotEmpty();
        List<String> seqs = new ArrayList<>();
        for (CSVRecord record : csv(id)) {
            seqs.add(record.get(0));
        }
        assertThat(seqs.get(0)).isEqualTo("seq");
        assertThat(seqs.subList(1, seqs.size())).isEqualTo(expected);

        Reply statistics = api.send("POST", "api/v1/exports?format=CSV&kind=statistics&table=states"
                + "&from=2000-01-01&to=2100-12-31", null, null, AUDITOR);
        assertThat(statistics.status()).as(statistics.body()).isEqualTo(202);
        long table = statistics.json().getJsonNumber("id").longValue();
        awaitDone(table, () -> { });
        List<CSVRecord> rows = csv(table);
        assertThat(rows.get(0).values()).containsExactly("state", "applications");
        long counted = rows.subList(1, rows.size()).stream().mapToLong(row -> Long.parseLong(row.get(1))).sum();
        assertThat(counted).isEqualTo(Superuser.number("SELECT count(*) FROM label_application"));

        assertThat(api.send("POST", "api/v1/exports?format=CSV&kind=timeline&type=organisation&id=0", null, null,
                AUDITOR).status()).isEqualTo(404);
        assertThat(api.send("POST", "api/v1/exports?format=CSV&kind=statistics&table=nothing&from=2026-01-01"
                + "&to=2026-02-01", null, null, AUDITOR).status()).isEqualTo(400);
        assertThat(api.send("POST", "api/v1/exports?format=CSV&kind=everything", null, null, AUDITOR).status())
                .isEqualTo(400);
    }

    private List<CSVRecord> csv(long id) throws Exception {
        Path file = download("api/v1/exports/" + id + "/file", AUDITOR);
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(text).getRecords();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anExportIsItsRequestersOnlyAndOtherRolesAreRefused() {
        Reply asked = api.send("POST", "api/v1/exports?format=CSV&actor=" + actor + "&entityType=Filler&entityId=3",
                null, null, AUDITOR);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        long id = asked.json().getJsonNumber("id").longValue();

        assertThat(api.get("api/v1/exports/" + id, SECRETARIAT).status()).isEqualTo(404);
        assertThat(api.get("api/v1/exports/" + id + "/manifest", SECRETARIAT).status()).isEqualTo(404);
        assertThat(api.get("api/v1/exports", SECRETARIAT).array().getValuesAs(JsonObject.class))
                .noneMatch(job -> job.getJsonNumber("id").longValue() == id);
        assertThat(api.get("api/v1/exports", AUDITOR).array().getValuesAs(JsonObject.class))
                .anyMatch(job -> job.getJsonNumber("id").longValue() == id);
        for (Role role : List.of(Role.MEMBER_COORDINATOR, Role.CONTRIBUTOR, Role.REVIEWER, Role.JURY)) {
            String username = TestAccounts.of(role);
            assertThat(api.send("POST", "api/v1/exports?format=CSV", null, null, username).status()).as(username)
                    .isEqualTo(403);
            assertThat(api.get("api/v1/exports/" + id, username).status()).as(username).isEqualTo(403);
        }
        assertThat(api.send("POST", "api/v1/exports?format=CSV", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void badParametersAreNamedAndNothingIsAskedFor() {
        long before = Superuser.number("SELECT count(*) FROM export_job");
        Reply format = api.send("POST", "api/v1/exports?format=PDF", null, null, AUDITOR);
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.body()).contains("format");
        Reply from = api.send("POST", "api/v1/exports?format=CSV&from=hier", null, null, AUDITOR);
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.body()).contains("from");
        Reply order = api.send("POST", "api/v1/exports?format=CSV&from=2026-03-02&to=2026-03-01", null, null,
                AUDITOR);
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.body()).contains("\"to\"");
        assertThat(Superuser.number("SELECT count(*) FROM export_job")).isEqualTo(before);
    }

    /** Follows the export until it is done, calling {@code meanwhile} between looks; fails on FAILED. */
    private JsonObject awaitDone(long id, Runnable meanwhile) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < until) {
            JsonObject job = api.get("api/v1/exports/" + id, AUDITOR).json();
            String state = job.getString("state");
            assertThat(state).as(job.toString()).isNotEqualTo("FAILED");
            if ("DONE".equals(state)) {
                return job;
            }
            meanwhile.run();
            Thread.sleep(300);
        }
        throw new AssertionError("The export " + id + " did not end in 4 minutes");
    }

    private static Path download(String path, String username) throws Exception {
        Path file = Files.createTempFile("export-", ".bin");
        String base = TestServer.url().toString();
        HttpResponse<Path> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.endsWith("/") ? base : base + "/").resolve(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((username + ":"
                        + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        return file;
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
