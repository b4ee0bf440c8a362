package fr.la27eregion.home;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlWaitingWork;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's home (what waits for them, {@code GET /api/v1/home}, the queries of the intranet's home page) on two
 * organisations seeded with one item of each kind ({@link SqlWaitingWork}): the coordinator, the contributor, the
 * reviewer and the jury chair of one see exactly their items, each with the page where it is done, and never the
 * other organisation's; the secretariat sees both organisations' items of every kind; an auditor's home is the
 * journal's, whose last verification is kept.
 */
class HomeIT {

    private static final String SECRETARIAT = TestAccounts.of(Role.NETWORK_ADMIN);

    private static SqlWaitingWork x;
    private static SqlWaitingWork y;

    private final ApiClient api = new ApiClient(TestServer.url());

    @BeforeAll
    static void seed() {
        TestServer.url();
        x = SqlWaitingWork.seed("x");
        y = SqlWaitingWork.seed("y");
    }

    /** The caller's home: role → kind → the paths of its items, and the counts by kind. */
    private record Home(Map<String, Map<String, List<String>>> sections, Map<String, Long> counts) {

        List<String> paths(String role, String kind) {
            assertThat(sections).containsKey(role);
            assertThat(sections.get(role)).as("kind %s in %s", kind, role).containsKey(kind);
            return sections.get(role).get(kind);
        }

        Set<String> allPaths() {
            return sections.values().stream().flatMap(kinds -> kinds.values().stream()).flatMap(List::stream)
                    .collect(Collectors.toSet());
        }
    }

    private Home home(String username) {
        Reply reply = api.get("api/v1/home", username);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Map<String, List<String>>> sections = new java.util.LinkedHashMap<>();
        Map<String, Long> counts = new java.util.HashMap<>();
        for (JsonObject section : reply.json().getJsonArray("sections").getValuesAs(JsonObject.class)) {
            Map<String, List<String>> kinds = new java.util.LinkedHashMap<>();
            for (JsonObject waiting : section.getJsonArray("waiting").getValuesAs(JsonObject.class)) {
                List<JsonObject> items = waiting.getJsonArray("items").getValuesAs(JsonObject.class);
                assertThat(items.size()).as("at most 10 listed").isLessThanOrEqualTo(10);
                assertThat((long) items.size()).isLessThanOrEqualTo(waiting.getJsonNumber("count").longValue());
                kinds.put(waiting.getString("kind"), items.stream().map(i -> !i.containsKey("path") ? i.getString("title")
                        : i.getString("path")).toList());
                counts.put(waiting.getString("kind"), waiting.getJsonNumber("count").longValue());
            }
            sections.put(section.getString("role"), kinds);
        }
        return new Home(sections, counts);
    }

    private static String application(long id) {
        return "/app/labels/application.xhtml?id=" + id;
    }

    private static String organisation(long id) {
        return "/app/membership/organisation.xhtml?id=" + id;
    }

    /** The paths of every item of the seeded organisation that its coordinator or contributor may see. */
    private static Set<String> ownPaths(SqlWaitingWork o) {
        Set<String> paths = new java.util.HashSet<>(Set.of(organisation(o.organisationId()), application(o.submitted()),
                application(o.missingReviewers()), application(o.recused()), application(o.changesRequested()),
                application(o.draft()), "/app/labels/label.xhtml?id=" + o.labelId()));
        o.projects().forEach(p -> paths.add("/app/projects/project.xhtml?id=" + p));
        return paths;
    }

    @Test
    void theCoordinatorSeesExactlyTheirOrganisationsWork() {
        for (SqlWaitingWork[] pair : new SqlWaitingWork[][] {{x, y}, {y, x}}) {
            SqlWaitingWork own = pair[0];
            SqlWaitingWork other = pair[1];
            Home home = home(own.coordinator());
            assertThat(home.sections()).containsOnlyKeys("MEMBER_COORDINATOR");
            assertThat(home.paths("MEMBER_COORDINATOR", "OWN_MEMBERSHIP"))
                    .containsExactly(organisation(own.organisationId()));
            assertThat(home.paths("MEMBER_COORDINATOR", "RENEWAL_DUE"))
                    .containsExactly(organisation(own.organisationId()));
            assertThat(home.paths("MEMBER_COORDINATOR", "CHANGES_REQUESTED"))
                    .containsExactly(application(own.changesRequested()));
            assertThat(home.paths("MEMBER_COORDINATOR", "MESSAGES_TO_ANSWER"))
                    .containsExactly(application(own.changesRequested()));
            assertThat(home.paths("MEMBER_COORDINATOR", "DRAFTS_TO_SUBMIT")).containsExactly(application(own.draft()));
            assertThat(home.paths("MEMBER_COORDINATOR", "LABELS_EXPIRING"))
                    .containsExactly("/app/labels/label.xhtml?id=" + own.labelId());
            assertThat(home.counts().get("OPEN_CAMPAIGNS")).isPositive();
            assertThat(home.paths("MEMBER_COORDINATOR", "OPEN_CAMPAIGNS")).containsOnly("/app/labels/new.xhtml");
            assertThat(home.allPaths()).as("never the other organisation's").doesNotContainAnyElementsOf(
                    ownPaths(other));
        }
    }

    @Test
    void theContributorSeesTheirOrganisationsDraftsAndProjectsOnly() {
        Home home = home(x.contributor());
        assertThat(home.sections()).containsOnlyKeys("CONTRIBUTOR");
        assertThat(home.sections().get("CONTRIBUTOR")).containsOnlyKeys("DRAFTS_TO_SUBMIT", "PROJECTS");
        assertThat(home.paths("CONTRIBUTOR", "DRAFTS_TO_SUBMIT")).containsExactly(application(x.draft()));
        assertThat(home.paths("CONTRIBUTOR", "PROJECTS")).containsExactlyInAnyOrderElementsOf(
                x.projects().stream().map(p -> "/app/projects/project.xhtml?id=" + p).toList());
        assertThat(home.counts().get("PROJECTS")).isEqualTo(x.projects().size());
        assertThat(home.allPaths()).doesNotContainAnyElementsOf(ownPaths(y));
    }

    @Test
    void theReviewerAndTheJuryChairSeeTheirOwnAssignmentsAndCampaigns() {
        Home reviewer = home(x.reviewer());
        assertThat(reviewer.sections()).containsOnlyKeys("REVIEWER");
        assertThat(reviewer.paths("REVIEWER", "ASSIGNMENTS"))
                .containsExactly("/app/labels/review.xhtml?id=" + x.missingReviewers());
        assertThat(home(y.reviewer()).paths("REVIEWER", "ASSIGNMENTS"))
                .containsExactly("/app/labels/review.xhtml?id=" + y.missingReviewers());

        Home chair = home(x.juryChair());
        assertThat(chair.sections()).containsOnlyKeys("JURY");
        assertThat(chair.paths("JURY", "CAMPAIGNS_TO_DECIDE"))
                .containsExactly("/app/labels/jury.xhtml?campaign=" + x.juryCampaignId());
        assertThat(home(y.juryChair()).paths("JURY", "CAMPAIGNS_TO_DECIDE"))
                .containsExactly("/app/labels/jury.xhtml?campaign=" + y.juryCampaignId());
    }

    @Test
    void theSecretariatSeesBothOrganisationsItemsOfEveryKind() {
        Home home = home(SECRETARIAT);
        assertThat(home.sections()).containsOnlyKeys("NETWORK_ADMIN");
        for (SqlWaitingWork o : List.of(x, y)) {
            assertThat(home.paths("NETWORK_ADMIN", "MEMBERSHIPS_TO_DECIDE")).contains(organisation(
                    Superuser.number("SELECT organisation_id FROM membership WHERE id = ?", o.toDecide())));
            assertThat(home.paths("NETWORK_ADMIN", "RENEWALS_DUE")).contains(organisation(o.organisationId()));
            assertThat(home.paths("NETWORK_ADMIN", "APPLICATIONS_SUBMITTED")).contains(application(o.submitted()))
                    .doesNotContain(application(o.missingReviewers()), application(o.draft()));
            assertThat(home.paths("NETWORK_ADMIN", "REVIEWERS_MISSING")).contains(application(o.missingReviewers()))
                    .doesNotContain(application(o.submitted()), application(o.recused()));
            assertThat(home.paths("NETWORK_ADMIN", "RECUSALS_TO_REPLACE")).contains(application(o.recused()));
            assertThat(home.paths("NETWORK_ADMIN", "ASSESSMENTS_OVERDUE")).contains(application(o.missingReviewers()));
            assertThat(home.paths("NETWORK_ADMIN", "CAMPAIGNS_CLOSING"))
                    .contains("/app/labels/campaign.xhtml?id=" + o.campaignId());
            assertThat(home.paths("NETWORK_ADMIN", "MESSAGES_UNANSWERED")).contains(application(o.submitted()))
                    .as("answered by the secretariat").doesNotContain(application(o.changesRequested()));
            assertThat(home.paths("NETWORK_ADMIN", "MAIL_FAILED")).contains("Essai");
        }
        // the counts are the number of records in each state, not of the items listed
        assertThat(home.counts().get("APPLICATIONS_SUBMITTED")).isEqualTo(Superuser.number("SELECT count(*)"
                + " FROM label_application a WHERE a.state = 'SUBMITTED' AND NOT EXISTS (SELECT 1 FROM assessment s"
                + " WHERE s.application_id = a.id AND s.state <> 'RECUSED')"));
        assertThat(home.counts().get("MAIL_FAILED")).isEqualTo(Superuser.number("SELECT count(*) FROM outgoing_mail"
                + " WHERE sent_at IS NULL AND attempts >= 10"));
    }

    @Test
    void anAuditorsHomeIsTheJournalsWithItsLastVerificationKept() {
        String auditor = TestAccounts.of(Role.AUDITOR);
        Home home = home(auditor);
        assertThat(home.sections()).containsOnlyKeys("AUDITOR");
        assertThat(home.sections().get("AUDITOR")).isEmpty();
        long before = Superuser.number("SELECT count(*) FROM journal_verification");
        assertThat(api.get("api/v1/journal/verify", auditor).status()).isEqualTo(200);
        assertThat(Superuser.number("SELECT count(*) FROM journal_verification")).isEqualTo(before + 1);
        assertThat(Superuser.column("SELECT verified_by FROM journal_verification ORDER BY id DESC LIMIT 1"))
                .containsExactly(auditor);
    }

    @Test
    void anonymousCallersHaveNoHome() {
        assertThat(api.get("api/v1/home", null).status()).isEqualTo(401);
    }
}
