package fr.la27eregion.platform.ops;

import fr.la27eregion.journal.chain.ChainVerification;
import fr.la27eregion.journal.chain.EntryDraft;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.chain.Verification;
import fr.la27eregion.journal.chain.ChainAppend;
import fr.la27eregion.platform.database.ReferenceDataMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform database with data, for the operations tests: the platform's own migrations (to the latest version
 * or an older one), then organisations, contacts, memberships and projects as the platform writes them, each
 * step recorded in the journal through the platform's chain ({@link ChainAppend}), so the journal verifies.
 * Only the columns of version 19 are written: the same data serves the upgrade test.
 */
final class SampleData {

    private SampleData() {
    }

    /** Flyway as the platform runs it, as the owner; {@code target} null for the latest version. */
    static void migrate(String url, String owner, String password, String applicationRole, String target) {
        FluentConfiguration flyway = flyway(url, owner, password, applicationRole);
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }

    static FluentConfiguration flyway(String url, String owner, String password, String applicationRole) {
        return Flyway.configure(ReferenceDataMigration.class.getClassLoader())
                .dataSource(url, owner, password)
                .locations("classpath:db/migration")
                .javaMigrations(new ReferenceDataMigration())
                .failOnMissingLocations(true)
                .placeholders(Map.of("application_role", applicationRole));
    }

    /**
     * {@code organisations} associate organisations, each with a contact, a membership taken through three steps
     * and a project made public: seven journal entries each.
     */
    static void insert(Connection owner, int organisations) throws SQLException {
        owner.setAutoCommit(false);
        Clock clock = Clock.systemUTC();
        for (int i = 1; i <= organisations; i++) {
            long organisation = id(owner, "INSERT INTO organisation (name, kind, siret) VALUES ('Organisation " + i
                    + "', 'ASSOCIATE', '7328293200" + String.format("%04d", i) + "') RETURNING id");
            Subject subject = Subject.of("Organisation", organisation);
            long contact = id(owner, "INSERT INTO contact (organisation_id, full_name, email, network_role) VALUES ("
                    + organisation + ", 'Camille Martin " + i + "', 'camille" + i + "@example.fr', 'COORDINATOR')"
                    + " RETURNING id");
            long membership = id(owner, "INSERT INTO membership (organisation_id, category, state) VALUES ("
                    + organisation + ", 'ASSOCIATE', 'APPROVED') RETURNING id");
            long project = id(owner, "INSERT INTO project (title, slug, summary, lead_organisation_id, kind, stage,"
                    + " visibility, created_at, updated_at, changed_at, published_at) VALUES ('Projet " + i
                    + "', 'projet-" + i + "', 'Un projet de l''organisation " + i + "', " + organisation
                    + ", 'EXPERIMENT', 'EXPERIMENTING', 'PUBLIC', now(), now(), now(), now()) RETURNING id");
            String m = Long.toString(membership);
            String details = "{\"organisation\":" + organisation + "}";
            append(owner, clock, "anonymous", "", "membership.apply", "Membership", m, null, "APPLIED", details, subject);
            append(owner, clock, "secretariat", "NETWORK_ADMIN", "membership.review", "Membership", m, "APPLIED",
                    "UNDER_REVIEW", details, subject);
            append(owner, clock, "secretariat", "NETWORK_ADMIN", "membership.approve", "Membership", m,
                    "UNDER_REVIEW", "APPROVED", details, subject);
            append(owner, clock, "coordinator", "MEMBER_COORDINATOR", "contact.add", "Contact",
                    Long.toString(contact), null, null, details, subject);
            append(owner, clock, "coordinator", "MEMBER_COORDINATOR", "project.create", "Project",
                    Long.toString(project), null, "DRAFT", details, subject);
            append(owner, clock, "coordinator", "MEMBER_COORDINATOR", "project.publish", "Project",
                    Long.toString(project), "DRAFT", "PUBLIC", details, subject);
            append(owner, clock, "system", "", "membership.reminder", "Membership", m, "APPROVED", "APPROVED", null,
                    subject);
        }
        owner.commit();
        owner.setAutoCommit(true);
    }

    static final int ENTRIES_PER_ORGANISATION = 7;

    private static void append(Connection connection, Clock clock, String actor, String roles, String action,
                               String entityType, String entityId, String before, String after, String details,
                               Subject subject) throws SQLException {
        ChainAppend.append(connection, clock, new EntryDraft(actor, roles, action, entityType, entityId, before,
                after, null, details, null, subject));
    }

    /** The chain verifies and holds {@code entries} entries. */
    static void assertIntact(Connection connection, long entries) throws SQLException {
        Verification verification = ChainVerification.verify(connection);
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesChecked()).isEqualTo(entries);
    }

    static long id(Connection connection, String sql) throws SQLException {
        return Long.parseLong(single(connection, sql));
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
