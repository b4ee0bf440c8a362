package fr.la27eregion.platform.ops;

import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.testing.ScratchDatabase;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;

import static fr.la27eregion.platform.ops.SampleData.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation upgraded: a scratch database of the test run's PostgreSQL is migrated to version
 * {@value #OLD_VERSION} (memberships, the journal with subjects, projects, labels: the schema of an installation
 * of that time), filled the way that version wrote its data (organisations, contacts, memberships, public projects
 * and their chained journal), then migrated to the latest version as the platform does when it starts a new
 * archive. Every row is still there, the journal still verifies entry for entry with its head unchanged, the
 * newer tables exist, and the platform can go on appending to the chain.
 */
class UpgradeIT {

    static final String OLD_VERSION = "19";
    private static final int ORGANISATIONS = 5;
    private static final int ENTRIES = ORGANISATIONS * SampleData.ENTRIES_PER_ORGANISATION;

    private ScratchDatabase scratch;
    private String url;

    @BeforeEach
    void scratchDatabase() throws Exception {
        scratch = ScratchDatabase.create("upgrade");
        url = scratch.url();
    }

    @AfterEach
    void dropIt() throws Exception {
        scratch.close();
    }

    @Test
    void dataAndJournalOfAnOlderVersionSurviveTheUpgrade() throws Exception {
        migrate(OLD_VERSION);
        String head;
        try (Connection owner = owner()) {
            assertThat(single(owner, "SELECT max(version::int) FROM flyway_schema_history")).isEqualTo(OLD_VERSION);
            assertThat(single(owner, "SELECT to_regclass('content_item')")).as("not there yet in V" + OLD_VERSION)
                    .isNull();
            SampleData.insert(owner, ORGANISATIONS);
            SampleData.assertIntact(owner, ENTRIES);
            head = single(owner, "SELECT seq || ' ' || hash FROM journal_head");
        }

        migrate(null);

        try (Connection owner = owner()) {
            assertThat(single(owner, "SELECT max(version::int) FROM flyway_schema_history WHERE success"))
                    .isEqualTo(latestVersion());
            assertThat(single(owner, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isEqualTo("0");
            SampleData.assertIntact(owner, ENTRIES);
            assertThat(single(owner, "SELECT seq || ' ' || hash FROM journal_head")).isEqualTo(head);
            assertThat(single(owner, "SELECT count(*) FROM organisation WHERE name LIKE 'Organisation %'"))
                    .isEqualTo(Integer.toString(ORGANISATIONS));
            assertThat(single(owner, "SELECT count(*) FROM membership WHERE state = 'APPROVED'"))
                    .isEqualTo(Integer.toString(ORGANISATIONS));
            assertThat(single(owner, "SELECT count(*) FROM contact")).isEqualTo(Integer.toString(ORGANISATIONS));
            assertThat(single(owner, "SELECT string_agg(title, ',' ORDER BY title) FROM project WHERE visibility = 'PUBLIC'"))
                    .isEqualTo("Projet 1,Projet 2,Projet 3,Projet 4,Projet 5");
            assertThat(single(owner, "SELECT count(*) FROM journal_entry WHERE subject_type = 'Organisation'"))
                    .isEqualTo(Integer.toString(ENTRIES));
            assertThat(single(owner, "SELECT to_regclass('content_item')")).as("a newer table").isNotNull();
            // the newer search column (V24) was computed for the older rows
            assertThat(single(owner, "SELECT count(*) FROM organisation WHERE search_vector <> ''::tsvector"))
                    .isEqualTo(Integer.toString(ORGANISATIONS));

            owner.setAutoCommit(false);
            ChainAppend.append(owner, Clock.systemUTC(), new EntryDraft("secretariat", "NETWORK_ADMIN",
                    "organisation.update", "Organisation", "1", null, null, null, null, null,
                    Subject.of("Organisation", 1)));
            owner.commit();
            owner.setAutoCommit(true);
            SampleData.assertIntact(owner, ENTRIES + 1);
        }
    }

    private void migrate(String target) {
        SampleData.migrate(url, System.getProperty("test.db.migration.user"),
                System.getProperty("test.db.migration.password"), System.getProperty("test.db.user"), target);
    }

    private Connection owner() throws Exception {
        return DriverManager.getConnection(url, System.getProperty("test.db.migration.user"),
                System.getProperty("test.db.migration.password"));
    }

    /** The newest migration of the release, which the upgrade must reach. */
    private String latestVersion() {
        MigrationInfo[] all = SampleData.flyway(url, System.getProperty("test.db.migration.user"),
                System.getProperty("test.db.migration.password"), System.getProperty("test.db.user")).load().info().all();
        return Arrays.stream(all).map(MigrationInfo::getVersion).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }
}
