package fr.la27eregion.journal;

import fr.la27eregion.journal.boundary.JournalAudit;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.journal.control.SubjectTimeline;
import fr.la27eregion.journal.entity.JournalEntry;
import fr.la27eregion.ops.VerifyJournal;
import fr.la27eregion.testing.MicroDeployment;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal on a real Payara Micro and a real PostgreSQL: gapless numbering under concurrency and rollback,
 * append-only in the database, a verification that names a tampered entry, and the actor and request id taken
 * from the container. One deployment serves every test.
 *
 * <p>The test database is shared with the other test classes of the run, so each test reasons from the head it
 * finds when it starts, never from an empty journal, and leaves the chain intact (the tampering test restores
 * the entry it altered).
 */
@ExtendWith(ArquillianExtension.class)
class JournalIT {

    private static final Logger LOG = Logger.getLogger(JournalIT.class.getName());
    private static final int WRITERS = 16;
    private static final int APPENDS_EACH = 500;
    private static final String RECOMPUTE_SQL = "journal-recompute.sql";

    @Deployment
    static WebArchive deployment() {
        return MicroDeployment.microWar()
                .addClasses(JournalIT.class, MicroDeployment.class, JournalWriters.class)
                .addAsResource(new File("../ops/audit/journal-recompute.sql"), RECOMPUTE_SQL);
    }

    @Inject
    JournalWriters writers;

    @Inject
    JournalAudit audit;

    @Inject
    Journal journal;

    @ArquillianResource
    URL base;

    @Test
    void sixteenConcurrentWritersGetContiguousNumbersAndTheChainVerifies() throws Exception {
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        long before = writers.head();
        List<String> records = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String writer = "writer-" + w + "-" + System.nanoTime();
            records.add(writer);
            Thread thread = threads.newThread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < APPENDS_EACH; i++) {
                        writers.append(writer);
                    }
                } catch (Throwable failed) {
                    failures.add(failed);
                }
            });
            thread.start();
            running.add(thread);
        }
        long started = System.nanoTime();
        start.countDown();
        for (Thread thread : running) {
            thread.join(Duration.ofMinutes(5).toMillis());
        }
        Duration appending = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(failures.isEmpty(), () -> "writers failed: " + failures);

        long total = (long) WRITERS * APPENDS_EACH;
        long after = writers.head();
        assertEquals(before + total, after, "the head moved by exactly the number of appends");
        assertArrayEquals(new long[]{total, before + 1, after, total}, writers.numbered(before + 1, after),
                "count, first, last, distinct: numbered contiguously, no gap, no duplicate");

        Verification verification = writers.verify();
        assertTrue(verification.intact(), verification::summary);
        assertTrue(verification.entriesChecked() >= after, verification::summary);

        JournalEntry background = writers.history(records.get(0)).get(0);
        assertEquals(Journal.SYSTEM, background.actor(), "outside any HTTP request, not logged in: a job");
        assertTrue(background.requestId().isEmpty());
        LOG.info(() -> total + " appends by " + WRITERS + " writers in " + appending.toMillis() + " ms ("
                + total * 1000 / Math.max(1, appending.toMillis()) + "/s); " + verification.summary());
    }

    @Test
    void aUseCaseThatRollsBackLeavesNoEntryAndNoGap() {
        String record = "rolled-back-" + System.nanoTime();
        long before = writers.head();
        assertThrows(EJBException.class, () -> writers.appendThenFail(record));
        assertEquals(before, writers.head(), "the head did not move");
        assertEquals(0, writers.entriesAbout(record), "no entry of the failed use case");

        JournalEntry next = writers.append(record);
        assertEquals(before + 1, next.seq(), "the next entry takes the number the failed one held");
        assertEquals(1, writers.entriesAbout(record));
    }

    @Test
    void theEntryIsWrittenInTheSameDatabaseTransactionAsTheUseCasesJpaWork() {
        String record = "alongside-jpa-" + System.nanoTime();
        assertTrue(writers.appendSeenByJpaBeforeCommit(record), "one database transaction for JPA and the journal");
        assertEquals(1, writers.entriesAbout(record));
    }

    @Test
    void appendsAreCountedAndTimedInTheMetrics() throws Exception {
        writers.append("metered-" + System.nanoTime());
        HttpResponse<String> response = get("metrics");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("journal_append_seconds_count"), "journal.append timer published");
    }

    @Test
    void appendingWithoutATransactionIsRefused() {
        assertThrows(EJBTransactionRequiredException.class,
                () -> journal.append("test.no-transaction", null, null, null, null, null, null));
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncateFromTheApplication() {
        long seq = writers.append("append-only-" + System.nanoTime()).seq();
        String update = writers.refusal("UPDATE journal_entry SET reason = 'changed' WHERE seq = " + seq);
        String delete = writers.refusal("DELETE FROM journal_entry WHERE seq = " + seq);
        String truncate = writers.refusal("TRUNCATE journal_entry");
        String headDelete = writers.refusal("DELETE FROM journal_head");
        String headBack = writers.refusal("UPDATE journal_head SET seq = seq - 1");
        assertNotNull(update, "UPDATE must be refused");
        assertNotNull(delete, "DELETE must be refused");
        assertNotNull(truncate, "TRUNCATE must be refused");
        assertNotNull(headDelete, "removing the chain head must be refused");
        assertNotNull(headBack, "moving the chain head back must be refused");
        assertTrue(headBack.contains("moves one entry at a time"), "the application may UPDATE the head: " + headBack);
        assertTrue(writers.verify().intact(), "the refused statements changed nothing");
    }

    /** The second line of defence: the triggers refuse even the role that owns the tables (it migrates). */
    @Test
    void theTriggersRefuseUpdateDeleteAndTruncateEvenFromTheOwner() throws Exception {
        long seq = writers.append("append-only-owner-" + System.nanoTime()).seq();
        try (Connection owner = owner()) {
            String update = refusal(owner, "UPDATE journal_entry SET reason = 'changed' WHERE seq = " + seq);
            String delete = refusal(owner, "DELETE FROM journal_entry WHERE seq = " + seq);
            String truncate = refusal(owner, "TRUNCATE journal_entry");
            String headDelete = refusal(owner, "DELETE FROM journal_head");
            assertNotNull(update, "UPDATE must be refused");
            assertTrue(update.contains("append-only: UPDATE on journal_entry is refused"), update);
            assertNotNull(delete, "DELETE must be refused");
            assertTrue(delete.contains("append-only: DELETE on journal_entry is refused"), delete);
            assertNotNull(truncate, "TRUNCATE must be refused");
            assertTrue(truncate.contains("append-only: TRUNCATE on journal_entry is refused"), truncate);
            assertNotNull(headDelete, "removing the chain head must be refused");
            assertTrue(headDelete.contains("append-only: DELETE on journal_head is refused"), headDelete);
        }
        assertTrue(writers.verify().intact(), "the refused statements changed nothing");
    }

    /**
     * DESIGN §3: the application's role holds INSERT and SELECT only on the journal, and owns none of it, so it is
     * refused by privilege before any trigger runs, and cannot disable the triggers.
     */
    @Test
    void theApplicationRoleMayOnlyReadAndAppendTheJournalAndOwnsNoneOfIt() {
        String[] entry = writers.rights("journal_entry").split(" ");
        assertEquals(System.getProperty("db.user"), entry[0], "the application connects as db.user");
        assertTrue(!entry[0].equals(entry[1]), () -> "the application role must not own journal_entry: "
                + String.join(" ", entry));
        assertEquals("INSERT,SELECT", entry[2], "the application's rights on journal_entry");
        String[] head = writers.rights("journal_head").split(" ");
        assertTrue(!head[0].equals(head[1]), "the application role must not own journal_head");
        assertEquals("SELECT,UPDATE", head[2], "the application's rights on journal_head");

        long seq = writers.append("by-privilege-" + System.nanoTime()).seq();
        for (String sql : List.of(
                "UPDATE journal_entry SET reason = 'changed' WHERE seq = " + seq,
                "DELETE FROM journal_entry WHERE seq = " + seq,
                "TRUNCATE journal_entry",
                "DELETE FROM journal_head")) {
            String refused = writers.refusal(sql);
            assertNotNull(refused, sql + " must be refused");
            assertTrue(refused.startsWith("42501 ") && refused.contains("permission denied for table journal_"),
                    () -> sql + ": refused by privilege, not only by the trigger: " + refused);
        }
        for (String sql : List.of(
                "ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_no_update_or_delete",
                "ALTER TABLE journal_entry DISABLE TRIGGER ALL",
                "DROP TRIGGER journal_entry_no_update_or_delete ON journal_entry")) {
            String refused = writers.refusal(sql);
            assertNotNull(refused, sql + " must be refused");
            assertTrue((refused.startsWith("42501 ") || refused.startsWith("42809 "))
                            && refused.contains("must be owner of ") && refused.contains("journal_entry"),
                    () -> sql + ": only the owner may do it: " + refused);
        }
        assertTrue(writers.verify().intact(), "the refused statements changed nothing");
    }

    @Test
    void anEntryAlteredByTheSuperuserIsNamedByTheVerification() throws Exception {
        JournalEntry entry = writers.append("tampered-" + System.nanoTime());
        writers.append("after-the-tampered-one-" + System.nanoTime());
        assertTrue(writers.verify().intact(), "intact before tampering");
        try (Connection superuser = superuser()) {
            alterReason(superuser, entry.seq(), "nothing to see here");
            try {
                Verification verification = writers.verify();
                assertEquals(entry.seq(), verification.firstBrokenSeq(), verification::summary);
                assertTrue(verification.problem().contains("changed"), verification::summary);
                assertEquals(entry.seq() - 1, verification.entriesChecked());
                assertEquals(List.of(entry.seq() + ":hash"), recomputedInSql(superuser),
                        "the auditor's SQL recipe finds the same entry");
            } finally {
                alterReason(superuser, entry.seq(), entry.reason().orElseThrow());
            }
        }
        assertTrue(writers.verify().intact(), "intact again once the entry is restored");
    }

    @Test
    void theAuditorsSqlRecipeRecomputesTheSameHashesAsThePlatform() throws Exception {
        JournalEntry entry = writers.append("recomputed-in-sql-" + System.nanoTime());
        assertTrue(entry.reason().orElseThrow().contains("é") && entry.reason().orElseThrow().contains("\n"));
        try (Connection superuser = superuser()) {
            assertEquals(List.of(), recomputedInSql(superuser), "no entry found broken by PostgreSQL alone");
        }
    }

    @Test
    void theActorAndRequestIdComeFromTheContainerAndTheEntryReadsBackAsWritten() {
        JournalEntry anonymous = writers.append("anonymous-" + System.nanoTime());
        assertEquals(Journal.ANONYMOUS, anonymous.actor());
        assertEquals("", anonymous.actorRoles());
        assertTrue(anonymous.requestId().isPresent(), "the test runs inside an HTTP request");
        assertEquals("{\"attempt\":1,\"writer\":\"" + anonymous.entityId().orElseThrow() + "\"}",
                anonymous.details().orElseThrow(), "details as a JSON object, keys sorted");

        List<JournalEntry> history = writers.history(anonymous.entityId().orElseThrow());
        assertEquals(1, history.size());
        JournalEntry stored = history.get(0);
        assertEquals(anonymous.seq(), stored.seq());
        assertEquals(anonymous.hash(), stored.hash());
        assertEquals(anonymous.prevHash(), stored.prevHash());
        assertEquals(anonymous.recordedAt(), stored.recordedAt(), "microseconds survive the database");
        assertEquals(anonymous.requestId(), stored.requestId());
    }

    /**
     * A subject's timeline reads newest first, a page at a time by key, and says whether older entries remain; the
     * subject is stored beside the entry, outside what its hash covers, and other subjects' entries never mix in.
     */
    @Test
    void aSubjectsEntriesReadNewestFirstAPageAtATime() {
        long unique = System.nanoTime();
        Subject subject = new Subject("TestSubject", "s-" + unique);
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(writers.appendAbout(subject, "paged-" + unique + "-" + i).seq());
            writers.appendAbout(new Subject("TestSubject", "other-" + unique), "other-" + unique + "-" + i);
        }
        writers.append("no-subject-" + unique);

        SubjectTimeline.Page first = writers.page(subject, null, 2);
        assertEquals(List.of(written.get(4), written.get(3)), seqs(first), "the newest two, newest first");
        assertTrue(first.more());
        assertEquals(subject, first.entries().get(0).subject().orElseThrow());
        SubjectTimeline.Page second = writers.page(subject, first.nextBefore(), 2);
        assertEquals(List.of(written.get(2), written.get(1)), seqs(second));
        assertTrue(second.more());
        SubjectTimeline.Page last = writers.page(subject, second.nextBefore(), 2);
        assertEquals(List.of(written.get(0)), seqs(last));
        assertTrue(!last.more(), "nothing older than the first entry");
        assertEquals(null, last.nextBefore());
        assertEquals(List.of(written.get(4), written.get(3), written.get(2), written.get(1), written.get(0)),
                seqs(writers.page(subject, null, 5)), "a page as large as the subject's entries");
        assertTrue(!writers.page(subject, null, 5).more());

        JournalEntry without = writers.history("no-subject-" + unique).get(0);
        assertTrue(without.subject().isEmpty(), "the old signature appends an entry without a subject");
        assertTrue(writers.verify().intact(), "the subjects are outside the hashed form: the chain verifies");
    }

    private static List<Long> seqs(SubjectTimeline.Page page) {
        return page.entries().stream().map(JournalEntry::seq).toList();
    }

    @Test
    void aCallerWhoIsNeitherAuditorNorSecretariatMayNotVerify() {
        assertThrows(EJBAccessException.class, () -> audit.verify());
        assertThrows(EJBAccessException.class, () -> audit.history("TestRecord", "x"));
    }

    @Test
    @RunAsClient
    void theApiRefusesAnAnonymousCaller() throws Exception {
        HttpResponse<String> response = get("api/v1/journal/verify");
        // 401 from the server's own security (JAX-RS @RolesAllowed) before the resource runs
        assertEquals(401, response.statusCode(), response::body);
        assertTrue(!response.body().contains("entriesChecked"), response::body);
    }

    @Test
    @RunAsClient
    void theOfflineCommandVerifiesTheSameJournal() throws Exception {
        Verification verification = VerifyJournal.verify(System.getProperty("test.db.url"),
                System.getProperty("test.db.user"), System.getProperty("test.db.password"));
        assertTrue(verification.intact(), verification::summary);
    }

    /** GET on the server, on loopback (Payara Micro reports the machine's address but listens on loopback). */
    private HttpResponse<String> get(String path) throws Exception {
        String root = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        URI uri = new URI("http", null, "127.0.0.1", base.getPort(), root + path, null, null);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As the role that owns the database and runs the migrations (db.migration.user, set by the test run). */
    private static Connection owner() throws Exception {
        String user = System.getProperty("db.migration.user");
        assertNotNull(user, "db.migration.user (test.db.migration.user, passed in arquillian.xml)");
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", System.getProperty("db.migration.password", ""));
        return new org.postgresql.Driver().connect(System.getProperty("db.url"), credentials);
    }

    /** Runs {@code sql} in a transaction that is rolled back; returns the database's refusal, or null if done. */
    private static String refusal(Connection connection, String sql) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (java.sql.SQLException refused) {
            return refused.getSQLState() + " " + refused.getMessage();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static Connection superuser() throws Exception {
        String url = System.getProperty("test.db.superuser.url");
        assertNotNull(url, "test.db.superuser.url (set by TestDatabaseSession, passed in arquillian.xml)");
        return new org.postgresql.Driver().connect(url, new Properties());
    }

    /** Runs ops/audit/journal-recompute.sql, the README's recipe; returns the broken entries as "seq:why". */
    private static List<String> recomputedInSql(Connection connection) throws Exception {
        String sql;
        try (InputStream script = JournalIT.class.getClassLoader().getResourceAsStream(RECOMPUTE_SQL)) {
            assertNotNull(script, RECOMPUTE_SQL);
            sql = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> broken = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                broken.add(rows.getLong(1) + ":" + rows.getString(2));
            }
        }
        return broken;
    }

    /** As the superuser, with triggers off for this session only, as someone covering their tracks would. */
    private static void alterReason(Connection superuser, long seq, String reason) throws Exception {
        try (Statement statement = superuser.createStatement()) {
            statement.execute("SET session_replication_role = replica");
        }
        try (PreparedStatement update = superuser.prepareStatement(
                "UPDATE journal_entry SET reason = ? WHERE seq = ?")) {
            update.setString(1, reason);
            update.setLong(2, seq);
            assertEquals(1, update.executeUpdate());
        } finally {
            try (Statement statement = superuser.createStatement()) {
                statement.execute("SET session_replication_role = origin");
            }
        }
    }
}
