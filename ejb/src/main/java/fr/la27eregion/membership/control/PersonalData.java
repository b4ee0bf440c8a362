package fr.la27eregion.membership.control;

import fr.la27eregion.membership.entity.Contact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a contact's personal data are copied beyond its own row, and their erasure (GDPR article 17) in the
 * caller's transaction: every statement replaces the data by {@value Contact#ERASED} (or drops what only served
 * the person: a mail not sent yet, sessions, tokens, reset links) and says how many rows it touched, which the
 * journal keeps (counts only).
 *
 * <p>The tables, found by reading the schema for names and addresses: {@code outgoing_mail} (recipient, and
 * subjects and bodies that quote the name or address), {@code notification} (arguments quoting them),
 * {@code project} (a project's contact given as this address), {@code account} (the account linked to the contact,
 * with {@code account_session}, {@code access_token} and {@code password_reset}). The journal is not among them:
 * its entries hold references to people (the contact's id, an account's username), never their details, since V29;
 * earlier entries cannot be rewritten (the chain) and keep what they held (README, "Personal data").
 *
 * <p>Mails and notifications are searched by text ({@code strpos}), not by index: an erasure is rare, and a scan of
 * the outbox takes well under a second at the planned 50,000 mails.
 */
@ApplicationScoped
public class PersonalData {

    private static final String ERASED = Contact.ERASED;

    @PersistenceContext
    private EntityManager em;

    /** Erases {@code name} and {@code email} everywhere, and the account {@code accountId} (may be null). */
    public Map<String, Object> erase(String name, String email, Long accountId) {
        Map<String, Object> counts = new TreeMap<>();
        counts.put("mailsDropped", update("DELETE FROM outgoing_mail WHERE lower(recipient) = lower(?1)"
                + " AND sent_at IS NULL", email));
        counts.put("mailsErased", update("UPDATE outgoing_mail SET recipient = ?2, subject = ?2, body = ?2,"
                + " last_error = NULL WHERE lower(recipient) = lower(?1)", email, ERASED));
        counts.put("mailsQuoting", update("UPDATE outgoing_mail SET subject = replace(replace(subject, ?1, ?3), ?2,"
                + " ?3), body = replace(replace(body, ?1, ?3), ?2, ?3) WHERE strpos(body, ?1) > 0 OR strpos(body, ?2)"
                + " > 0 OR strpos(subject, ?1) > 0 OR strpos(subject, ?2) > 0", name, email, ERASED));
        counts.put("notifications", update("UPDATE notification SET arguments = replace(replace(arguments, ?1, ?3),"
                + " ?2, ?3) WHERE strpos(arguments, ?1) > 0 OR strpos(arguments, ?2) > 0", name, email, ERASED));
        counts.put("projects", update("UPDATE project SET contact_name = ?2, contact_email = NULL,"
                + " contact_phone = NULL, version = version + 1 WHERE lower(contact_email) = lower(?1)", email, ERASED));
        if (accountId != null) {
            update("DELETE FROM account_session WHERE account_id = ?1", accountId);
            update("DELETE FROM access_token WHERE account_id = ?1", accountId);
            update("DELETE FROM password_reset WHERE account_id = ?1", accountId);
            counts.put("account", update("UPDATE account SET username = 'erased-' || id, display_name = ?2,"
                    + " email = ?2, enabled = false, version = version + 1 WHERE id = ?1", accountId, ERASED));
        } else {
            counts.put("account", 0);
        }
        return counts;
    }

    private int update(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
