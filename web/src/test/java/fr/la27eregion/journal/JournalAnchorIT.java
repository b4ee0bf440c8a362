package fr.la27eregion.journal;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.AnchorVerification;
import fr.la27eregion.journal.chain.ChainProblem;
import fr.la27eregion.journal.chain.TimeStamps;
import fr.la27eregion.ops.VerifyJournal;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.TimeStampAuthoritySession;
import fr.la27eregion.testing.TimeStampAuthoritySession.Mode;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's anchors on a real Payara Micro and PostgreSQL, time-stamped by a real RFC 3161 authority started by
 * the test run ({@link TimeStampAuthoritySession}: Bouncy Castle's responder behind a JDK HTTP server): the daily
 * job anchors once however many timers fire, a right token verifies, a token over another hash or by another key
 * is kept and shown as not proving the head, an authority that is down is recorded, and the offline verifier
 * ({@code ops/verify-journal}) agrees.
 */
@DisplayName("Journal anchors")
class JournalAnchorIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);

    private final ApiClient api = new ApiClient(TestServer.url());

    @AfterEach
    void rightAgain() {
        TimeStampAuthoritySession.answer(Mode.RIGHT);
        new PlatformDriver(TestServer.url()).moveClockBy(Duration.ZERO);
    }

    @Test
    @DisplayName("the daily job anchors the head once however many timers fire, time-stamped, as the system")
    void theDailyJobAnchorsOnce() throws Exception {
        PlatformDriver driver = new PlatformDriver(TestServer.url());
        anchorNow(SECRETARIAT); // an entry at least (journal.anchor), whichever test runs first in a fresh database
        LocalDate day = LocalDate.now().plusDays(7001);
        driver.moveClockTo(day);
        List<String> outcomes = new ArrayList<>();
        for (String tag : driver.fireAnchorJob(3)) {
            outcomes.add(driver.outcome(tag, Duration.ofMinutes(2)));
        }
        assertThat(outcomes.stream().filter(outcome -> outcome.startsWith("ran=true")).toList()).as(outcomes.toString())
                .hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("ran=false")).hasSize(2);
        String ran = outcomes.stream().filter(outcome -> outcome.startsWith("ran=true")).findFirst().orElseThrow();
        assertThat(ran).endsWith("status=VERIFIED");
        long id = Long.parseLong(ran.replaceAll(".*anchor=(\\d+).*", "$1"));
        assertThat(Superuser.number("SELECT count(*) FROM job_run WHERE job = 'journal.anchor' AND due = ?",
                java.sql.Date.valueOf(day))).isEqualTo(1);
        Map<String, Object> anchor = Superuser.rows("SELECT a.head_seq, a.head_hash, e.hash AS entry_hash,"
                + " a.anchored_by, a.tsa_status FROM journal_anchor a JOIN journal_entry e ON e.seq = a.head_seq"
                + " WHERE a.id = ?", id).get(0);
        assertThat(anchor.get("head_hash")).isEqualTo(anchor.get("entry_hash"));
        assertThat(anchor.get("anchored_by")).isEqualTo("system");
        assertThat(Superuser.column("SELECT actor FROM journal_entry WHERE action = 'journal.anchor'"
                + " AND entity_id = ?", String.valueOf(id))).containsExactly("system");
    }

    @Test
    @DisplayName("a right time stamp is stored and verifies: imprint = head hash, signed by the trusted authority")
    void aRightTimeStampVerifies() throws Exception {
        JsonObject made = anchorNow(SECRETARIAT);
        assertThat(made.getString("timestamp")).as(made.toString()).isEqualTo("VERIFIED");
        assertThat(made.containsKey("problem")).as(made.toString()).isFalse();
        long id = made.getJsonNumber("id").longValue();
        String hash = made.getString("hash");
        assertThat(hash).isEqualTo(Superuser.column("SELECT hash FROM journal_entry WHERE seq = ?",
                made.getJsonNumber("seq").longValue()).get(0));

        // the stored token, checked here with the authority's certificate, as anyone would
        byte[] token = (byte[]) Superuser.rows("SELECT tsa_token FROM journal_anchor WHERE id = ?", id).get(0)
                .get("tsa_token");
        X509Certificate trusted = TimeStamps.certificate(Path.of(System.getProperty("test.tsa.certificate")));
        assertThat(TimeStamps.check(token, hash, trusted)).isNull();
        assertThat(TimeStamps.check(token, "0".repeat(64), trusted).kind()).isEqualTo(ChainProblem.Kind.STAMP_OTHER_HASH);

        assertThat(check(id).getBoolean("holds")).isTrue();
        assertThat(check(id).getBoolean("timestamped")).isTrue();
        assertThat(offline(id).holds()).as(String.valueOf(offline(id).problem())).isTrue();
        assertThat(Superuser.column("SELECT actor FROM journal_entry WHERE action = 'journal.anchor'"
                + " AND entity_id = ?", String.valueOf(id))).containsExactly(SECRETARIAT);
    }

    @Test
    @DisplayName("a time stamp over another hash is kept, marked INVALID, and the verification says it does not match")
    void aTimeStampOfAnotherHashDoesNotMatch() throws Exception {
        TimeStampAuthoritySession.answer(Mode.OTHER_HASH);
        JsonObject made = anchorNow(SECRETARIAT);
        assertThat(made.getString("timestamp")).as(made.toString()).isEqualTo("INVALID");
        assertThat(made.getString("problem")).contains("does not match the anchor");
        long id = made.getJsonNumber("id").longValue();
        assertThat(check(id).getBoolean("holds")).isFalse();
        assertThat(check(id).getString("problem")).contains("does not match the anchor");
        assertThat(offline(id).problem()).contains("does not match the anchor");
    }

    @Test
    @DisplayName("ops/verify-journal's command exits 3 when the chain is intact but an anchor does not hold")
    void theOfflineCommandSaysSoByItsExitCode() throws Exception {
        TimeStampAuthoritySession.answer(Mode.OTHER_HASH);
        long id = anchorNow(SECRETARIAT).getJsonNumber("id").longValue();
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VerifyJournal.class.getName())
                .redirectErrorStream(true);
        command.environment().put("DB_URL", System.getProperty("test.db.url"));
        command.environment().put("DB_USER", System.getProperty("test.db.user"));
        command.environment().put("DB_PASSWORD", System.getProperty("test.db.password"));
        command.environment().put("TSA_CERTIFICATE", System.getProperty("test.tsa.certificate"));
        Process run = command.start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(output).isEqualTo(3);
        assertThat(output).contains("The chain is intact.", "Anchors checked:", "Anchor " + id + " (entry ",
                "does NOT hold: the time stamp does not match the anchor");
    }

    @Test
    @DisplayName("a time stamp signed by another key than the trusted authority's does not verify")
    void aTimeStampOfAnotherAuthorityDoesNotVerify() throws Exception {
        TimeStampAuthoritySession.answer(Mode.UNTRUSTED);
        JsonObject made = anchorNow(SECRETARIAT);
        assertThat(made.getString("timestamp")).as(made.toString()).isEqualTo("INVALID");
        assertThat(made.getString("problem")).contains("not signed by the trusted authority");
        assertThat(offline(made.getJsonNumber("id").longValue()).holds()).isFalse();
    }

    @Test
    @DisplayName("an authority that is down is recorded on the anchor, which still records the head")
    void anAuthorityDownIsRecorded() throws Exception {
        TimeStampAuthoritySession.answer(Mode.DOWN);
        JsonObject made = anchorNow(SECRETARIAT);
        assertThat(made.getString("timestamp")).as(made.toString()).isEqualTo("FAILED");
        assertThat(made.getString("problem")).contains("HTTP 503");
        long id = made.getJsonNumber("id").longValue();
        assertThat(check(id).getBoolean("holds")).as("the head is anchored, without a time stamp").isTrue();
        assertThat(check(id).getBoolean("timestamped")).isFalse();
    }

    @Test
    @DisplayName("an anchor whose hash the chain no longer has is named by both verifications")
    void aRewrittenJournalIsSeenByItsAnchor() throws Exception {
        long seq = Superuser.number("SELECT seq FROM journal_head");
        long id = Superuser.number("INSERT INTO journal_anchor (anchored_at, anchored_by, head_seq, head_hash,"
                + " tsa_status) VALUES (now(), 'test', ?, ?, 'NONE') RETURNING id", seq, "ab".repeat(32));
        assertThat(check(id).getString("problem")).contains("no longer has the anchored hash");
        assertThat(offline(id).problem()).contains("no longer has the anchored hash");
    }

    @Test
    @DisplayName("others than the secretariat and auditors may neither anchor nor read anchors")
    void othersAreRefused() {
        String coordinator = TestAccounts.of(Role.MEMBER_COORDINATOR);
        assertThat(api.post("api/v1/journal/anchors", "{}", coordinator).status()).isEqualTo(403);
        // auditors read and check the anchors, but change nothing
        assertThat(api.post("api/v1/journal/anchors", "{}", AUDITOR).status()).isEqualTo(403);
        assertThat(api.get("api/v1/journal/anchors", AUDITOR).status()).isEqualTo(200);
        assertThat(api.get("api/v1/journal/anchors", coordinator).status()).isEqualTo(403);
        assertThat(api.get("api/v1/journal/anchors/verify", null).status()).isEqualTo(401);
    }

    private JsonObject anchorNow(String username) {
        ApiClient.Reply reply = api.post("api/v1/journal/anchors", "{}", username);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonObject made = reply.json();
        List<JsonObject> listed = api.get("api/v1/journal/anchors", username).array()
                .getValuesAs(JsonObject.class);
        assertThat(listed).extracting(anchor -> anchor.getJsonNumber("id").longValue())
                .contains(made.getJsonNumber("id").longValue());
        return made;
    }

    private JsonObject check(long id) {
        ApiClient.Reply reply = api.get("api/v1/journal/anchors/verify", AUDITOR);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getJsonNumber("anchorId").longValue() == id).findFirst().orElseThrow();
    }

    private static AnchorVerification.Check offline(long id) throws Exception {
        return VerifyJournal.anchors(System.getProperty("test.db.url"), System.getProperty("test.db.user"),
                        System.getProperty("test.db.password"),
                        TimeStamps.certificate(Path.of(System.getProperty("test.tsa.certificate")))).stream()
                .filter(check -> check.anchorId() == id).findFirst().orElseThrow();
    }
}
