package fr.la27eregion.membership;

import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.PlatformDriver.Answer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's bulk renewal on a real Payara Micro and PostgreSQL: each membership is renewed in its own
 * transaction and every one's outcome is told, even when the server fails on one of them (a system exception, not
 * a rule's refusal). The failure is real: a trigger the test installs on the membership table for that one row
 * makes its update fail in PostgreSQL, as a lost connection or a full disk would.
 */
@DisplayName("Bulk renewal")
class BulkRenewalIT {

    final URL base = TestServer.url();

    @Test
    @DisplayName("a membership the server fails to renew is reported, and the others are renewed")
    void aSystemFailureOnOneMembershipIsReportedAndTheOthersGoOn() throws Exception {
        PlatformDriver driver = new PlatformDriver(base);
        JsonObject renewed = active(driver, "Région renouvelée");
        JsonObject failing = active(driver, "Région en panne");
        JsonObject alsoRenewed = active(driver, "Région renouvelée ensuite");
        long failingId = failing.getJsonNumber("id").longValue();
        String trigger = "test_bulk_failure_" + failingId;
        try (Connection db = Superuser.connect();
             Statement sql = db.createStatement()) {
            sql.execute("CREATE OR REPLACE FUNCTION test_bulk_failure() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN RAISE EXCEPTION 'test: this membership cannot be written'; END $$");
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON membership FOR EACH ROW WHEN (OLD.id = "
                    + failingId + ") EXECUTE FUNCTION test_bulk_failure()");
            try {
                Answer answer = driver.post("renew-all", PlatformDriver.secretariat(), Map.of("memberships",
                        seen(renewed) + "," + seen(failing) + "," + seen(alsoRenewed)));
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().getJsonArray("outcomes").stream().map(JsonObject.class::cast)
                        .map(outcome -> outcome.getJsonNumber("id").longValue() + " " + outcome.getBoolean("done")
                                + " " + outcome.getString("key")).toList()).containsExactly(
                        renewed.getJsonNumber("id") + " true membership.bulk.renewed",
                        failingId + " false membership.bulk.failed",
                        alsoRenewed.getJsonNumber("id") + " true membership.bulk.renewed");
            } finally {
                sql.execute("DROP TRIGGER " + trigger + " ON membership");
            }
        }
        assertThat(PlatformDriver.rows("SELECT version, period_end FROM membership WHERE id = ?", failingId))
                .as("nothing of the failed renewal remains").containsExactly(List.of(failing.getInt("version"),
                        java.sql.Date.valueOf(failing.getString("periodEnd"))));
        assertThat(PlatformDriver.rows("SELECT count(*) FROM journal_entry WHERE entity_type = 'Membership'"
                + " AND entity_id = ? AND action = 'membership.renew'", Long.toString(failingId)))
                .containsExactly(List.of(0L));
    }

    private static JsonObject active(PlatformDriver driver, String name) {
        JsonObject membership = driver.applicant(name, "fr").membership();
        for (MembershipAction step : List.of(MembershipAction.REVIEW, MembershipAction.APPROVE,
                MembershipAction.ACTIVATE)) {
            Answer moved = driver.perform(membership, step, null,
                    step == MembershipAction.ACTIVATE ? "CONV-BULK" : null);
            assertThat(moved.status()).as(step + ": " + moved).isEqualTo(200);
            membership = moved.json();
        }
        return membership;
    }

    private static String seen(JsonObject membership) {
        return membership.getJsonNumber("id") + ":" + membership.getInt("version");
    }
}
