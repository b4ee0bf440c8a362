package fr.la27eregion.membership;

import fr.la27eregion.membership.control.MembershipWorkflow;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.la27eregion.membership.MembershipApi.AUDITOR;
import static fr.la27eregion.membership.MembershipApi.COORDINATOR_A;
import static fr.la27eregion.membership.MembershipApi.SECRETARIAT;
import static fr.la27eregion.membership.MembershipApi.actions;
import static fr.la27eregion.membership.MembershipApi.journal;
import static fr.la27eregion.membership.MembershipApi.onlyEntry;
import static fr.la27eregion.membership.MembershipApi.problem;
import static fr.la27eregion.membership.MembershipApi.transition;
import static fr.la27eregion.membership.MembershipApi.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership workflow through the REST API, on a real Payara Micro and PostgreSQL, from outside as a client:
 * applying, the secretariat's transitions from application to termination, each written to the journal exactly
 * once with its states and actor, every transition the table does not allow refused without a trace, stale
 * versions and concurrent transitions refused rather than lost. The journal and the stored rows are read as the
 * database's superuser.
 */
class MembershipApiIT {

    final URL base = TestServer.url();

    private MembershipApi membership;

    @BeforeEach
    void client() {
        membership = new MembershipApi(base);
    }

    // ----- applying -----

    @Test
    void anyoneAppliesAndTheApplicationIsJournaledOnce() {
        String name = uniqueName("apply");
        Reply reply = membership.api.post("api/v1/organisations", MembershipApi.application(name)
                .add("territoryCode", "FR-53").build().toString(), null);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.mediaType()).isEqualTo("application/json");
        JsonObject applied = reply.json();
        long id = applied.getJsonNumber("id").longValue();
        assertThat(reply.header("Location")).endsWith("/api/v1/memberships/" + id);
        assertThat(applied.getString("state")).isEqualTo("APPLIED");
        assertThat(applied.getString("category")).isEqualTo("ASSOCIATE");
        assertThat(applied.getJsonNumber("fee").bigDecimalValue()).isEqualByComparingTo("3000");
        assertThat(applied.getJsonObject("organisation").getString("name")).isEqualTo(name);
        assertThat(applied.getJsonArray("actions")).as("an applicant without an account can do nothing").isEmpty();
        assertThat(applied.containsKey("periodStart")).as("no period before activation").isFalse();
        assertThat(applied.getString("appliedAt")).as("ISO instant").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        Map<String, Object> entry = onlyEntry(reply);
        assertThat(entry).containsEntry("action", "membership.apply").containsEntry("entity_type", "Membership")
                .containsEntry("entity_id", String.valueOf(id)).containsEntry("state_after", "APPLIED")
                .containsEntry("actor", "anonymous").containsEntry("actor_roles", "");
        assertThat(entry.get("state_before")).isNull();

        JsonObject read = membership.read(id);
        assertThat(read.getString("state")).isEqualTo("APPLIED");
        assertThat(read.getInt("version")).isEqualTo(applied.getInt("version"));
        assertThat(actions(read)).containsExactly("REVIEW", "WITHDRAW");

        long organisation = applied.getJsonObject("organisation").getJsonNumber("id").longValue();
        // an applicant's profile is not public (MembershipScopingIT): the secretariat reads it
        JsonObject profile = membership.api.get("api/v1/organisations/" + organisation, SECRETARIAT).json();
        assertThat(profile.getString("name")).isEqualTo(name);
        assertThat(profile.getString("kind")).isEqualTo("ASSOCIATE");
        assertThat(profile.getString("territoryCode")).isEqualTo("FR-53");
        assertThat(profile.getString("territoryName")).isEqualTo("Bretagne");
        assertThat(profile.getString("siret")).hasSize(14);
        assertThat(profile.containsKey("contacts")).as("the profile is public: no contacts").isFalse();

        Reply contacts = membership.api.get("api/v1/organisations/" + organisation + "/contacts", SECRETARIAT);
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.array()).hasSize(1);
        assertThat(contacts.array().getJsonObject(0).getString("email")).isEqualTo(MembershipApi.emailOf(name));
        assertThat(contacts.array().getJsonObject(0).getString("networkRole")).isEqualTo("COORDINATOR");

        Reply history = membership.api.get("api/v1/organisations/" + organisation + "/memberships", AUDITOR);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.array()).hasSize(1);
        assertThat(history.array().getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(history.array().getJsonObject(0).getJsonArray("actions")).as("an auditor changes nothing")
                .isEmpty();
    }

    @Test
    void theSecretariatApplyingForAnOrganisationIsToldWhatItMayDoNext() {
        Reply reply = membership.api.post("api/v1/organisations",
                MembershipApi.application(uniqueName("apply by secretariat")).build().toString(), SECRETARIAT);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(actions(reply.json())).containsExactly("REVIEW", "WITHDRAW");
        assertThat(onlyEntry(reply)).containsEntry("actor", SECRETARIAT).containsEntry("actor_roles", "NETWORK_ADMIN");
    }

    /**
     * An anonymous application for a European region the referential does not hold only proposes the region: the
     * public referential lists it once the secretariat approves the application (journaled as territory.add, in the
     * organisation's timeline), and never for an application that is rejected.
     */
    @Test
    void aProposedEuropeanRegionJoinsTheReferentialOnlyWhenTheApplicationIsApproved() {
        String approvedCode = unusedNuts();
        String rejectedCode = unusedNuts();
        String name = uniqueName("region approved");
        long approved = applyAsEuropeanRegion(name, approvedCode);
        long rejected = applyAsEuropeanRegion(uniqueName("region rejected"), rejectedCode);
        assertThat(europeanRegions()).doesNotContain(approvedCode, rejectedCode);
        problem(membership.api.get("api/v1/territories/" + approvedCode, null), 404);

        long organisation = membership.read(approved).getJsonObject("organisation").getJsonNumber("id").longValue();
        JsonObject applicant = membership.api.get("api/v1/organisations/" + organisation, SECRETARIAT).json();
        assertThat(applicant.getString("proposedTerritoryCode")).isEqualTo(approvedCode);
        assertThat(applicant.containsKey("territoryCode")).as("not in the referential yet").isFalse();

        membership.step(rejected, MembershipAction.REVIEW);
        membership.step(rejected, MembershipAction.REJECT);
        membership.step(approved, MembershipAction.REVIEW);
        assertThat(europeanRegions()).doesNotContain(approvedCode, rejectedCode);

        Reply approval = membership.act(approved, MembershipAction.APPROVE, null, null, SECRETARIAT);
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        assertThat(europeanRegions()).contains(approvedCode).doesNotContain(rejectedCode);
        JsonObject region = membership.api.get("api/v1/territories/" + approvedCode, null).json();
        assertThat(region.getString("name")).isEqualTo(name);
        assertThat(Superuser.rows("SELECT action, entity_type, entity_id, actor, subject_type, subject_id"
                + " FROM journal_entry WHERE request_id = ? ORDER BY seq", approval.requestId()))
                .extracting(entry -> entry.get("action") + " " + entry.get("entity_type") + " " + entry.get("entity_id")
                        + " " + entry.get("actor") + " " + entry.get("subject_type") + " " + entry.get("subject_id"))
                .containsExactly("membership.approve Membership " + approved + " " + SECRETARIAT + " Organisation "
                                + organisation,
                        "territory.add Territory " + approvedCode + " " + SECRETARIAT + " Organisation " + organisation);
        JsonObject member = membership.api.get("api/v1/organisations/" + organisation, null).json();
        assertThat(member.getString("territoryCode")).isEqualTo(approvedCode);
        assertThat(member.containsKey("proposedTerritoryCode")).as("the proposal is spent").isFalse();
        assertThat(Superuser.number("SELECT count(*) FROM territory WHERE code = ?", rejectedCode)).isZero();
    }

    private long applyAsEuropeanRegion(String name, String nuts) {
        Reply reply = membership.api.post("api/v1/organisations", MembershipApi.application(name)
                .add("kind", "EUROPEAN_REGION").add("territoryCode", nuts).build().toString(), null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getJsonNumber("id").longValue();
    }

    private List<String> europeanRegions() {
        return membership.api.get("api/v1/territories?kind=EUROPEAN_REGION", null).array().stream()
                .map(territory -> territory.asJsonObject().getString("code")).toList();
    }

    /** A NUTS-2-shaped code of a made-up country (Z?), in no table yet. */
    private static String unusedNuts() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        while (true) {
            int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(26 * 36 * 36);
            String code = "Z" + letters.charAt(n % 26) + letters.charAt(n / 26 % 36) + letters.charAt(n / 26 / 36);
            if (Superuser.number("SELECT count(*) FROM territory WHERE code = ?", code)
                    + Superuser.number("SELECT count(*) FROM organisation WHERE proposed_region_code = ?", code) == 0) {
                return code;
            }
        }
    }

    // ----- the workflow -----

    @Test
    void theSecretariatDrivesAMembershipThroughItsLifeWithOneJournalEntryPerTransition() {
        String name = uniqueName("lifecycle");
        JsonObject current = membership.apply(name);
        long id = current.getJsonNumber("id").longValue();
        long organisation = current.getJsonObject("organisation").getJsonNumber("id").longValue();
        LocalDate today = LocalDate.now(Clocks.FRANCE);

        current = moved(current, MembershipAction.REVIEW, null, null, MembershipState.UNDER_REVIEW);
        assertThat(listed(organisation)).as("not a member yet").isNull();
        current = moved(current, MembershipAction.APPROVE, null, null, MembershipState.APPROVED);
        assertThat(listed(organisation)).as("listed once approved").isNotNull();
        assertThat(listed(organisation).getString("membershipState")).isEqualTo("APPROVED");

        current = moved(current, MembershipAction.ACTIVATE, null, "CONV-2026-" + id, MembershipState.ACTIVE);
        assertThat(current.getString("agreementReference")).isEqualTo("CONV-2026-" + id);
        assertThat(current.getString("periodStart")).isEqualTo(today.toString());
        LocalDate end = today.plusYears(1).minusDays(1);
        assertThat(current.getString("periodEnd")).isEqualTo(end.toString());
        assertThat(actions(current)).containsExactly("SUSPEND", "RENEW", "TERMINATE");

        current = moved(current, MembershipAction.SUSPEND, "Cotisation impayée", null, MembershipState.SUSPENDED);
        assertThat(current.getString("lastReason")).isEqualTo("Cotisation impayée");
        assertThat(listed(organisation).getString("membershipState")).isEqualTo("SUSPENDED");
        current = moved(current, MembershipAction.REINSTATE, null, null, MembershipState.ACTIVE);

        current = moved(current, MembershipAction.RENEW, null, null, MembershipState.ACTIVE);
        assertThat(current.getString("periodEnd")).as("a year more").isEqualTo(end.plusYears(1).toString());
        assertThat(listed(organisation).getString("memberUntil")).isEqualTo(end.plusYears(1).toString());

        current = moved(current, MembershipAction.TERMINATE, "Départ du réseau voté en assemblée", null,
                MembershipState.TERMINATED);
        assertThat(actions(current)).as("an ended membership has no next step").isEmpty();
        assertThat(listed(organisation)).as("no longer listed").isNull();
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE entity_type = 'Membership'"
                + " AND entity_id = ?", String.valueOf(id))).as("apply and seven transitions").isEqualTo(8);
    }

    @Test
    void anApplicationEndsWithdrawnOrRejectedWithItsMotivation() {
        long withdrawn = membership.inState(MembershipState.APPLIED, "withdraw");
        moved(membership.read(withdrawn), MembershipAction.WITHDRAW, null, null, MembershipState.WITHDRAWN);

        long rejected = membership.inState(MembershipState.UNDER_REVIEW, "reject");
        int version = membership.read(rejected).getInt("version");
        for (String missing : Arrays.asList(null, "", "   ")) {
            Reply refused = membership.api.post("api/v1/memberships/" + rejected + "/transitions",
                    transition(MembershipAction.REJECT, version, missing, null), SECRETARIAT);
            JsonObject problem = problem(refused, 422);
            assertThat(problem.getString("field")).isEqualTo("reason");
            assertThat(problem.getString("rule")).isEqualTo("membership.rule.REASON_REQUIRED");
            assertThat(problem.getString("detail")).contains("reason");
            assertThat(journal(refused)).isEmpty();
        }
        assertThat(membership.read(rejected).getInt("version")).as("unchanged").isEqualTo(version);
        JsonObject done = moved(membership.read(rejected), MembershipAction.REJECT,
                "Le dossier ne relève pas du réseau", null, MembershipState.REJECTED);
        assertThat(done.getString("lastReason")).isEqualTo("Le dossier ne relève pas du réseau");
    }

    @Test
    void aLapsedMembershipIsRenewedForAYearFromToday() {
        long lapsed = membership.inState(MembershipState.LAPSED, "renew lapsed");
        JsonObject renewed = moved(membership.read(lapsed), MembershipAction.RENEW, null, null,
                MembershipState.ACTIVE);
        assertThat(renewed.getString("periodEnd"))
                .isEqualTo(LocalDate.now(Clocks.FRANCE).plusYears(1).minusDays(1).toString());
    }

    @Test
    void everyActionTheTableDoesNotAllowFromAStateIsA422ThatChangesNothing() {
        Map<String, Integer> wrong = new LinkedHashMap<>();
        for (MembershipState state : MembershipState.values()) {
            long id = membership.inState(state, "refusals");
            int version = membership.read(id).getInt("version");
            for (MembershipAction action : MembershipAction.values()) {
                if (action == MembershipAction.LAPSE || MembershipWorkflow.TABLE.find(state, action).isPresent()) {
                    continue;
                }
                // with a reason and an agreement, only the state can refuse it
                Reply refused = membership.api.post("api/v1/memberships/" + id + "/transitions",
                        transition(action, version, "Motif", "CONV-1"), SECRETARIAT);
                if (refused.status() != 422 || !refused.json().getString("rule")
                        .equals("membership.rule.NOT_FROM_THIS_STATE") || !journal(refused).isEmpty()) {
                    wrong.put(state + " " + action, refused.status());
                }
            }
            // the daily job alone lapses a membership, whatever its state
            Reply lapse = membership.api.post("api/v1/memberships/" + id + "/transitions",
                    transition(MembershipAction.LAPSE, version, null, null), SECRETARIAT);
            if (lapse.status() != 403 || !journal(lapse).isEmpty()) {
                wrong.put(state + " LAPSE", lapse.status());
            }
            JsonObject after = membership.read(id);
            assertThat(after.getString("state")).as(state + " unchanged").isEqualTo(state.name());
            assertThat(after.getInt("version")).as(state + " unchanged").isEqualTo(version);
        }
        assertThat(wrong).as("refusals that were not a 422 of the state rule without a journal entry").isEmpty();
    }

    @Test
    void aStaleVersionIsA409ThatChangesNothing() {
        long id = membership.inState(MembershipState.UNDER_REVIEW, "stale");
        JsonObject seen = membership.read(id);
        int version = seen.getInt("version");
        for (int stale : new int[]{version - 1, version + 1}) {
            Reply refused = membership.api.post("api/v1/memberships/" + id + "/transitions",
                    transition(MembershipAction.APPROVE, stale, null, null), SECRETARIAT);
            assertThat(problem(refused, 409).getString("detail")).contains("changed by someone else");
            assertThat(journal(refused)).isEmpty();
        }
        JsonObject after = membership.read(id);
        assertThat(after.getString("state")).isEqualTo("UNDER_REVIEW");
        assertThat(after.getInt("version")).isEqualTo(version);
    }

    @Test
    void aCoordinatorTryingTheSecretariatsActionOnTheirOwnMembershipIsA403() {
        long own = TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        JsonObject before = membership.read(own);
        Reply mine = membership.api.get("api/v1/memberships/" + own, COORDINATOR_A);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(actions(mine.json())).as("a coordinator renews").containsExactly("RENEW");
        for (MembershipAction secretariats : List.of(MembershipAction.SUSPEND, MembershipAction.TERMINATE)) {
            Reply refused = membership.api.post("api/v1/memberships/" + own + "/transitions",
                    transition(secretariats, before.getInt("version"), "Motif", null), COORDINATOR_A);
            assertThat(problem(refused, 403).getString("detail")).contains(secretariats.name());
            assertThat(journal(refused)).isEmpty();
        }
        JsonObject after = membership.read(own);
        assertThat(after.getString("state")).isEqualTo(before.getString("state"));
        assertThat(after.getInt("version")).isEqualTo(before.getInt("version"));
    }

    // ----- concurrency -----

    @Test
    void eightSimultaneousTransitionsOfOneVersionMakeOneChangeAndOneJournalEntry() throws Exception {
        long id = membership.inState(MembershipState.UNDER_REVIEW, "concurrent");
        int version = membership.read(id).getInt("version");
        String body = transition(MembershipAction.APPROVE, version, null, null);
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Future<Reply>> posted = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                posted.add(threads.submit(() -> {
                    start.await();
                    return membership.api.post("api/v1/memberships/" + id + "/transitions", body, SECRETARIAT);
                }));
            }
            start.countDown();
            for (Future<Reply> reply : posted) {
                replies.add(reply.get(2, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(replies).as("exactly one wins").filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).as("the others are told the membership changed: 409, never 500")
                .filteredOn(reply -> reply.status() != 200)
                .hasSize(clients - 1)
                .allSatisfy(reply -> problem(reply, 409));
        JsonObject after = membership.read(id);
        assertThat(after.getString("state")).isEqualTo("APPROVED");
        assertThat(after.getInt("version")).isEqualTo(version + 1);
        long entries = replies.stream().mapToLong(reply -> journal(reply).size()).sum();
        assertThat(entries).as("one journal entry for the eight requests").isEqualTo(1);
        assertThat(Superuser.number("SELECT count(*) FROM journal_entry WHERE entity_type = 'Membership'"
                + " AND entity_id = ? AND action = 'membership.approve'", String.valueOf(id))).isEqualTo(1);
    }

    // ----- the description -----

    @Test
    void theOpenApiDocumentDescribesTheMembershipEndpointsAndTheirProblems() {
        Reply openapi = membership.api.get("openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/organisations/{id}/contacts", "/api/v1/memberships/{id}",
                "/api/v1/memberships/{id}/transitions", "application/problem+json", "Transition", "Application",
                "409", "X-Total-Count");
    }

    // ----- helpers -----

    /**
     * Posts a transition as the secretariat on the membership as last seen, and checks the answer and the journal:
     * the new state and the next version, and exactly one entry for the request with the states before and after,
     * the action, the membership and the secretariat's account as actor.
     */
    private JsonObject moved(JsonObject seen, MembershipAction action, String reason, String agreement,
                                  MembershipState expected) {
        long id = seen.getJsonNumber("id").longValue();
        Reply reply = membership.api.post("api/v1/memberships/" + id + "/transitions",
                transition(action, seen.getInt("version"), reason, agreement), SECRETARIAT);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonObject after = reply.json();
        assertThat(after.getString("state")).isEqualTo(expected.name());
        assertThat(after.getInt("version")).isEqualTo(seen.getInt("version") + 1);
        Map<String, Object> entry = onlyEntry(reply);
        assertThat(entry).containsEntry("action", "membership." + action.name().toLowerCase(java.util.Locale.ROOT))
                .containsEntry("entity_type", "Membership").containsEntry("entity_id", String.valueOf(id))
                .containsEntry("state_before", seen.getString("state")).containsEntry("state_after", expected.name())
                .containsEntry("actor", SECRETARIAT).containsEntry("actor_roles", "NETWORK_ADMIN");
        assertThat(entry.get("reason")).isEqualTo(reason == null ? null : reason.strip());
        return after;
    }

    /** The organisation's line in the public members list, or null when it is not listed. */
    private JsonObject listed(long organisation) {
        Reply members = membership.api.get("api/v1/organisations", null);
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.header("X-Total-Count")).isEqualTo(String.valueOf(members.array().size()));
        return members.array().stream().map(JsonValue::asJsonObject)
                .filter(member -> member.getJsonNumber("id").longValue() == organisation).findFirst().orElse(null);
    }
}
