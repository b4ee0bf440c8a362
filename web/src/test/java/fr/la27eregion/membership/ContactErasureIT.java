package fr.la27eregion.membership;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.PlatformDriver.Applicant;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure of a contact's personal data (GDPR article 17) on a real Payara Micro and PostgreSQL: the contact of an
 * organisation that applied (so mail went to it), quoted in a notification, linked to an account, is erased by the
 * secretariat; then its address (which its name also holds) is found in no text column of any table of the
 * database, the journal included, and the journal's chain still verifies. Others are refused; a stale version, the
 * last coordinator and a second erasure too. A removed contact can be erased as well.
 */
@DisplayName("Erasure of a contact's personal data")
class ContactErasureIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);

    private final ApiClient api = new ApiClient(TestServer.url());
    private final PlatformDriver driver = new PlatformDriver(TestServer.url());

    @Test
    @DisplayName("the personal data are gone from every table, the journal says so without them, and it verifies")
    void personalDataAreGoneEverywhere() {
        Applicant applicant = driver.applicant("Effacement", "fr");
        long organisation = applicant.membership().getJsonNumber("organisation").longValue();
        String email = applicant.coordinator();
        long contact = Superuser.number("SELECT id FROM contact WHERE email = ?", email);
        awaitMailTo(email);
        String name = Superuser.column("SELECT full_name FROM contact WHERE id = ?", contact).get(0);
        Superuser.update("INSERT INTO notification (organisation_id, message_key, arguments) VALUES (?, 'test.erasure',"
                + " ?)", organisation, "[\"" + name + "\", \"" + email + "\"]");
        String username = "erasure-" + System.nanoTime() % 1_000_000_000L;
        PlatformDriver.Answer created = driver.post("account", PlatformDriver.secretariat(), Map.of("username",
                username, "role", "REVIEWER"));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        long account = created.json().getJsonNumber("id").longValue();
        Superuser.update("UPDATE contact SET account_id = ? WHERE id = ?", account, contact);
        assertThat(occurrences(email)).as("before: in the contact, the outbox, the notification").hasSizeGreaterThan(2);

        // the only coordinator cannot be erased, as it could not be removed
        assertThat(erase(contact, SECRETARIAT).status()).isEqualTo(422);
        Superuser.update("INSERT INTO contact (organisation_id, full_name, email, network_role, language)"
                + " VALUES (?, 'Relève de la coordination', ?, 'COORDINATOR', 'fr')", organisation,
                "releve-" + System.nanoTime() + "@region.test");

        ApiClient.Reply stale = api.post("api/v1/contacts/" + contact + "/erasure", "{\"version\": 99}", SECRETARIAT);
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(erase(contact, TestAccounts.of(Role.AUDITOR)).status()).isEqualTo(403);
        assertThat(erase(contact, TestAccounts.of(Role.MEMBER_COORDINATOR)).status()).isEqualTo(403);
        assertThat(erase(contact, null).status()).isEqualTo(401);
        assertThat(occurrences(email)).as("nothing erased by a refusal").hasSizeGreaterThan(2);

        ApiClient.Reply erased = erase(contact, SECRETARIAT);
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);

        assertThat(occurrences(email)).as("the address (and the name, which holds it) in no table").isEmpty();
        Map<String, Object> row = Superuser.rows("SELECT full_name, email, job_title, erased_at, removed_at"
                + " FROM contact WHERE id = ?", contact).get(0);
        assertThat(row.get("full_name")).isEqualTo("erased");
        assertThat(row.get("email")).isEqualTo("erased");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(row.get("removed_at")).as("removed with the erasure").isNotNull();
        Map<String, Object> linked = Superuser.rows("SELECT username, display_name, email, enabled FROM account"
                + " WHERE id = ?", account).get(0);
        assertThat(linked).containsEntry("username", "erased-" + account).containsEntry("display_name", "erased")
                .containsEntry("email", "erased").containsEntry("enabled", false);
        assertThat(Superuser.column("SELECT arguments FROM notification WHERE organisation_id = ? AND message_key ="
                + " 'test.erasure'", organisation)).containsExactly("[\"erased\", \"erased\"]");
        assertThat(Superuser.number("SELECT count(*) FROM outgoing_mail WHERE recipient = 'erased'")).isPositive();

        List<String> entry = Superuser.column("SELECT actor || ' ' || details FROM journal_entry"
                + " WHERE action = 'contact.erase' AND entity_id = ?", String.valueOf(contact));
        assertThat(entry).hasSize(1);
        assertThat(entry.get(0)).startsWith(SECRETARIAT + " ").contains("\"organisation\":" + organisation)
                .doesNotContain(email).doesNotContain("Coordination");
        List<JsonObject> contacts = api.get("api/v1/organisations/" + organisation + "/contacts", SECRETARIAT)
                .array().getValuesAs(JsonObject.class);
        assertThat(contacts).extracting(listed -> listed.getJsonNumber("id").longValue()).doesNotContain(contact);

        JsonObject verification = api.get("api/v1/journal/verify", TestAccounts.of(Role.AUDITOR)).json();
        assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();

        assertThat(erase(contact, SECRETARIAT).status()).as("erased already").isEqualTo(422);
    }

    @Test
    @DisplayName("a removed contact is kept until erased, and can be erased")
    void aRemovedContactCanBeErased() {
        Applicant applicant = driver.applicant("Effacement retiré", "en");
        long organisation = applicant.membership().getJsonNumber("organisation").longValue();
        String email = "former-" + applicant.coordinator();
        long contact = Superuser.number("INSERT INTO contact (organisation_id, full_name, email, network_role,"
                + " language, removed_at) VALUES (?, 'Ancien correspondant', ?, 'CORRESPONDENT', 'fr', now())"
                + " RETURNING id", organisation, email);
        Superuser.update("INSERT INTO outgoing_mail (recipient, subject, body, sent_at) VALUES (?, 'Bonjour',"
                + " 'Bonjour Ancien correspondant', now())", email);
        Superuser.update("INSERT INTO outgoing_mail (recipient, subject, body) VALUES (?, 'Pas encore parti',"
                + " 'Corps')", email);

        ApiClient.Reply erased = erase(contact, SECRETARIAT);
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        assertThat(occurrences(email)).isEmpty();
        assertThat(Superuser.number("SELECT count(*) FROM outgoing_mail WHERE sent_at IS NULL AND subject ="
                + " 'Pas encore parti'")).as("a mail not sent yet is not sent to an erased person").isZero();
        assertThat(Superuser.column("SELECT details FROM journal_entry WHERE action = 'contact.erase'"
                + " AND entity_id = ?", String.valueOf(contact)).get(0)).contains("\"wasCurrent\":false")
                .contains("\"mailsDropped\":1").contains("\"mailsErased\":1");
    }

    /** The acknowledgement of the application is queued after its commit: waits for it, 20 s at most. */
    private static void awaitMailTo(String email) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (Superuser.number("SELECT count(*) FROM outgoing_mail WHERE recipient = ?", email) == 0) {
            assertThat(System.nanoTime()).as("a mail to " + email).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    private ApiClient.Reply erase(long contact, String username) {
        int version = (int) Superuser.number("SELECT version FROM contact WHERE id = ?", contact);
        return api.post("api/v1/contacts/" + contact + "/erasure", "{\"version\": " + version + "}", username);
    }

    /** {@code table.column} of every text column, of every table, that holds {@code text} (any case). */
    private static List<String> occurrences(String text) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : Superuser.rows("SELECT table_name, column_name FROM"
                + " information_schema.columns c WHERE table_schema = 'public' AND data_type IN"
                + " ('character varying', 'text', 'character') AND EXISTS (SELECT 1 FROM information_schema.tables t"
                + " WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')")) {
            String where = column.get("table_name") + "." + column.get("column_name");
            long count = Superuser.number("SELECT count(*) FROM \"" + column.get("table_name") + "\" WHERE strpos(lower(\""
                    + column.get("column_name") + "\"), lower(?)) > 0", text);
            if (count > 0) {
                found.add(where + " (" + count + ")");
            }
        }
        return found;
    }
}
