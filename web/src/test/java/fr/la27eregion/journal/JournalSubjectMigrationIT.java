package fr.la27eregion.journal;

import fr.la27eregion.journal.chain.CanonicalEntry;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.platform.database.ReferenceDataMigration;
import fr.la27eregion.testing.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code V9__journal_subject.sql} on a database whose journal already held entries, as every installation's does:
 * a scratch database of the test run's PostgreSQL is migrated to version 8 as its owner, given an organisation,
 * its contacts and membership and the journal entries the platform wrote about them before V9 (with the insert of
 * that version, which had no subject), then migrated to the latest version. The chain must verify before and after
 * (the subject is outside what the hashes cover), every entry of an organisation's timeline must have found its
 * subject and the security events none, and the journal must be as append-only afterwards as before: trigger on,
 * the application role still limited to SELECT and INSERT. No application server: the migrations and the chain
 * are plain JDBC.
 */
class JournalSubjectMigrationIT {

    /** The insert of versions 3 to 8: the canonical fields and the two hashes, nothing beside them. */
    private static final String INSERT_BEFORE_V9 = "WITH entry AS ("
            + "INSERT INTO journal_entry (seq, recorded_at, actor, actor_roles, action, entity_type, entity_id, "
            + "state_before, state_after, reason, details, request_id, prev_hash, hash) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq, hash) "
            + "UPDATE journal_head SET seq = entry.seq, hash = entry.hash FROM entry";

    private ScratchDatabase scratch;
    private String url;

    @BeforeEach
    void scratchDatabase() throws Exception {
        scratch = ScratchDatabase.create("journal_v9");
        url = scratch.url();
    }

    @AfterEach
    void dropIt() throws Exception {
        scratch.close();
    }

    @Test
    void entriesWrittenBeforeV9GetTheirSubjectAndStillVerify() throws Exception {
        flyway().target("8").load().migrate();
        long organisation;
        long otherOrganisation;
        try (Connection owner = owner()) {
            organisation = insertId(owner, "INSERT INTO organisation (name, kind, siret) VALUES"
                    + " ('Organisation d''avant V9', 'ASSOCIATE', '73282932000074') RETURNING id");
            otherOrganisation = insertId(owner, "INSERT INTO organisation (name, kind, siret) VALUES"
                    + " ('Autre organisation', 'ASSOCIATE', '55208131766522') RETURNING id");
            long membership = insertId(owner, "INSERT INTO membership (organisation_id, category, state) VALUES ("
                    + organisation + ", 'ASSOCIATE', 'UNDER_REVIEW') RETURNING id");
            long kept = insertId(owner, "INSERT INTO contact (organisation_id, full_name, email, network_role)"
                    + " VALUES (" + organisation + ", 'Camille Martin', 'camille@example.fr', 'COORDINATOR') RETURNING id");
            long removed = insertId(owner, "INSERT INTO contact (organisation_id, full_name, email, network_role)"
                    + " VALUES (" + otherOrganisation + ", 'Alix Moreau', 'alix@example.fr', 'CORRESPONDENT')"
                    + " RETURNING id");
            owner.setAutoCommit(false);
            String o = Long.toString(organisation);
            // what each action wrote in versions 6 to 8 (Organisations, MembershipTransitions, Logins, Accounts)
            appendBeforeV9(owner, "anonymous", "", "membership.apply", "Membership", Long.toString(membership), null,
                    "APPLIED", "{\"contacts\":1,\"kind\":\"ASSOCIATE\",\"name\":\"Organisation d'avant V9\","
                            + "\"organisation\":" + o + "}");
            appendBeforeV9(owner, "secretariat", "NETWORK_ADMIN", "membership.review", "Membership",
                    Long.toString(membership), "APPLIED", "UNDER_REVIEW",
                    "{\"category\":\"ASSOCIATE\",\"organisation\":" + o + ",\"version\":1}");
            // a membership entry whose details do not name the organisation: found through the membership
            appendBeforeV9(owner, "system", "", "membership.reminder", "Membership", Long.toString(membership),
                    "UNDER_REVIEW", "UNDER_REVIEW", null);
            appendBeforeV9(owner, "secretariat", "NETWORK_ADMIN", "organisation.update", "Organisation", o, null,
                    null, "{\"after\":{\"website\":\"https://b.example\"},\"before\":{\"website\":null}}");
            appendBeforeV9(owner, "coordinator", "MEMBER_COORDINATOR", "contact.add", "Contact",
                    Long.toString(kept), null, null, "{\"fullName\":\"Camille Martin\",\"organisation\":" + o + "}");
            appendBeforeV9(owner, "coordinator", "MEMBER_COORDINATOR", "contact.update", "Contact",
                    Long.toString(kept), null, null, "{\"after\":{\"fullName\":\"Camille Martin\",\"organisation\":"
                            + o + "},\"before\":{\"fullName\":\"C. Martin\",\"organisation\":" + o + "}}");
            // a contact removed since: only its entry's details still name its organisation
            appendBeforeV9(owner, "secretariat", "NETWORK_ADMIN", "contact.remove", "Contact", Long.toString(removed),
                    null, null, "{\"fullName\":\"Alix Moreau\",\"organisation\":" + otherOrganisation + "}");
            appendBeforeV9(owner, "anonymous", "", "login.refused", null, null, null, null,
                    "{\"cause\":\"unknown account\"}");
            appendBeforeV9(owner, "anonymous", "", "login.failed", "Account", "coordinator", "ENABLED", "ENABLED",
                    null);
            appendBeforeV9(owner, "admin", "NETWORK_ADMIN", "account.create", "Account", "someone", null,
                    "ENABLED", "{\"organisation\":" + o + ",\"roles\":[\"CONTRIBUTOR\"]}");
            try (Statement sql = owner.createStatement()) {
                sql.execute("DELETE FROM contact WHERE id = " + removed);
            }
            owner.commit();
            owner.setAutoCommit(true);
            assertIntact(owner, 10);
        }

        flyway().load().migrate();

        try (Connection owner = owner()) {
            assertIntact(owner, 10);
            String o = Long.toString(organisation);
            assertThat(subjects(owner)).containsExactly(
                    "membership.apply Organisation " + o,
                    "membership.review Organisation " + o,
                    "membership.reminder Organisation " + o,
                    "organisation.update Organisation " + o,
                    "contact.add Organisation " + o,
                    "contact.update Organisation " + o,
                    "contact.remove Organisation " + otherOrganisation,
                    "login.refused -",
                    "login.failed -",
                    "account.create -");

            assertThat(single(owner, "SELECT tgenabled FROM pg_trigger WHERE tgname = "
                    + "'journal_entry_no_update_or_delete'")).as("the append-only trigger is on again").isEqualTo("O");
            assertThatThrownBy(() -> single(owner, "UPDATE journal_entry SET subject_id = '0' WHERE seq = 1"
                    + " RETURNING seq")).hasMessageContaining("append-only: UPDATE on journal_entry is refused");
            String application = System.getProperty("test.db.user");
            assertThat(single(owner, "SELECT string_agg(p, ',' ORDER BY p) FROM unnest(ARRAY['SELECT', 'INSERT', "
                    + "'UPDATE', 'DELETE', 'TRUNCATE']) AS p WHERE has_table_privilege('" + application
                    + "', 'journal_entry', p)")).as("the application role's rights").isEqualTo("INSERT,SELECT");
            assertThat(single(owner, "SELECT indexdef FROM pg_indexes WHERE indexname = 'journal_entry_subject_idx'"))
                    .contains("(subject_type, subject_id, seq DESC)");

            owner.setAutoCommit(false);
            ChainAppend.append(owner, Clock.systemUTC(), new EntryDraft("coordinator", "MEMBER_COORDINATOR",
                    "contact.add", "Contact", "1", null, null, null, null, null, Subject.of("Organisation",
                    organisation)));
            owner.commit();
            owner.setAutoCommit(true);
            assertIntact(owner, 11);
        }
    }

    private FluentConfiguration flyway() {
        return Flyway.configure(ReferenceDataMigration.class.getClassLoader())
                .dataSource(url, System.getProperty("test.db.migration.user"),
                        System.getProperty("test.db.migration.password"))
                .locations("classpath:db/migration")
                .javaMigrations(new ReferenceDataMigration())
                .failOnMissingLocations(true)
                .placeholders(Map.of("application_role", System.getProperty("test.db.user")));
    }

    private Connection owner() throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", System.getProperty("test.db.migration.user"));
        credentials.setProperty("password", System.getProperty("test.db.migration.password"));
        return DriverManager.getConnection(url, credentials);
    }

    /** Appends as the platform did before V9: the head locked, the entry hashed, inserted without a subject. */
    private static void appendBeforeV9(Connection connection, String actor, String roles, String action,
                                       String entityType, String entityId, String before, String after,
                                       String details) throws SQLException {
        long seq;
        String prevHash;
        try (Statement lock = connection.createStatement();
             ResultSet head = lock.executeQuery(ChainAppend.LOCK_HEAD)) {
            head.next();
            seq = head.getLong(1) + 1;
            prevHash = head.getString(2);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CanonicalEntry entry = new CanonicalEntry(seq, now, actor, roles, action, entityType, entityId, before,
                after, null, details, null);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_BEFORE_V9)) {
            insert.setLong(1, seq);
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(3, actor);
            insert.setString(4, roles);
            insert.setString(5, action);
            insert.setString(6, entityType);
            insert.setString(7, entityId);
            insert.setString(8, before);
            insert.setString(9, after);
            insert.setString(10, null);
            insert.setString(11, details);
            insert.setString(12, null);
            insert.setString(13, prevHash);
            insert.setString(14, entry.hash(prevHash));
            insert.executeUpdate();
        }
    }

    private static void assertIntact(Connection connection, long entries) throws SQLException {
        Verification verification = ChainVerification.verify(connection);
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(entries);
    }

    /** Each entry as "action subject_type subject_id", or "action -" without a subject, in order. */
    private static List<String> subjects(Connection connection) throws SQLException {
        List<String> subjects = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT action, subject_type, subject_id FROM journal_entry ORDER BY seq")) {
            while (rows.next()) {
                subjects.add(rows.getString(1) + " " + (rows.getString(2) == null ? "-"
                        : rows.getString(2) + " " + rows.getString(3)));
            }
        }
        return subjects;
    }

    private static long insertId(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
