package fr.la27eregion.identity;

import fr.la27eregion.platform.request.ClientNetwork;
import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.IntranetSession;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestServer;
import fr.la27eregion.testing.TestAccounts;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.la27eregion.testing.MailServerSession.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doors of authentication, on a real Payara Micro and PostgreSQL: refused logins are journaled once per client
 * address and minute and counted, failed authentications are limited per client address (429), a username no
 * log line can hold is a refusal, a form posted without its page's script nonce is refused before its action, and the
 * lockout and reset links expire by the platform's clock (moved,
 * {@link fr.la27eregion.testing.MovableClock}, and put back after each test).
 *
 * <p>Each test of the limits claims a client address of its own through {@code X-Forwarded-For}, which the test
 * server believes from its loopback (arquillian.xml), so no test uses up another's allowance.
 */
@DisplayName("Doors of authentication")
class LoginLimitsIT {

    /** limits.failed-logins.per-minute, its default. */
    private static final int FAILED_LOGINS_PER_MINUTE = 10;
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

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
    @DisplayName("bogus credentials from one address: a few journal entries, all counted, then 429 with Retry-After")
    void bogusCredentialsAreCountedNotEachJournaledAndThenLimited() {
        String address = ApiClient.uniqueAddress();
        ApiClient attacker = api.from(address);
        // the allowance comes back whole a minute after the first failure, and a refusal takes a while (the decoy
        // hash) on a busy machine: count the refusals until the limit answers, rather than expect the eleventh
        int refusals = 0;
        Reply limited = attacker.getWithPassword("api/v1/me", "nobody-0", "whatever");
        while (limited.status() == 401 && refusals < 3 * FAILED_LOGINS_PER_MINUTE) {
            refusals++;
            limited = attacker.getWithPassword("api/v1/me", "nobody-" + refusals, "whatever");
        }
        assertThat(refusals).as("refusals before the limit").isBetween(FAILED_LOGINS_PER_MINUTE,
                2 * FAILED_LOGINS_PER_MINUTE);
        Reply evenTheRightPassword = attacker.get("api/v1/me", "jury");

        for (Reply reply : List.of(limited, evenTheRightPassword)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
            assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 60L);
        }
        assertThat(api.get("api/v1/me", "jury").status()).as("other addresses are not held back").isEqualTo(200);
        List<List<Object>> journaled = PlatformDriver.rows("SELECT count(*) FROM journal_entry"
                + " WHERE action = 'login.refused' AND details LIKE ?", "%\"clientAddress\":\"" + address + "\"%");
        assertThat((Long) journaled.get(0).get(0)).as("the first of each minute only (the test may span a few)")
                .isBetween(1L, 3L);
        assertThat(PlatformDriver.rows("SELECT sum(count) FROM security_event_count WHERE address = ?"
                + " AND kind = 'login.refused/unknown account'", ClientNetwork.of(address)).get(0).get(0))
                .as("every one counted, under the address's /64").hasToString(Integer.toString(refusals));
    }

    @Test
    @DisplayName("the addresses of one IPv6 /64 are one client: their failures add up, and they journal as one")
    void oneIpv6NetworkIsOneClient() {
        String network = ApiClient.uniqueNetwork();
        int refusals = 0;
        Reply limited = api.from(network + "1").getWithPassword("api/v1/me", "nobody-0", "whatever");
        while (limited.status() == 401 && refusals < 3 * FAILED_LOGINS_PER_MINUTE) {
            refusals++;
            // every attempt from another address of the same /64, as a client holding the whole network could
            limited = api.from(network + Integer.toHexString(refusals + 1))
                    .getWithPassword("api/v1/me", "nobody-" + refusals, "whatever");
        }
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(refusals).as("refusals before the limit").isBetween(FAILED_LOGINS_PER_MINUTE,
                2 * FAILED_LOGINS_PER_MINUTE);
        assertThat(api.from(network + "ffff").get("api/v1/me", "jury").status())
                .as("a fresh address of the same /64 is held back too").isEqualTo(429);
        assertThat(api.from(ApiClient.uniqueAddress()).get("api/v1/me", "jury").status())
                .as("another /64 is another client").isEqualTo(200);
        List<List<Object>> journaled = PlatformDriver.rows("SELECT count(*) FROM journal_entry"
                + " WHERE action = 'login.refused' AND details LIKE ?", "%\"clientAddress\":\"" + network + "%");
        assertThat((Long) journaled.get(0).get(0)).as("the first of each minute for the whole /64, not per address")
                .isBetween(1L, 3L);
    }

    @Test
    @DisplayName("the failures of an address are forgotten as time passes: a minute later it may log in again")
    void theLimitOfFailuresPassesWithTime() {
        ApiClient client = api.from(ApiClient.uniqueAddress());
        for (int i = 0; i <= FAILED_LOGINS_PER_MINUTE; i++) {
            client.getWithPassword("api/v1/me", "nobody-" + i, "not the password");
        }
        assertThat(client.get("api/v1/me", "reviewer").status()).isEqualTo(429);
        driver.moveClockBy(Duration.ofMinutes(2));
        assertThat(client.get("api/v1/me", "reviewer").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("a form posted without its page's script nonce is refused (400) before its action: no one logs in")
    void aFormWithoutItsPagesNonceIsRefusedBeforeItsAction() {
        IntranetSession withoutScript = new IntranetSession(base, "curl/8.0").from(ApiClient.uniqueAddress());
        HttpResponse<String> refused = withoutScript.submitLogin("jury", TestAccounts.PASSWORD, nonce -> null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("<h1>Formulaire non accepté</h1>").contains("Form not accepted")
                .contains("login.xhtml\"").doesNotContain("Exception").doesNotContain("nonce");
        assertThat(refused.headers().firstValue("Content-Security-Policy").orElse(""))
                .as("the strict policy of pages without scripts").startsWith("default-src 'none'");
        assertThat(withoutScript.inIntranet()).as("the right password, but the login never ran").isFalse();

        // the same form with the page's nonce, as the page's script sends it, logs in
        assertThat(withoutScript.logIn("jury", TestAccounts.PASSWORD)).isTrue();
    }

    @Test
    @DisplayName("a form whose nonce is not its page's is refused (400) when the answer is rendered, not a 500")
    void aFormWithAnotherNonceIsRefusedNotAFailure() {
        IntranetSession altered = new IntranetSession(base, "curl/8.0").from(ApiClient.uniqueAddress());
        String another = Base64.getEncoder().encodeToString(UUID.randomUUID().toString()
                .getBytes(StandardCharsets.UTF_8));
        // a wrong password, so the login page renders its answer, which is when PrimeFaces checks the nonce
        HttpResponse<String> refused = altered.submitLogin("jury", "not the password", nonce -> another);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("<h1>Formulaire non accepté</h1>").doesNotContain("Exception");
    }

    @Test
    @DisplayName("a username with a character outside the Basic Multilingual Plane is a 401, not a 500")
    void anEmojiInTheUsernameIsARefusal() {
        for (String username : List.of("jury\uD83D\uDE00", "\uD83D\uDE00".repeat(70), "x".repeat(63) + "\uD83D\uDE00")) {
            Reply reply = api.getWithPassword("api/v1/me", username, "whatever password");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        }
    }

    @Test
    @DisplayName("a locked account opens again once the lockout has passed by the platform's clock")
    void theLockoutExpires() {
        String username = "lock-clock-" + System.nanoTime();
        driver.post("account", PlatformDriver.secretariat(), Map.of("username", username));
        for (int i = 0; i < 5; i++) {
            assertThat(api.getWithPassword("api/v1/me", username, "wrong password " + i).status()).isEqualTo(401);
        }
        assertThat(api.get("api/v1/me", username).status()).as("locked: the right password is refused")
                .isEqualTo(401);

        driver.moveClockBy(Duration.ofMinutes(14));
        assertThat(api.get("api/v1/me", username).status()).as("14 minutes later, still locked").isEqualTo(401);
        driver.moveClockBy(Duration.ofMinutes(16));
        assertThat(api.get("api/v1/me", username).status()).as("16 minutes later").isEqualTo(200);
    }

    @Test
    @DisplayName("a password reset link stops working once its validity has passed by the platform's clock")
    void aResetLinkExpires() throws Exception {
        String username = "reset-clock-" + System.nanoTime();
        long account = driver.post("account", PlatformDriver.secretariat(), Map.of("username", username)).json()
                .getJsonNumber("id").longValue();
        assertThat(driver.post("reset", PlatformDriver.secretariat(), Map.of("id", Long.toString(account))).status())
                .isEqualTo(200);
        List<MimeMessage> mails = MailServerSession.await(username + "@test.invalid",
                subject("Choisir un nouveau mot de passe pour la plateforme de La 27e Région"), 1, ARRIVAL);
        assertThat(mails).hasSize(1);
        Matcher link = Pattern.compile("reset-password\\.xhtml\\?token=([A-Za-z0-9_-]+)")
                .matcher((String) mails.get(0).getContent());
        assertThat(link.find()).isTrue();
        String password = "une phrase de passe neuve";

        driver.moveClockBy(Duration.ofHours(25));
        PlatformDriver.Answer late = driver.post("new-password", null, Map.of("token", link.group(1),
                "password", password));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().getString("key")).isEqualTo("identity.rule.resetLinkInvalid");

        driver.moveClockBy(Duration.ofHours(23));
        assertThat(driver.post("new-password", null, Map.of("token", link.group(1), "password", password)).status())
                .as("within its 24 hours, and not used by the late attempt").isEqualTo(200);
        assertThat(api.getWithPassword("api/v1/me", username, password).status()).isEqualTo(200);
        assertThat(api.get("api/v1/me", username).status()).as("the old password").isEqualTo(401);
    }
}
