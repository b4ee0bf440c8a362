package fr.la27eregion.membership;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static fr.la27eregion.membership.MembershipApi.AUDITOR;
import static fr.la27eregion.membership.MembershipApi.CONTRIBUTOR_A;
import static fr.la27eregion.membership.MembershipApi.COORDINATOR_A;
import static fr.la27eregion.membership.MembershipApi.SECRETARIAT;
import static fr.la27eregion.membership.MembershipApi.actions;
import static fr.la27eregion.membership.MembershipApi.journal;
import static fr.la27eregion.membership.MembershipApi.onlyEntry;
import static fr.la27eregion.membership.MembershipApi.problem;
import static fr.la27eregion.membership.MembershipApi.transition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisation scoping through the REST API (DESIGN §2): a coordinator or a contributor reads only their own
 * organisation's non-public records, and only a coordinator changes them; the secretariat reads and changes every
 * organisation's, an auditor reads every organisation's and changes none. Checked from outside on the records of
 * the two test organisations of {@link TestAccounts}: {@code member-coordinator} and {@code contributor} belong to
 * A, {@code coordinator-b} to B. A refusal is a 403 problem that carries none of the records, and a refused change
 * leaves the membership's state and version as they were, with nothing in the journal.
 */
class MembershipScopingIT {

    private static final String COORDINATOR_B = TestAccounts.COORDINATOR_B;

    final URL base = TestServer.url();

    private MembershipApi membership;
    private long organisationA;
    private long organisationB;
    private long membershipA;
    private long membershipB;
    private String contactB;

    /** Each test organisation has an active membership and a coordinator contact (see TestMemberships). */
    @BeforeEach
    void recordsOfBothOrganisations() {
        membership = new MembershipApi(base);
        organisationA = TestMemberships.organisation(TestAccounts.ORGANISATION_A);
        organisationB = TestMemberships.organisation(TestAccounts.ORGANISATION_B);
        membershipA = TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_A);
        membershipB = TestMemberships.activeMembershipOf(TestAccounts.ORGANISATION_B);
        TestMemberships.coordinatorContactOf(TestAccounts.ORGANISATION_A);
        contactB = TestMemberships.coordinatorContactOf(TestAccounts.ORGANISATION_B);
    }

    @Test
    void thePeopleOfAReadNothingOfBsRecords() {
        for (String caller : List.of(COORDINATOR_A, CONTRIBUTOR_A)) {
            for (String path : List.of("api/v1/memberships/" + membershipB,
                    "api/v1/organisations/" + organisationB + "/contacts",
                    "api/v1/organisations/" + organisationB + "/memberships")) {
                Reply refused = membership.api.get(path, caller);
                problem(refused, 403);
                assertThat(refused.body()).as(caller + " " + path + ": none of B's records")
                        .doesNotContain(contactB, TestAccounts.ORGANISATION_B, "\"state\"", "\"fee\"");
            }
        }
    }

    @Test
    void thePeopleOfAReadTheirOwnRecordsAndBsPublicProfile() {
        for (String caller : List.of(COORDINATOR_A, CONTRIBUTOR_A)) {
            Reply own = membership.api.get("api/v1/memberships/" + membershipA, caller);
            assertThat(own.status()).as(own.toString()).isEqualTo(200);
            assertThat(own.json().getJsonObject("organisation").getString("name")).isEqualTo(TestAccounts.ORGANISATION_A);
            assertThat(membership.api.get("api/v1/organisations/" + organisationA + "/contacts", caller).status())
                    .isEqualTo(200);
            assertThat(membership.api.get("api/v1/organisations/" + organisationA + "/memberships", caller).array())
                    .extracting(value -> value.asJsonObject().getJsonNumber("id").longValue()).contains(membershipA);

            Reply profile = membership.api.get("api/v1/organisations/" + organisationB, caller);
            assertThat(profile.status()).as("a profile is public").isEqualTo(200);
            assertThat(profile.json().getString("name")).isEqualTo(TestAccounts.ORGANISATION_B);
            assertThat(profile.body()).doesNotContain(contactB);
        }
        assertThat(actions(membership.api.get("api/v1/memberships/" + membershipA, CONTRIBUTOR_A).json()))
                .as("a contributor changes nothing").isEmpty();
    }

    @Test
    void theCoordinatorOfAChangesNothingOfBWhateverTheActionOrVersion() {
        JsonObject before = membership.read(membershipB);
        int version = before.getInt("version");
        for (MembershipAction action : MembershipAction.values()) {
            for (int seen : new int[]{version, version + 7}) {
                Reply refused = membership.api.post("api/v1/memberships/" + membershipB + "/transitions",
                        transition(action, seen, "Motif", "CONV-1"), COORDINATOR_A);
                // refused without telling whether the version or the state would have allowed it
                assertThat(refused.status()).as(action + " v" + seen + ": " + refused).isEqualTo(403);
                assertThat(journal(refused)).isEmpty();
            }
        }
        Reply byContributor = membership.api.post("api/v1/memberships/" + membershipA + "/transitions",
                transition(MembershipAction.RENEW, membership.read(membershipA).getInt("version"), null, null),
                CONTRIBUTOR_A);
        problem(byContributor, 403);
        JsonObject after = membership.read(membershipB);
        assertThat(after.getString("state")).isEqualTo(before.getString("state"));
        assertThat(after.getInt("version")).isEqualTo(version);
        assertThat(after.getString("periodEnd")).isEqualTo(before.getString("periodEnd"));
    }

    @Test
    void theCoordinatorOfBReadsAndRenewsItsOwnButNotAs() {
        Reply own = membership.api.get("api/v1/memberships/" + membershipB, COORDINATOR_B);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(actions(own.json())).containsExactly("RENEW");
        Reply contacts = membership.api.get("api/v1/organisations/" + organisationB + "/contacts", COORDINATOR_B);
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.array()).extracting(value -> value.asJsonObject().getString("email")).contains(contactB);

        Reply renewed = membership.api.post("api/v1/memberships/" + membershipB + "/transitions",
                transition(MembershipAction.RENEW, own.json().getInt("version"), null, null), COORDINATOR_B);
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.json().getString("periodEnd")).isGreaterThan(own.json().getString("periodEnd"));
        Map<String, Object> entry = onlyEntry(renewed);
        assertThat(entry).containsEntry("action", "membership.renew").containsEntry("actor", COORDINATOR_B)
                .containsEntry("entity_id", String.valueOf(membershipB));

        problem(membership.api.get("api/v1/memberships/" + membershipA, COORDINATOR_B), 403);
        problem(membership.api.get("api/v1/organisations/" + organisationA + "/contacts", COORDINATOR_B), 403);
        int versionA = membership.read(membershipA).getInt("version");
        problem(membership.api.post("api/v1/memberships/" + membershipA + "/transitions",
                transition(MembershipAction.RENEW, versionA, null, null), COORDINATOR_B), 403);
        assertThat(membership.read(membershipA).getInt("version")).isEqualTo(versionA);
    }

    @Test
    void theSecretariatReadsAndChangesEveryOrganisationsRecords() {
        JsonObject seen = membership.read(membershipB);
        assertThat(actions(seen)).containsExactly("SUSPEND", "RENEW", "TERMINATE");
        assertThat(membership.api.get("api/v1/organisations/" + organisationB + "/contacts", SECRETARIAT).array())
                .extracting(value -> value.asJsonObject().getString("email")).contains(contactB);

        Reply suspended = membership.api.post("api/v1/memberships/" + membershipB + "/transitions",
                transition(MembershipAction.SUSPEND, seen.getInt("version"), "Vérification de la cotisation", null),
                SECRETARIAT);
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(onlyEntry(suspended)).containsEntry("actor", SECRETARIAT).containsEntry("state_after", "SUSPENDED");
        Reply reinstated = membership.api.post("api/v1/memberships/" + membershipB + "/transitions",
                transition(MembershipAction.REINSTATE, suspended.json().getInt("version"), null, null), SECRETARIAT);
        assertThat(reinstated.status()).as(reinstated.toString()).isEqualTo(200);
        assertThat(reinstated.json().getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void theAuditorReadsEveryOrganisationsRecordsAndChangesNone() {
        JsonObject before = membership.read(membershipB);
        Reply read = membership.api.get("api/v1/memberships/" + membershipB, AUDITOR);
        assertThat(read.status()).isEqualTo(200);
        assertThat(actions(read.json())).isEmpty();
        assertThat(membership.api.get("api/v1/organisations/" + organisationB + "/contacts", AUDITOR).array())
                .extracting(value -> value.asJsonObject().getString("email")).contains(contactB);
        assertThat(membership.api.get("api/v1/organisations/" + organisationB + "/memberships", AUDITOR).status())
                .isEqualTo(200);

        for (MembershipAction action : List.of(MembershipAction.RENEW, MembershipAction.SUSPEND)) {
            Reply refused = membership.api.post("api/v1/memberships/" + membershipB + "/transitions",
                    transition(action, before.getInt("version"), "Motif", null), AUDITOR);
            problem(refused, 403);
            assertThat(journal(refused)).isEmpty();
        }
        assertThat(membership.read(membershipB).getInt("version")).isEqualTo(before.getInt("version"));
    }

    /**
     * The profile of an organisation that is not a member (an application pending, rejected or withdrawn) is not
     * public: the members list leaves it out, and so does its profile, for anonymous callers and other
     * organisations' people alike (404, as for an organisation that does not exist). The secretariat and auditors
     * read it; a member's profile stays public.
     */
    @Test
    void anonymousCallersAndOtherOrganisationsSeeTheProfilesOfMembersOnly() {
        for (MembershipState state : List.of(MembershipState.APPLIED, MembershipState.UNDER_REVIEW,
                MembershipState.REJECTED, MembershipState.WITHDRAWN)) {
            JsonObject applicant = membership.read(membership.inState(state, "Profil"))
                    .getJsonObject("organisation");
            String path = "api/v1/organisations/" + applicant.getJsonNumber("id").longValue();
            for (String caller : Arrays.asList(null, COORDINATOR_B, TestAccounts.of(Role.REVIEWER))) {
                Reply hidden = membership.api.get(path, caller);
                problem(hidden, 404);
                assertThat(hidden.body()).as(state + " " + caller).doesNotContain(applicant.getString("name"));
            }
            for (String caller : List.of(SECRETARIAT, AUDITOR)) {
                Reply read = membership.api.get(path, caller);
                assertThat(read.status()).as(state + " " + caller + ": " + read).isEqualTo(200);
                assertThat(read.json().getString("name")).isEqualTo(applicant.getString("name"));
            }
        }
        long approved = membership.read(membership.inState(MembershipState.APPROVED, "Profil"))
                .getJsonObject("organisation").getJsonNumber("id").longValue();
        for (long member : List.of(organisationB, approved)) {
            Reply profile = membership.api.get("api/v1/organisations/" + member, null);
            assertThat(profile.status()).as("a member's profile is public: " + profile).isEqualTo(200);
        }
    }

    @Test
    void otherRolesAndAnonymousCallersReadNoMembership() {
        for (Role role : List.of(Role.REVIEWER, Role.JURY)) {
            problem(membership.api.get("api/v1/memberships/" + membershipB, TestAccounts.of(role)), 403);
            problem(membership.api.get("api/v1/organisations/" + organisationB + "/contacts", TestAccounts.of(role)),
                    403);
        }
        Reply anonymous = membership.api.get("api/v1/memberships/" + membershipB, null);
        problem(anonymous, 401);
        assertThat(anonymous.body()).doesNotContain(TestAccounts.ORGANISATION_B);
    }

}
