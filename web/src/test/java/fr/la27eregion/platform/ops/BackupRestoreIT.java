package fr.la27eregion.platform.ops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.la27eregion.platform.ops.SampleData.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ops/backup} and {@code ops/restore}, the whole round trip, on a throw-away cluster of Debian's PostgreSQL
 * 15 (the test run's embedded PostgreSQL has no pg_dump): a platform database migrated to the latest version and
 * filled with organisations, memberships, projects and their chained journal is backed up; the manifest records
 * its head and counts; the dump is restored into a second, empty database, where the journal verifies and the
 * head and every count match, with the owner and the application role's narrow rights kept. Then what must fail
 * does: a restore into a database that is not empty, a dump changed after the backup, a manifest that does not
 * describe the dump, and a backup of a database whose journal was rewritten behind the triggers' back. Last, the
 * retention keeps the newest N backups.
 */
class BackupRestoreIT {

    private static final int ORGANISATIONS = 6;
    private static final int ENTRIES = ORGANISATIONS * SampleData.ENTRIES_PER_ORGANISATION;
    private static final Path OPS = Path.of(System.getProperty("user.dir")).getParent().resolve("ops");

    private static DebianPostgres postgres;

    @TempDir
    Path backups;

    @BeforeAll
    static void platformDatabaseWithData() throws Exception {
        postgres = DebianPostgres.start();
        postgres.createDatabase("platform");
        SampleData.migrate(postgres.url("platform"), DebianPostgres.OWNER, DebianPostgres.OWNER,
                DebianPostgres.APPLICATION, null);
        try (Connection owner = postgres.owner("platform")) {
            SampleData.insert(owner, ORGANISATIONS);
            SampleData.assertIntact(owner, ENTRIES);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseVerifiesAndMatchesItsManifest() throws Exception {
        DebianPostgres.Result backup = backup("platform", "--keep", "3");
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path dump = only("dump");
        Map<String, String> manifest = manifest(dump);
        String head;
        try (Connection owner = postgres.owner("platform")) {
            head = single(owner, "SELECT hash FROM journal_head");
        }
        assertThat(manifest).containsEntry("database", "platform")
                .containsEntry("journal_head_seq", Integer.toString(ENTRIES))
                .containsEntry("journal_head_hash", head)
                .containsEntry("count.journal_entry", Integer.toString(ENTRIES))
                .containsEntry("count.organisation", Integer.toString(ORGANISATIONS))
                .containsEntry("count.membership", Integer.toString(ORGANISATIONS))
                .containsEntry("count.project", Integer.toString(ORGANISATIONS))
                .containsEntry("dump_sha256", sha256(dump))
                .containsKeys("created_at", "pg_dump_version", "server_version", "count.territory", "count.account");
        assertThat(manifest.get("pg_dump_version")).contains("PostgreSQL) 15");

        postgres.createDatabase("restored");
        DebianPostgres.Result restore = restore("restored", dump);
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("The chain is intact.", "Entries checked:  " + ENTRIES,
                "RESTORE OK: journal verified up to entry " + ENTRIES + " (hash " + head + ")");
        try (Connection owner = postgres.owner("restored")) {
            SampleData.assertIntact(owner, ENTRIES);
            assertThat(single(owner, "SELECT count(*) FROM project WHERE visibility = 'PUBLIC'"))
                    .isEqualTo(Integer.toString(ORGANISATIONS));
            assertThat(single(owner, "SELECT tableowner FROM pg_tables WHERE tablename = 'journal_entry'"))
                    .isEqualTo(DebianPostgres.OWNER);
            assertThat(single(owner, "SELECT string_agg(p, ',' ORDER BY p) FROM unnest(ARRAY['SELECT', 'INSERT', "
                    + "'UPDATE', 'DELETE', 'TRUNCATE']) AS p WHERE has_table_privilege('" + DebianPostgres.APPLICATION
                    + "', 'journal_entry', p)")).as("the application role's rights, restored").isEqualTo("INSERT,SELECT");
        }

        DebianPostgres.Result again = restore("restored", dump);
        assertThat(again.exitCode()).as(again.output()).isEqualTo(2);
        assertThat(again.output()).contains("RESTORE REFUSED: the database restored is not empty");
    }

    @Test
    void aChangedDumpOrManifestOrJournalIsReported() throws Exception {
        DebianPostgres.Result backup = backup("platform");
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path dump = only("dump");
        Path manifest = Path.of(dump.toString().replace(".dump", ".manifest"));

        // one byte of the dump changed: refused before anything is restored
        Path changed = copy(dump, manifest, "changed");
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length / 2] ^= 1;
        Files.write(changed, bytes);
        postgres.createDatabase("from_changed_dump");
        DebianPostgres.Result refused = restore("from_changed_dump", changed);
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("RESTORE REFUSED: the dump's SHA-256");
        try (Connection owner = postgres.owner("from_changed_dump")) {
            assertThat(single(owner, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
        }

        // a manifest that says more than the dump holds: restored, and every difference named
        Path understated = copy(dump, manifest, "understated");
        Path otherManifest = Path.of(understated.toString().replace(".dump", ".manifest"));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(otherManifest)) {
            lines.add(line.equals("count.organisation=" + ORGANISATIONS) ? "count.organisation=" + (ORGANISATIONS + 1)
                    : line.startsWith("journal_head_seq=") ? "journal_head_seq=" + (ENTRIES + 1) : line);
        }
        Files.write(otherManifest, lines);
        postgres.createDatabase("against_other_manifest");
        DebianPostgres.Result differs = restore("against_other_manifest", understated);
        assertThat(differs.exitCode()).as(differs.output()).isEqualTo(1);
        assertThat(differs.output()).contains("RESTORE DIFFERS",
                "table organisation: " + ORGANISATIONS + " rows, the manifest says " + (ORGANISATIONS + 1),
                "journal head: seq " + ENTRIES + ", the manifest says " + (ENTRIES + 1))
                .doesNotContain("RESTORE OK");

        // an entry rewritten in the database behind the triggers' back, then backed up: the manifest agrees with
        // the dump, the chain does not
        postgres.createDatabase("rewritten");
        assertThat(restore("rewritten", dump).exitCode()).isZero();
        try (Connection superuser = postgres.superuser("rewritten"); Statement sql = superuser.createStatement()) {
            sql.execute("ALTER TABLE journal_entry DISABLE TRIGGER USER");
            sql.execute("UPDATE journal_entry SET actor = 'mallory' WHERE seq = 9");
            sql.execute("ALTER TABLE journal_entry ENABLE TRIGGER USER");
        }
        Path rewrittenBackups = backups.resolve("rewritten");
        DebianPostgres.Result rewrittenBackup = DebianPostgres.run(List.of(OPS.resolve("backup").toString(),
                rewrittenBackups.toString()), postgres.environment("rewritten"));
        assertThat(rewrittenBackup.exitCode()).as(rewrittenBackup.output()).isZero();
        Path rewrittenDump;
        try (Stream<Path> files = Files.list(rewrittenBackups)) {
            rewrittenDump = files.filter(file -> file.toString().endsWith(".dump")).findFirst().orElseThrow();
        }
        postgres.createDatabase("from_rewritten");
        DebianPostgres.Result broken = restore("from_rewritten", rewrittenDump);
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("The chain is BROKEN at entry 9",
                "the journal does not verify").doesNotContain("RESTORE OK");
    }

    @Test
    void theNewestBackupsAreKept() throws Exception {
        Path folder = backups.resolve("kept");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DebianPostgres.Result backup = DebianPostgres.run(List.of(OPS.resolve("backup").toString(), "--keep", "2",
                    folder.toString()), postgres.environment("platform"));
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            try (Stream<Path> files = Files.list(folder)) {
                names = files.map(file -> file.getFileName().toString()).sorted().toList();
            }
        }
        assertThat(names).hasSize(4).allMatch(name -> name.matches("platform-\\d{8}T\\d{6}\\.\\d{3}Z\\.(dump|manifest)"));

        DebianPostgres.Result wrong = DebianPostgres.run(List.of(OPS.resolve("backup").toString(), "--keep", "many",
                folder.toString()), postgres.environment("platform"));
        assertThat(wrong.exitCode()).isNotZero();
        DebianPostgres.Result unreachable = DebianPostgres.run(List.of(OPS.resolve("backup").toString(),
                backups.resolve("none").toString()), Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:1/platform",
                "PG_BIN", DebianPostgres.bin().toString()));
        assertThat(unreachable.exitCode()).as(unreachable.output()).isNotZero();
        try (Stream<Path> files = Files.list(backups.resolve("none"))) {
            assertThat(files).as("nothing half-written is kept").isEmpty();
        }
    }

    private DebianPostgres.Result backup(String database, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(OPS.resolve("backup").toString()));
        command.addAll(List.of(options));
        command.add(backups.toString());
        return DebianPostgres.run(command, postgres.environment(database));
    }

    private DebianPostgres.Result restore(String database, Path dump) throws Exception {
        return DebianPostgres.run(List.of(OPS.resolve("restore").toString(), dump.toString()),
                postgres.environment(database));
    }

    private Path only(String extension) throws IOException {
        try (Stream<Path> files = Files.list(backups)) {
            List<Path> found = files.filter(file -> file.toString().endsWith("." + extension)).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static Map<String, String> manifest(Path dump) throws IOException {
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of(dump.toString().replace(".dump", ".manifest")))) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private Path copy(Path dump, Path manifest, String name) throws IOException {
        Path folder = Files.createDirectories(backups.resolve(name));
        Path copied = folder.resolve(dump.getFileName());
        Files.copy(dump, copied);
        Files.copy(manifest, folder.resolve(manifest.getFileName()));
        return copied;
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
