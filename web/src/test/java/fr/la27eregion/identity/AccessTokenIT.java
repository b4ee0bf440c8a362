package fr.la27eregion.identity;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal access tokens from outside, as a machine client uses them, on a real Payara Micro and PostgreSQL: a
 * token acts with its account's roles as they are now, a read-only token never writes, and an expired, revoked
 * or forged token, or one of an account that cannot log in, is refused with the same 401. Refusals are journaled
 * (each test's refusals come from client addresses of their own, so each is the first of its minute there), and
 * the secret appears nowhere: not in any text column of the database, not in the server's log.
 */
@DisplayName("Personal access tokens")
class AccessTokenIT {

    /** limits.failed-logins.per-minute, its default. */
    private static final int FAILED_LOGINS_PER_MINUTE = 10;

    final URL base = TestServer.url();

    private PlatformDriver driver;
    private ApiClient api;

    @BeforeEach
    void clients() {
        driver = new PlatformDriver(base);
        api = new ApiClient(base);
    }

    @AfterEach
    void realTimeAgain() {
        driver.moveClockBy(Duration.ZERO);
    }

    @Test
    @DisplayName("a token's life: used, read-only refused on a write, expired, role removed, revoked, account disabled")
    void aTokenActsWithItsAccountAsItIsNow() throws Exception {
        String username = "token-life-" + System.nanoTime();
        newAccount(username, Role.NETWORK_ADMIN);
        String readWrite = token(username, "Portail régional", "READ_WRITE");
        String readOnly = token(username, "Tableau de bord", "READ");
        JsonObject revocable = driver.post("token", username, Map.of("name", "Script", "scope", "READ_WRITE")).json();
        List<String> secrets = List.of(readWrite, readOnly, revocable.getString("secret"));

        // used: who it is, with the account's roles, and no session
        Reply me = api.withToken(readWrite).get("api/v1/me", null);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(username);
        assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("NETWORK_ADMIN");
        assertThat(me.header("Set-Cookie")).as("no session for a token").isNull();
        assertThat(Superuser.column("SELECT last_used_at FROM access_token WHERE token_hash = ?", hash(readWrite)))
                .as("its last use is kept").doesNotContainNull();

        // a write, journaled as the account
        PlatformDriver.Applicant applicant = driver.applicant("Jetons", "fr");
        Reply review = transition(api.withToken(readWrite), applicant.id(), MembershipAction.REVIEW,
                applicant.membership().getInt("version"));
        assertThat(review.status()).as(review.toString()).isEqualTo(200);
        assertThat(Superuser.column("SELECT actor FROM journal_entry WHERE request_id = ? AND action LIKE"
                + " 'membership.%'", review.requestId())).containsExactly(username);

        // a read-only token reads, and is refused on every write: 403, journaled
        assertThat(api.withToken(readOnly).get("api/v1/memberships/" + applicant.id(), null).status()).isEqualTo(200);
        Reply readOnlyWrite = transition(api.from(ApiClient.uniqueAddress()).withToken(readOnly), applicant.id(),
                MembershipAction.APPROVE, review.json().getInt("version"));
        assertThat(readOnlyWrite.status()).as(readOnlyWrite.toString()).isEqualTo(403);
        assertThat(readOnlyWrite.mediaType()).isEqualTo("application/problem+json");
        assertRefusalJournaled(readOnlyWrite, "read-only token");
        assertThat(PlatformDriver.rows("SELECT state FROM membership WHERE id = ?", applicant.id()).get(0).get(0))
                .as("nothing changed").isEqualTo("UNDER_REVIEW");

        // expired: the platform's clock moved past its last day (put back after the test)
        driver.moveClockBy(Duration.ofDays(92));
        Reply expired = api.from(ApiClient.uniqueAddress()).withToken(readWrite).get("api/v1/me", null);
        assertRefused(expired);
        assertRefusalJournaled(expired, "token expired");
        driver.moveClockBy(Duration.ZERO);
        assertThat(api.withToken(readWrite).get("api/v1/me", null).status()).as("back in time").isEqualTo(200);

        // revoked by its owner: refused at once
        assertThat(driver.post("token-revoke", username, Map.of("id", revocable.getJsonNumber("id").toString(),
                "version", Integer.toString(revocable.getInt("version")))).status()).isEqualTo(200);
        Reply revoked = api.from(ApiClient.uniqueAddress()).withToken(revocable.getString("secret"))
                .get("api/v1/me", null);
        assertRefused(revoked);
        assertRefusalJournaled(revoked, "token revoked");

        // the account loses its role: the token loses it with it
        assertThat(driver.post("account-roles", PlatformDriver.secretariat(),
                Map.of("username", username, "role", "AUDITOR")).status()).isEqualTo(200);
        Reply asAuditor = api.withToken(readWrite).get("api/v1/me", null);
        assertThat(asAuditor.json().getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("AUDITOR");
        Reply noLongerAdmin = transition(api.withToken(readWrite), applicant.id(), MembershipAction.APPROVE,
                review.json().getInt("version"));
        assertThat(noLongerAdmin.status()).as(noLongerAdmin.toString()).isEqualTo(403);
        assertThat(noLongerAdmin.mediaType()).isEqualTo("application/problem+json");

        // the account is disabled: every token of it stops at once
        assertThat(driver.post("account-disable", PlatformDriver.secretariat(), Map.of("username", username))
                .status()).isEqualTo(200);
        Reply disabled = api.from(ApiClient.uniqueAddress()).withToken(readOnly).get("api/v1/me", null);
        assertRefused(disabled);
        assertRefusalJournaled(disabled, "account disabled or locked");
        assertThat(List.of(expired, revoked, disabled)).extracting(reply -> reply.json().getString("detail"))
                .as("the same wording, whatever the cause").containsOnly(expired.json().getString("detail"));

        // creation and revocation journaled, with the token's prefix, never its secret
        assertThat(Superuser.column("SELECT action FROM journal_entry WHERE entity_type = 'AccessToken'"
                + " AND entity_id = ? ORDER BY seq", revocable.getJsonNumber("id").toString()))
                .containsSubsequence("token.create", "token.revoke", "token.refused");
        for (String secret : secrets) {
            assertAppearsNowhere(secret);
        }
    }

    @Test
    @DisplayName("a forged token of the right shape, one of another prefix, a truncated one: the same 401")
    void forgedForeignAndTruncatedTokensGetTheSame401() {
        String username = "token-forged-" + System.nanoTime();
        newAccount(username, Role.JURY);
        String genuine = token(username, "Vrai", "READ");
        String unknown = TokenSecret.generate().value();
        String badChecksum = genuine.substring(0, genuine.length() - 6) + "AAAAAA";
        List<String> bogus = List.of(unknown, badChecksum, "ghp_" + genuine.substring(4), "github_pat_abcdef",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJqdXJ5In0.", genuine.substring(0, genuine.length() - 1),
                genuine.substring(0, 20), "l27_");
        List<String> details = new ArrayList<>();
        for (String token : bogus) {
            Reply reply = api.from(ApiClient.uniqueAddress()).withToken(token).get("api/v1/me", null);
            assertRefused(reply);
            details.add(reply.json().getString("detail"));
        }
        assertThat(details).as("one wording for all").containsOnly(details.get(0));
        assertThat(api.withToken(genuine).get("api/v1/me", null).status()).isEqualTo(200);
        Reply unknownAgain = api.from(ApiClient.uniqueAddress()).withToken(unknown).get("api/v1/me", null);
        assertRefusalJournaled(unknownAgain, "unknown token");
        assertAppearsNowhere(genuine);
    }

    @Test
    @DisplayName("refused tokens count against the failed authentications of an address: then 429, even a good one")
    void refusedTokensAreLimitedPerAddress() {
        String username = "token-limit-" + System.nanoTime();
        newAccount(username, Role.JURY);
        String genuine = token(username, "Vrai", "READ");
        ApiClient attacker = api.from(ApiClient.uniqueAddress());
        int refusals = 0;
        Reply limited = attacker.withToken(TokenSecret.generate().value()).get("api/v1/me", null);
        while (limited.status() == 401 && refusals < 3 * FAILED_LOGINS_PER_MINUTE) {
            refusals++;
            limited = attacker.withToken(TokenSecret.generate().value()).get("api/v1/me", null);
        }
        assertThat(refusals).isBetween(FAILED_LOGINS_PER_MINUTE, 2 * FAILED_LOGINS_PER_MINUTE);
        Reply evenAGoodOne = attacker.withToken(genuine).get("api/v1/me", null);
        for (Reply reply : List.of(limited, evenAGoodOne)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        }
        assertThat(api.from(ApiClient.uniqueAddress()).withToken(genuine).get("api/v1/me", null).status())
                .as("other addresses are not held back").isEqualTo(200);
    }

    // ----- helpers -----

    private void newAccount(String username, Role role) {
        PlatformDriver.Answer created = driver.post("account", PlatformDriver.secretariat(),
                Map.of("username", username, "role", role.name()));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
    }

    /** A new token of the account (authenticated by its password), its secret. */
    private String token(String username, String name, String scope) {
        PlatformDriver.Answer created = driver.post("token", username, Map.of("name", name, "scope", scope));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        return created.json().getString("secret");
    }

    private static Reply transition(ApiClient client, long membership, MembershipAction action, int version) {
        return client.post("api/v1/memberships/" + membership + "/transitions", Json.createObjectBuilder()
                .add("action", action.name()).add("version", version).build().toString(), null);
    }

    private static void assertRefused(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).isNotNull();
    }

    /** The refusal's journal entry, under the request's id, with its cause and the client's address. */
    private static void assertRefusalJournaled(Reply reply, String cause) {
        assertThat(Superuser.column("SELECT details FROM journal_entry WHERE request_id = ? AND action ="
                + " 'token.refused'", reply.requestId())).singleElement().asString()
                .contains("\"cause\":\"" + cause + "\"").contains("\"clientAddress\":");
    }

    private static String hash(String secret) {
        return TokenSecret.parse(secret).orElseThrow().hash();
    }

    /**
     * The secret (beyond its display prefix, which is not secret) in no text column of any table of the platform,
     * and not in the server's log.
     */
    private static void assertAppearsNowhere(String secret) throws RuntimeException {
        String hidden = secret.substring(12);
        List<Map<String, Object>> columns = Superuser.rows("SELECT table_name, column_name FROM"
                + " information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text',"
                + " 'character varying', 'character', 'json', 'jsonb')");
        assertThat(columns).as("text columns to search").hasSizeGreaterThan(20);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String sql = "SELECT count(*) FROM public.\"" + column.get("table_name") + "\" WHERE \""
                    + column.get("column_name") + "\"::text LIKE ?";
            if (Superuser.number(sql, "%" + hidden + "%") > 0) {
                found.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        assertThat(found).as("columns holding the secret").isEmpty();
        try {
            Path log = Path.of("target/test-server.log");
            assertThat(log).exists();
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).as("the server's log")
                    .doesNotContain(hidden);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
