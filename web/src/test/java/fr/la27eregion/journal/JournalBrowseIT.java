package fr.la27eregion.journal;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.SqlJournal;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal browser's API ({@code GET /api/v1/journal}) on the shared server, against entries appended with the
 * chain's own code about records written by SQL ({@link SqlJournal}): each filter returns exactly the entries it
 * names (those of the seed where the seed's actor and actions tell them apart; for a period, the same entries as a
 * plain SQL query of the period), keyset paging returns every entry once across pages even when entries are
 * appended between pages, wrong parameters are 400s naming their field, and only auditors and the secretariat read.
 */
@DisplayName("The journal browser's API: filters, keyset paging, refusals")
class JournalBrowseIT {

    private static final ApiClient API = new ApiClient(TestServer.url());
    private static final String AUDITOR = TestAccounts.of(Role.AUDITOR);

    private static SqlJournal seed;

    @BeforeAll
    static void seed() {
        seed = SqlJournal.seed("api", 5);
    }

    private static Reply journal(String query, String username) {
        return API.get("api/v1/journal" + (query.isEmpty() ? "" : "?" + query), username);
    }

    /** The numbers of the entries of one page, as the auditor reads it. */
    private static List<Long> seqs(String query) {
        Reply reply = journal(query, AUDITOR);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return seqs(reply);
    }

    private static List<Long> seqs(Reply reply) {
        return reply.json().getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(entry -> entry.getJsonNumber("seq").longValue()).toList();
    }

    private static String encoded(Object value) {
        return URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("actor, action and record each return exactly their entries, newest first, with every field")
    void actorActionAndRecord() {
        String p = seed.prefix();
        // the actor's entries as SQL finds them (the paging test appends more of them)
        List<Long> actors = Superuser.column("SELECT seq FROM journal_entry WHERE actor = ? ORDER BY seq DESC",
                seed.actor()).stream().map(Long::valueOf).toList();
        assertThat(actors).containsAll(seed.seqsOf(p + ".org", p + ".extra"))
                .doesNotContainAnyElementsOf(seed.seqsOf(p + ".account"));
        assertThat(seqs("actor=" + encoded(seed.actor()) + "&size=200")).containsExactlyElementsOf(actors);
        assertThat(seqs("actor=" + encoded(seed.actor() + "-b")))
                .containsExactlyElementsOf(seed.seqsOf(p + ".account"));
        assertThat(seqs("action=" + encoded(p + ".extra"))).containsExactlyElementsOf(seed.seqsOf(p + ".extra"));
        assertThat(seqs("entityType=LabelApplication&entityId=" + seed.applicationId()))
                .containsExactlyElementsOf(seed.seqsOf(p + ".application"));
        assertThat(seqs("entityType=LabelProgramme&actor=" + encoded(seed.actor())))
                .containsExactlyElementsOf(seed.seqsOf(p + ".programme"));

        Reply reply = journal("action=" + encoded(p + ".application"), AUDITOR);
        JsonObject entry = reply.json().getJsonArray("entries").getJsonObject(0);
        assertThat(entry.getString("actor")).isEqualTo(seed.actor());
        assertThat(entry.getJsonArray("actorRoles").getString(0)).isEqualTo("AUDITOR");
        assertThat(entry.getString("entityType")).isEqualTo("LabelApplication");
        assertThat(entry.getString("entityId")).isEqualTo(String.valueOf(seed.applicationId()));
        assertThat(entry.getString("stateBefore")).isEqualTo("SUBMITTED");
        assertThat(entry.getString("stateAfter")).isEqualTo("IN_REVIEW");
        assertThat(entry.getJsonObject("details").getBoolean("seeded")).isTrue();
        assertThat(entry.getString("hash")).matches("[0-9a-f]{64}");
        assertThat(entry.getString("prevHash")).matches("[0-9a-f]{64}");
        assertThat(entry.getString("subjectType")).isEqualTo("LabelApplication");
        assertThat(Instant.parse(entry.getString("recordedAt")))
                .isEqualTo(seed.entry(p + ".application").recordedAt());
        assertThat(reply.json().containsKey("next")).as("one entry: no next page").isFalse();
    }

    @Test
    @DisplayName("an organisation's entries are its own and those of its records; a programme's, of its records")
    void organisationAndProgramme() {
        String p = seed.prefix();
        assertThat(seqs("organisation=" + seed.organisationId()))
                .containsExactlyElementsOf(seed.seqsOf(p + ".org", p + ".application", p + ".label"));
        assertThat(seqs("organisation=" + seed.otherOrganisation()))
                .containsExactlyElementsOf(seed.seqsOf(p + ".other"));
        assertThat(seqs("programme=" + seed.programmeId())).containsExactlyElementsOf(
                seed.seqsOf(p + ".application", p + ".label", p + ".campaign", p + ".programme"));
        assertThat(seqs("programme=" + seed.programmeId() + "&organisation=" + seed.organisationId()))
                .as("filters combine").containsExactlyElementsOf(seed.seqsOf(p + ".application", p + ".label"));
        assertThat(seqs("programme=" + seed.programmeId() + "&action=" + encoded(p + ".org"))).isEmpty();
    }

    @Test
    @DisplayName("a period returns the entries recorded in it, as a plain SQL query of the period finds them")
    void period() {
        String p = seed.prefix();
        Instant from = seed.entry(p + ".label").recordedAt();
        Instant to = seed.entry(p + ".programme").recordedAt().plus(1, ChronoUnit.MICROS);
        String query = "from=" + encoded(from.toString()) + "&to=" + encoded(to.toString()) + "&size=200";
        List<Long> expected = Superuser.column("SELECT seq FROM journal_entry WHERE recorded_at >= ?"
                + " AND recorded_at < ? ORDER BY seq DESC LIMIT 200", Timestamp.from(from), Timestamp.from(to))
                .stream().map(Long::valueOf).toList();
        assertThat(expected).containsAll(seed.seqsOf(p + ".label", p + ".campaign", p + ".programme"));
        assertThat(seqs(query)).containsExactlyElementsOf(expected);
        assertThat(seqs(query + "&actor=" + encoded(seed.actor())))
                .containsExactlyElementsOf(seed.seqsOf(p + ".label", p + ".campaign", p + ".programme"));
        assertThat(seqs("from=2001-01-01&to=2001-01-31")).as("a day, in France's time").isEmpty();
    }

    @Test
    @DisplayName("keyset paging: every entry once across pages, even with entries appended between pages")
    void keysetPaging() {
        List<Long> expected = seqs("actor=" + encoded(seed.actor()) + "&size=200");
        assertThat(expected).hasSizeGreaterThan(7);
        List<Long> read = new ArrayList<>();
        Set<Long> appended = new HashSet<>();
        String next = "api/v1/journal?actor=" + encoded(seed.actor()) + "&size=3";
        int pages = 0;
        while (next != null) {
            Reply reply = API.get(next, AUDITOR);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            List<Long> page = seqs(reply);
            assertThat(page).hasSizeLessThanOrEqualTo(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            read.addAll(page);
            pages++;
            // a new entry of the same actor between pages: newer than every page, it shifts none of them
            appended.add(seed.appendOne(seed.prefix() + ".between").seq());
            next = reply.json().containsKey("next") ? relative(reply.json().getString("next")) : null;
        }
        assertThat(read).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
        assertThat(read).doesNotContainAnyElementsOf(appended);
        assertThat(pages).isEqualTo((expected.size() + 2) / 3);
    }

    /** The API's absolute next link as a path the client resolves against its base. */
    private static String relative(String link) {
        URI uri = URI.create(link);
        String path = uri.getRawPath();
        return path.substring(path.indexOf("api/v1/")) + "?" + uri.getRawQuery();
    }

    @Test
    @DisplayName("wrong parameters are 400 problems naming their field")
    void badParameters() {
        assertBad("from=yesterday", "from");
        assertBad("from=2026-03-01&to=2026-02-01", "to");
        assertBad("from=2026-03-01T10:00:00Z&to=2026-03-01T10:00:00Z", "to");
        assertBad("entityId=42", "entityType");
        assertBad("organisation=abc", "organisation");
        assertBad("programme=0", "programme");
        assertBad("actor=" + "x".repeat(201), "actor");
        assertBad("size=0", "size");
        assertBad("size=201", "size");
        assertBad("before=-1", "before");
        assertBad("before=x", "before");
    }

    private static void assertBad(String query, String field) {
        Reply reply = journal(query, AUDITOR);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        assertThat(reply.json().getString("field")).as(reply.toString()).isEqualTo(field);
        assertThat(reply.body()).doesNotContain("Exception", "at fr.");
    }

    @Test
    @DisplayName("auditors and the secretariat read the journal; other roles get 403, anonymous callers 401")
    void whoReads() {
        String query = "actor=" + encoded(seed.actor()) + "&size=1";
        assertThat(journal(query, AUDITOR).status()).isEqualTo(200);
        assertThat(journal(query, TestAccounts.of(Role.NETWORK_ADMIN)).status()).isEqualTo(200);
        for (Role role : List.of(Role.MEMBER_COORDINATOR, Role.CONTRIBUTOR, Role.REVIEWER, Role.JURY)) {
            Reply refused = journal(query, TestAccounts.of(role));
            assertThat(refused.status()).as(role.name()).isEqualTo(403);
            assertThat(refused.mediaType()).isEqualTo("application/problem+json");
        }
        assertThat(journal(query, null).status()).isEqualTo(401);
    }
}
