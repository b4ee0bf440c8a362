package fr.la27eregion.notification.web;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.notification.entity.OutgoingMail;
import fr.la27eregion.testing.PlatformDriver;
import fr.la27eregion.testing.Superuser;
import fr.la27eregion.testing.TestAccounts;
import fr.la27eregion.testing.browser.Browser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail that failed for good, in real Chromium with axe-core: the secretariat follows the home's link to the page,
 * sees each failed mail (recipient, subject, attempts, the problem in plain words) and sends one again: the outbox
 * sends it at once to the test mail server, and the journal says who asked. A mail tried again since the page read
 * it is refused as stale; a mail whose one-time link expired is not offered; another role never reaches the page.
 */
@Tag("browser")
@DisplayName("The secretariat's page of the mail that failed for good")
class FailedMailPageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private final FailedMailPage page = new FailedMailPage(browser);

    /** A mail that failed for good, written into the outbox as the sender leaves it; its id. */
    private static long failed(String recipient, String error, String secretUntil) {
        return Superuser.number("INSERT INTO outgoing_mail (recipient, subject, body, created_at, attempts,"
                + " next_attempt_at, last_error, secret_until) VALUES (?, 'Essai d''envoi', 'Bonjour.',"
                + " now() - interval '3 days', ?, now() + interval '17 hours', ?, " + secretUntil + ") RETURNING id",
                recipient, OutgoingMail.FAILED_FOR_GOOD + 2, error);
    }

    /** Writes a failed mail, then the secretariat logs in and opens the page from its home; the mail's id. */
    private long shown(String recipient, String error, String secretUntil) {
        long id = failed(recipient, error, secretUntil);
        browser.logInAs(Role.NETWORK_ADMIN);
        page.openFromHome();
        return id;
    }

    @Test
    @DisplayName("it lists the failed mail with its problem in plain words and sends one again")
    void requeue() throws InterruptedException {
        String recipient = "requeue-" + System.nanoTime() + "@test.invalid";
        long id = shown(recipient, "MailConnectException: Couldn't connect to host, port: 127.0.0.1, 1"
                + " <- ConnectException: Connection refused", "NULL");
        assertThat(page.heading()).isEqualTo("Courriels en échec définitif");
        browser.accessibility().assertNoViolations("failed mail page");
        assertThat(page.row(id)).contains(recipient, "Essai d'envoi", String.valueOf(OutgoingMail.FAILED_FOR_GOOD + 2));
        assertThat(String.join(" ", page.row(id))).contains("Le serveur de messagerie n'a pas répondu");

        page.requeue(id);
        assertThat(page.messages()).contains("Le courriel à " + recipient + " est renvoyé.");
        assertThat(page.row(id)).as("no longer failed").isEmpty();
        assertThat(PlatformDriver.awaitRows(Duration.ofSeconds(30),
                "SELECT 1 FROM outgoing_mail WHERE id = ? AND sent_at IS NOT NULL", id))
                .as("sent at once after the commit").hasSize(1);
        assertThat(PlatformDriver.rows("SELECT actor, state_before, state_after FROM journal_entry"
                + " WHERE action = 'mail.requeue' AND entity_id = ?", String.valueOf(id)))
                .containsExactly(java.util.List.of(TestAccounts.of(Role.NETWORK_ADMIN), "FAILED", "QUEUED"));
        browser.accessibility().assertNoViolations("failed mail page after a requeue");
    }

    @Test
    @DisplayName("a mail tried again since the page read it is refused as stale, and stays failed")
    void stale() {
        long id = shown("stale-" + System.nanoTime() + "@test.invalid", "SendFailedException: Invalid Addresses",
                "NULL");
        assertThat(String.join(" ", page.row(id))).contains("a refusé l'adresse du destinataire");
        Superuser.update("UPDATE outgoing_mail SET attempts = attempts + 1 WHERE id = ?", id);
        page.requeue(id);
        assertThat(page.messages()).contains("modifié");
        assertThat(Superuser.number("SELECT attempts FROM outgoing_mail WHERE id = ?", id))
                .isEqualTo(OutgoingMail.FAILED_FOR_GOOD + 3);
        assertThat(PlatformDriver.rows("SELECT 1 FROM journal_entry WHERE action = 'mail.requeue' AND entity_id = ?",
                String.valueOf(id))).isEmpty();
    }

    @Test
    @DisplayName("a mail whose one-time link expired is shown but not offered again")
    void expiredSecret() {
        long id = shown("expired-" + System.nanoTime() + "@test.invalid", "something odd",
                "now() - interval '1 hour'");
        assertThat(String.join(" ", page.row(id))).contains("Autre erreur", "lien à usage unique");
        assertThat(page.offersRequeue(id)).isFalse();
    }

    @Test
    @DisplayName("another role opening the page's address sees a refusal, not the mail")
    void otherRole() {
        String recipient = "hidden-" + System.nanoTime() + "@test.invalid";
        failed(recipient, "refused", "NULL");
        browser.logInAs(Role.MEMBER_COORDINATOR);
        browser.open(browser.application().resolve("app/admin/mail.xhtml"));
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("mails"))).isEmpty();
        assertThat(browser.driver().findElement(org.openqa.selenium.By.tagName("main")).getText())
                .contains("Vous ne pouvez pas faire cette action").doesNotContain(recipient);
        assertThat(browser.driver().getPageSource()).doesNotContain(recipient);
    }
}
