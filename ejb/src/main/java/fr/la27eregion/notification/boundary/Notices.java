package fr.la27eregion.notification.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.notification.entity.Notification;
import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The in-app notification list of an organisation, read by its own people (and by the secretariat and auditors);
 * marking an entry read is the organisation's coordinators' and contributors' business.
 */
@Stateless
@RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
public class Notices {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerScope scope;

    @Inject
    private Clock clock;

    /** The latest entries of the organisation's list, newest first. */
    public List<Notification> of(long organisationId, int max) {
        scope.requireReader(organisationId);
        return em.createNamedQuery(Notification.OF_ORGANISATION, Notification.class)
                .setParameter("organisation", organisationId).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList();
    }

    /** How many entries of the organisation's list are unread. */
    public long unread(long organisationId) {
        scope.requireReader(organisationId);
        return em.createNamedQuery(Notification.UNREAD_OF_ORGANISATION, Long.class)
                .setParameter("organisation", organisationId).getSingleResult();
    }

    /** Marks an entry read (by the organisation's own people only). */
    @RolesAllowed({Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public void markRead(long notificationId) {
        Notification notification = em.find(Notification.class, notificationId);
        if (notification == null) {
            throw new RecordNotFound("There is no notification " + notificationId + ".");
        }
        scope.requireReader(notification.getOrganisationId());
        notification.markRead(clock.instant());
    }

    /** The line of an entry in a language ({@code fr} or {@code en}): the subject of its mail. */
    public String text(Notification notification, Locale locale) {
        return Notifications.text(notification.getMessageKey() + ".subject",
                Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH,
                notification.getArguments());
    }
}
