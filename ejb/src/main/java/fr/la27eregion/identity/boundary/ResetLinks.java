package fr.la27eregion.identity.boundary;

import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.PasswordReset;
import fr.la27eregion.identity.entity.TokenSecret;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.notification.control.MailServer;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.platform.time.Clocks;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Issues one-time password reset links, in the caller's transaction (the secretariat's request for an account, the
 * first administrator's creation at installation), with the journal entry.
 */
@Dependent
class ResetLinks {

    private static final Logger LOG = Logger.getLogger(ResetLinks.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private IdentitySettings settings;

    @Inject
    private Journal journal;

    @Inject
    private Notifications notifications;

    @Inject
    private MailServer mailServer;

    @Inject
    private Clock clock;

    /**
     * A one-time reset link for the account, valid {@code identity.reset-link.hours}. When a mail server is
     * configured, the link is mailed to the account's address after commit (in the account's language), and it
     * never goes to the log; otherwise the link is written to the server log for the administrator to pass on.
     */
    Accounts.PasswordResetIssued issue(Account account) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.resetLinkValidity());
        em.persist(new PasswordReset(TokenSecret.sha256(token), account, expires));
        String link = settings.baseUrl() + "/reset-password.xhtml?token=" + token;
        String mailedTo = null;
        if (mailServer.configured()) {
            mailedTo = account.email();
            notifications.tellSecret(new Notifications.Recipient(mailedTo, account.language()), "account.reset",
                    List.of(account.username(), link, UNTIL.format(expires.atZone(Clocks.FRANCE))), now, expires);
            LOG.info(() -> "Password reset link for '" + account.username() + "' mailed to the account's address,"
                    + " valid until " + expires);
        } else {
            LOG.info(() -> "Password reset link for '" + account.username() + "' (no mail configured), valid until "
                    + expires + ": " + link);
        }
        journal.append("account.password-reset-link", Logins.ACCOUNT, account.username(), null, null, null,
                Map.of("validUntil", expires.toString(), "mailed", mailedTo != null));
        return new Accounts.PasswordResetIssued(expires, mailedTo);
    }
}
