package fr.la27eregion.membership;

import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;

import java.util.List;
import java.util.Map;

/**
 * The memberships and contacts of the organisations of {@link TestAccounts}, whose coordinators' rights the
 * membership tests check. {@code TestAccounts} makes the organisations only (an associate each, no membership, no
 * contact), and no test account may apply for them through the API, so they are completed here as the database's
 * superuser: an active membership of one year from today and a coordinator contact, each added only when absent,
 * so test classes sharing the database add nothing twice. A current membership another test left in another state
 * is made active again (its version moved on, so a copy read before is refused as stale, not overwritten).
 */
public final class TestMemberships {

    private TestMemberships() {
    }

    /** The id of the test organisation of this name (it exists once a deployment with TestAccounts started). */
    public static long organisation(String name) {
        long id = Superuser.number("SELECT id FROM organisation WHERE name = ?", name);
        if (id == 0) {
            throw new IllegalStateException("No test organisation '" + name + "': deploy TestAccounts");
        }
        return id;
    }

    /** The id of the organisation's current membership, active. */
    public static long activeMembershipOf(String name) {
        long organisation = organisation(name);
        List<Map<String, Object>> current = Superuser.rows("SELECT id, state FROM membership WHERE organisation_id = ?"
                + " AND state NOT IN ('REJECTED', 'WITHDRAWN', 'TERMINATED')", organisation);
        if (current.isEmpty()) {
            return Superuser.number("INSERT INTO membership (organisation_id, category, state, period_start,"
                    + " period_end, fee, agreement_reference) VALUES (?, 'ASSOCIATE', 'ACTIVE', current_date,"
                    + " current_date + 364, 3000, 'CONV-TEST') RETURNING id", organisation);
        }
        long id = ((Number) current.get(0).get("id")).longValue();
        if (!"ACTIVE".equals(current.get(0).get("state"))) {
            Superuser.update("UPDATE membership SET state = 'ACTIVE', period_start = current_date,"
                    + " period_end = current_date + 364, version = version + 1 WHERE id = ?", id);
        }
        return id;
    }

    /** The e-mail of the organisation's coordinator contact, added when it has none. */
    static String coordinatorContactOf(String name) {
        long organisation = organisation(name);
        String email = "coordination-" + organisation + "@test.invalid";
        if (Superuser.number("SELECT count(*) FROM contact WHERE organisation_id = ? AND email = ?", organisation,
                email) == 0) {
            Superuser.update("INSERT INTO contact (organisation_id, full_name, email, network_role, language)"
                    + " VALUES (?, ?, ?, 'COORDINATOR', 'fr')", organisation, "Coordination " + name, email);
        }
        return email;
    }
}
