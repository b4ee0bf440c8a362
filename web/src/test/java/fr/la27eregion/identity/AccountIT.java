package fr.la27eregion.identity;

import fr.la27eregion.testing.ApiClient;
import fr.la27eregion.testing.ApiClient.Reply;
import fr.la27eregion.testing.IntranetSession;
import fr.la27eregion.testing.MailServerSession;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.la27eregion.testing.MailServerSession.subject;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My account" on a real Payara Micro, PostgreSQL and GreenMail (issue 12), through the API and intranet sessions
 * opened by the login form: a person changes their password (the other sessions end, a mail, a journal entry
 * without a secret), a wrong current password counts like a failed login and locks the account, the policy
 * refuses a weak password, the language kept with the account writes the next mails, and ending another session
 * sends its next request to the login page. Each test has an account of its own.
 */
@DisplayName("My account")
class AccountIT {

    private static final String NEW_PASSWORD = "un velo rouge sous la pluie";
    private static final Duration MAIL = Duration.ofSeconds(30);

    final URL base = TestServer.url();
    private final PlatformDriver driver = new PlatformDriver(base);
    private final ApiClient api = new ApiClient(base);

    @Test
    @DisplayName("a password changed: the old one refused, the other sessions ended, a mail, a journal entry")
    void aPasswordChangeEndsTheOtherSessionsMailsAndJournals() throws Exception {
        String username = account();
        ApiClient owner = owner(username);
        IntranetSession other = new IntranetSession(base, "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
        assertThat(other.logIn(username, TestAccounts.PASSWORD)).isTrue();
        assertThat(other.inIntranet()).isTrue();

        Reply changed = changePassword(owner, TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("username")).isEqualTo(username);

        assertThat(api.getWithPassword("api/v1/me", username, TestAccounts.PASSWORD).status()).isEqualTo(401);
        assertThat(api.getWithPassword("api/v1/me", username, NEW_PASSWORD).status()).isEqualTo(200);
        assertThat(other.inIntranet()).as("the session open elsewhere ended").isFalse();

        List<MimeMessage> mails = MailServerSession.await(email(username),
                subject("Votre mot de passe a été modifié"), 1, MAIL);
        assertThat(mails).hasSize(1);
        assertThat(String.valueOf(mails.get(0).getContent())).contains(username).doesNotContain(NEW_PASSWORD);

        List<List<Object>> journaled = PlatformDriver.rows("SELECT details FROM journal_entry"
                + " WHERE action = 'account.password-change' AND entity_id = ?", username);
        assertThat(journaled).hasSize(1);
        assertThat(String.valueOf(journaled.get(0).get(0))).contains("\"otherSessionsEnded\":1")
                .doesNotContain(NEW_PASSWORD).doesNotContain(TestAccounts.PASSWORD).doesNotContain("PBKDF2");
    }

    @Test
    @DisplayName("a wrong current password: refused on its field, counted, and the fifth in a row locks the account")
    void aWrongCurrentPasswordCountsLikeAFailedLogin() {
        String username = account();
        ApiClient owner = owner(username);
        Reply wrong = changePassword(owner, "not my password at all", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.mediaType()).isEqualTo("application/problem+json");
        assertThat(wrong.json().getString("field")).isEqualTo("current");
        assertThat(wrong.json().getString("rule")).isEqualTo("identity.rule.currentPasswordWrong");
        assertThat(api.getWithPassword("api/v1/me", username, TestAccounts.PASSWORD).status())
                .as("the password did not change").isEqualTo(200);
        assertThat(PlatformDriver.rows("SELECT details FROM journal_entry WHERE action = "
                + "'account.password-change-refused' AND entity_id = ?", username)).singleElement().asString()
                .contains("\"failuresInARow\":1").doesNotContain("not my password");

        // the successful login above cleared the count: five wrong in a row now lock it, as five failed logins do
        Reply last = null;
        for (int i = 0; i < 5; i++) {
            last = changePassword(owner, "still not my password " + i, NEW_PASSWORD, NEW_PASSWORD);
        }
        assertThat(last.status()).as(last.toString()).isEqualTo(422);
        assertThat(last.json().getString("rule")).isEqualTo("identity.rule.accountLocked");
        assertThat(api.getWithPassword("api/v1/me", username, TestAccounts.PASSWORD).status())
                .as("locked: even the right password is refused").isEqualTo(401);
        assertThat(PlatformDriver.rows("SELECT count(*) FROM journal_entry WHERE action = 'account.lock'"
                + " AND entity_id = ?", username).get(0).get(0)).hasToString("1");
    }

    @Test
    @DisplayName("wrong current passwords from one address are limited like failed logins: 429 with Retry-After")
    void wrongCurrentPasswordsFromOneAddressAreLimited() {
        String address = ApiClient.uniqueAddress();
        // four wrong ones per account, so that no account locks first: the address's allowance is what stops them
        Reply limited = null;
        int refusals = 0;
        for (int account = 0; account < 5 && (limited == null || limited.status() != 429); account++) {
            ApiClient owner = owner(account()).from(address);
            for (int i = 0; i < 4; i++) {
                limited = changePassword(owner, "a guess " + i, NEW_PASSWORD, NEW_PASSWORD);
                if (limited.status() == 429) {
                    break;
                }
                assertThat(limited.json().getString("rule")).isEqualTo("identity.rule.currentPasswordWrong");
                refusals++;
            }
        }
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.mediaType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refusals).as("wrong passwords before the limit (limits.failed-logins.per-minute: 10)")
                .isBetween(10, 19);
    }

    @Test
    @DisplayName("the policy refuses a weak new password, tied to its field; nothing changes")
    void thePolicyRefusesAWeakPassword() {
        String username = account();
        ApiClient owner = owner(username);
        Reply tooShort = changePassword(owner, TestAccounts.PASSWORD, "court", "court");
        assertThat(tooShort.status()).as(tooShort.toString()).isEqualTo(422);
        assertThat(tooShort.json().getString("field")).isEqualTo("password");
        assertThat(tooShort.json().getString("rule")).isEqualTo("identity.rule.passwordTooShort");

        String withName = "mon compte " + username + " a moi";
        Reply containsName = changePassword(owner, TestAccounts.PASSWORD, withName, withName);
        assertThat(containsName.json().getString("rule")).isEqualTo("identity.rule.passwordContainsUsername");

        Reply unchanged = changePassword(owner, TestAccounts.PASSWORD, TestAccounts.PASSWORD,
                TestAccounts.PASSWORD);
        assertThat(unchanged.json().getString("rule")).isEqualTo("identity.rule.passwordUnchanged");

        Reply mistyped = changePassword(owner, TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        assertThat(mistyped.json().getString("field")).isEqualTo("confirmation");

        assertThat(api.getWithPassword("api/v1/me", username, TestAccounts.PASSWORD).status()).isEqualTo(200);
        assertThat(PlatformDriver.rows("SELECT count(*) FROM journal_entry WHERE action LIKE 'account.password%'"
                + " AND entity_id = ?", username).get(0).get(0)).as("refusals by a rule change nothing")
                .hasToString("0");
    }

    @Test
    @DisplayName("the language kept with the account: stored, journaled, and the next mails are written in it")
    void theLanguageIsStoredAndWritesTheNextMails() throws Exception {
        String username = account();
        ApiClient owner = owner(username);
        Reply me = api.get("api/v1/account", username);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(username);
        assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("REVIEWER");
        assertThat(me.json().getString("language")).as("French until chosen otherwise").isEqualTo("fr");
        assertThat(api.get("api/v1/account", null).status()).as("anonymous").isEqualTo(401);
        assertThat(api.get("openapi", null).body()).as("described in the OpenAPI document")
                .contains("/api/v1/account/language", "/api/v1/account/password");

        Reply unknown = api.send("PUT", "api/v1/account/language", "application/json",
                HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("language", "de")
                        .add("version", me.json().getInt("version")).build().toString()), username);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().getString("field")).isEqualTo("language");

        Reply english = api.send("PUT", "api/v1/account/language", "application/json",
                HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("language", "en")
                        .add("version", me.json().getInt("version")).build().toString()), username);
        assertThat(english.status()).as(english.toString()).isEqualTo(200);
        assertThat(english.json().getString("language")).isEqualTo("en");
        assertThat(PlatformDriver.rows("SELECT language FROM account WHERE username = ?", username).get(0).get(0))
                .isEqualTo("en");
        assertThat(PlatformDriver.rows("SELECT details FROM journal_entry WHERE action = 'account.language'"
                + " AND entity_id = ?", username)).singleElement().asString()
                .contains("\"before\":\"fr\"", "\"after\":\"en\"");
        Reply stale = api.send("PUT", "api/v1/account/language", "application/json",
                HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("language", "fr")
                        .add("version", me.json().getInt("version")).build().toString()), username);
        assertThat(stale.status()).as("the version seen before the change").isEqualTo(409);

        assertThat(changePassword(owner, TestAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD).status())
                .isEqualTo(200);
        assertThat(MailServerSession.await(email(username), subject("Your password was changed"), 1, MAIL))
                .hasSize(1);
        long id = ((Number) PlatformDriver.rows("SELECT id FROM account WHERE username = ?", username).get(0).get(0))
                .longValue();
        assertThat(driver.post("reset", PlatformDriver.secretariat(), Map.of("id", Long.toString(id))).status())
                .isEqualTo(200);
        assertThat(MailServerSession.await(email(username),
                subject("Choose a new password for La 27e Région's platform"), 1, MAIL)).hasSize(1);
        assertThat(MailServerSession.received(email(username), subject("Votre mot de passe a été modifié")))
                .as("nothing in French any more").isEmpty();
    }

    @Test
    @DisplayName("ending another session: its next request lands on the login page; the others go on")
    void endingAnotherSessionSendsItToTheLoginPage() {
        String username = account();
        IntranetSession laptop = new IntranetSession(base, "Mozilla/5.0 (Windows NT 10.0) Chrome/131.0 Safari/537");
        IntranetSession phone = new IntranetSession(base, "Mozilla/5.0 (Android 14) Firefox/133.0");
        assertThat(laptop.logIn(username, TestAccounts.PASSWORD)).isTrue();
        assertThat(phone.logIn(username, TestAccounts.PASSWORD)).isTrue();
        assertThat(laptop.inIntranet()).isTrue();
        assertThat(phone.inIntranet()).isTrue();

        List<JsonNumber> sessions = driver.post("account-sessions", username, Map.of()).json()
                .getJsonArray("sessions").getValuesAs(JsonNumber.class);
        assertThat(sessions).hasSize(2);
        assertThat(PlatformDriver.rows("SELECT count(*) FROM account_session s JOIN account a ON a.id = s.account_id"
                + " WHERE a.username = ? AND s.user_agent LIKE '%Android%'", username).get(0).get(0)).hasToString("1");
        long phoneSession = ((Number) PlatformDriver.rows("SELECT s.id FROM account_session s JOIN account a"
                + " ON a.id = s.account_id WHERE a.username = ? AND s.user_agent LIKE '%Android%'", username)
                .get(0).get(0)).longValue();

        PlatformDriver.Answer ended = driver.post("end-session", username, Map.of("id", Long.toString(phoneSession)));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().getBoolean("ended")).isTrue();
        assertThat(phone.inIntranet()).as("the ended session lands on the login page").isFalse();
        assertThat(laptop.inIntranet()).as("the other session goes on").isTrue();
        assertThat(driver.post("account-sessions", username, Map.of()).json().getJsonArray("sessions")).hasSize(1);
        assertThat(PlatformDriver.rows("SELECT count(*) FROM journal_entry WHERE action = 'session.end'"
                + " AND entity_id = ?", username).get(0).get(0)).hasToString("1");

        String other = account();
        assertThat(driver.post("end-session", other, Map.of("id", Long.toString(phoneSession))).status())
                .as("another account's session").isEqualTo(403);
    }

    /** A REVIEWER account of this test's own, with the test password; its username. */
    private String account() {
        String username = "my-account-" + System.nanoTime();
        assertThat(driver.post("account", PlatformDriver.secretariat(), Map.of("username", username, "role",
                "REVIEWER")).status()).isEqualTo(200);
        return username;
    }

    /**
     * A read-write access token of the account, for its own API calls: a token's requests leave the account's count
     * of failed logins alone (a successful HTTP Basic login clears it), as the pages' session does.
     */
    private ApiClient owner(String username) {
        return api.withToken(driver.post("token", username, Map.of("name", "AccountIT", "scope", "READ_WRITE"))
                .json().getString("secret"));
    }

    /**
     * The owner changes their password through the API, at the account's current version; the answer to reading
     * the account when that is refused.
     */
    private static Reply changePassword(ApiClient owner, String current, String password, String confirmation) {
        Reply account = owner.get("api/v1/account", null);
        if (account.status() != 200) {
            // past the address's allowance even a good token waits (429), as every authentication does
            return account;
        }
        int version = account.json().getInt("version");
        return owner.post("api/v1/account/password", Json.createObjectBuilder().add("current", current)
                .add("password", password).add("confirmation", confirmation).add("version", version).build()
                .toString(), null);
    }

    private static String email(String username) {
        return username + "@test.invalid";
    }
}
