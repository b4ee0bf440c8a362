package fr.la27eregion.membership;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.Siret;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import java.net.URL;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership API as the membership tests use it: applications with unique names and SIRETs (the test database
 * is shared by every test class of a run), the secretariat's transitions, a membership brought to any state, and
 * what the journal wrote for a request, read as the database's superuser.
 */
final class MembershipApi {

    static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);
    static final String COORDINATOR_A = TestAccounts.of(Role.MEMBER_COORDINATOR);
    static final String CONTRIBUTOR_A = TestAccounts.of(Role.CONTRIBUTOR);
    static final String AUDITOR = TestAccounts.of(Role.AUDITOR);

    private static final SecureRandom RANDOM = new SecureRandom();

    final ApiClient api;

    MembershipApi(URL base) {
        api = new ApiClient(base);
    }

    /** A name no other test uses: the tag says which test made it. */
    static String uniqueName(String tag) {
        return "Test API " + tag + " " + System.nanoTime();
    }

    /** A valid SIRET no other test uses (13 random digits and their check key). */
    static String uniqueSiret() {
        return Siret.withKey(String.format(Locale.ROOT, "%013d", Math.floorMod(RANDOM.nextLong(), 10_000_000_000_000L)))
                .value();
    }

    /** The e-mail of the coordinator of an application of this name, unique likewise (its number). */
    static String emailOf(String name) {
        return "coordination." + uniquePart(name) + "@example.fr";
    }

    /** The number that makes a name of {@link #uniqueName} unique. */
    static String uniquePart(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    /** An associate's application, valid, with its coordinator: the tests change what they test. */
    static JsonObjectBuilder application(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("kind", "ASSOCIATE")
                .add("siret", uniqueSiret())
                .add("address", "1 rue de la Paix, 75002 Paris")
                .add("website", "https://www.example.fr")
                .add("contacts", Json.createArrayBuilder().add(coordinator(name)));
    }

    static JsonObjectBuilder coordinator(String name) {
        return Json.createObjectBuilder()
                .add("fullName", "Camille Coordination")
                .add("email", emailOf(name))
                .add("jobTitle", "Cheffe de projet")
                .add("networkRole", "COORDINATOR")
                .add("language", "fr");
    }

    static String transition(MembershipAction action, int version, String reason, String agreement) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("action", action.name()).add("version", version);
        if (reason != null) {
            body.add("reason", reason);
        }
        if (agreement != null) {
            body.add("agreement", agreement);
        }
        return body.build().toString();
    }

    /** Applies anonymously, as an organisation without an account does; the application must be accepted. */
    JsonObject apply(String name) {
        Reply reply = api.post("api/v1/organisations", application(name).build().toString(), null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    /** The membership as the secretariat reads it now. */
    JsonObject read(long membership) {
        Reply reply = api.get("api/v1/memberships/" + membership, SECRETARIAT);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Posts a transition of the membership as it is now (its current version), as this caller. */
    Reply act(long membership, MembershipAction action, String reason, String agreement, String caller) {
        int version = read(membership).getInt("version");
        return api.post("api/v1/memberships/" + membership + "/transitions",
                transition(action, version, reason, agreement), caller);
    }

    /** A transition by the secretariat that must succeed; the membership after it. */
    JsonObject step(long membership, MembershipAction action) {
        Reply reply = act(membership, action, reasonFor(action), agreementFor(action), SECRETARIAT);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    static String reasonFor(MembershipAction action) {
        return switch (action) {
            case REJECT, SUSPEND, TERMINATE -> "Motif de test pour " + action.name().toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    static String agreementFor(MembershipAction action) {
        return action == MembershipAction.ACTIVATE ? "CONV-TEST-" + System.nanoTime() % 100_000 : null;
    }

    /**
     * A new membership in this state: through the API for every state the secretariat reaches; a lapse is the
     * daily job's alone, and its clock cannot be moved from outside, so LAPSED is set as the superuser on an
     * active membership whose period ended three months ago (version moved on, like any change).
     */
    long inState(MembershipState state, String tag) {
        long id = apply(uniqueName(tag + " " + state)).getJsonNumber("id").longValue();
        for (MembershipAction action : pathTo(state)) {
            step(id, action);
        }
        if (state == MembershipState.LAPSED) {
            assertThat(Superuser.update("UPDATE membership SET state = 'LAPSED', period_start = current_date - 455,"
                    + " period_end = current_date - 91, version = version + 1 WHERE id = ? AND state = 'ACTIVE'",
                    id)).isEqualTo(1);
        }
        assertThat(read(id).getString("state")).isEqualTo(state.name());
        return id;
    }

    private static List<MembershipAction> pathTo(MembershipState state) {
        List<MembershipAction> toActive = List.of(MembershipAction.REVIEW, MembershipAction.APPROVE,
                MembershipAction.ACTIVATE);
        return switch (state) {
            case APPLIED -> List.of();
            case UNDER_REVIEW -> List.of(MembershipAction.REVIEW);
            case APPROVED -> List.of(MembershipAction.REVIEW, MembershipAction.APPROVE);
            case ACTIVE, LAPSED -> toActive;
            case REJECTED -> List.of(MembershipAction.REVIEW, MembershipAction.REJECT);
            case WITHDRAWN -> List.of(MembershipAction.WITHDRAW);
            case SUSPENDED -> with(toActive, MembershipAction.SUSPEND);
            case TERMINATED -> with(toActive, MembershipAction.TERMINATE);
        };
    }

    private static List<MembershipAction> with(List<MembershipAction> path, MembershipAction last) {
        List<MembershipAction> longer = new ArrayList<>(path);
        longer.add(last);
        return longer;
    }

    /** The journal entries one request wrote, oldest first. */
    static List<Map<String, Object>> journal(Reply reply) {
        return Superuser.rows("SELECT action, entity_type, entity_id, state_before, state_after, actor, actor_roles,"
                + " reason FROM journal_entry WHERE request_id = ? ORDER BY seq", reply.requestId());
    }

    /** The one journal entry a request wrote; it must have written exactly one. */
    static Map<String, Object> onlyEntry(Reply reply) {
        List<Map<String, Object>> entries = journal(reply);
        assertThat(entries).as("journal entries of " + reply).hasSize(1);
        return entries.get(0);
    }

    /**
     * That nothing of a refused application is in the database: no organisation of its name, no contact of its
     * coordinator's e-mail, no membership of such an organisation, no journal entry of its request or naming it.
     */
    static void nothingSaved(String name, Reply refused) {
        assertThat(Superuser.number("SELECT count(*) FROM organisation WHERE name = ?", name)).as("organisations")
                .isZero();
        assertThat(Superuser.number("SELECT count(*) FROM contact WHERE email = ?", emailOf(name))).as("contacts")
                .isZero();
        assertThat(Superuser.number("SELECT count(*) FROM membership m JOIN organisation o"
                + " ON o.id = m.organisation_id WHERE o.name = ?", name)).as("memberships").isZero();
        assertThat(journal(refused)).as("journal entries of the refused request").isEmpty();
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE details LIKE ?",
                "%" + uniquePart(name) + "%")).as("journal entries naming it").isZero();
    }

    /** The names of the actions the membership's reader may take now. */
    static List<String> actions(JsonObject membership) {
        return membership.getJsonArray("actions").getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }

    /** A 4xx problem detail as RFC 9457 and the API shape it: its media type, status and request id. */
    static JsonObject problem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.mediaType()).as(reply.toString()).isEqualTo("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("instance")).isEqualTo("urn:request:" + reply.requestId());
        return problem;
    }
}
