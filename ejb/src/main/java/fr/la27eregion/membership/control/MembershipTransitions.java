package fr.la27eregion.membership.control;

import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.TransitionTable.Transition;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that applies a membership transition (DESIGN §4): checks the actor's right against
 * {@link MembershipWorkflow#TABLE}, checks the version the actor saw, lets the entity move, tells the organisation
 * (notification and mail, in the transaction), and appends the journal entry last, just before commit.
 * Organisation scoping is the boundary's job, before it calls this.
 */
@Dependent
public class MembershipTransitions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Journal journal;

    @Inject
    private Notifications notifications;

    @Inject
    private MembershipSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private MetricRegistry metrics;

    /**
     * Applies an action to a membership as an actor holding some roles.
     *
     * @param expectedVersion the version the actor saw; null only for the scheduled job, which reads and acts at once
     * @param actorHas        whether the actor holds a role of the table ({@code NETWORK_ADMIN}, {@code SYSTEM}...)
     * @throws StaleRecord       when the membership changed since the actor saw it
     * @throws AccessRefused     when no role of the actor may make this transition
     * @throws fr.la27eregion.membership.entity.MembershipRefused when the workflow does not allow it
     */
    public Membership apply(Membership membership, Integer expectedVersion, MembershipAction action, String reason,
                            String agreement, Predicate<String> actorHas) {
        return apply(membership, expectedVersion, action, reason, agreement, actorHas, Clocks.today(clock));
    }

    /**
     * The same, with the periods counted from another day than today: only for the demo data, whose histories
     * began before they were loaded (a membership activated fifteen months ago has lapsed today).
     */
    public Membership apply(Membership membership, Integer expectedVersion, MembershipAction action, String reason,
                            String agreement, Predicate<String> actorHas, LocalDate today) {
        if (expectedVersion != null && membership.version() != expectedVersion) {
            throw new StaleRecord("This membership was changed by someone else (version " + membership.version()
                    + ", not " + expectedVersion + "): reload it and try again.");
        }
        MembershipWorkflow.TABLE.find(membership.state(), action)
                .filter(line -> line.actors().stream().noneMatch(actorHas))
                .ifPresent(line -> {
                    throw new AccessRefused("Your roles do not allow '" + action + "' on a membership "
                            + membership.state() + ".");
                });
        MembershipState before = membership.state();
        Transition<MembershipState, MembershipAction> transition = membership.perform(action, reason, agreement, today);
        membership.touch(clock.instant());
        try {
            // the version increment locks the row: a concurrent transition waits here, then fails on the version
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException changed) {
            throw new StaleRecord("This membership was changed by someone else meanwhile: reload it and try again.");
        }
        tell(membership, "membership." + action.name().toLowerCase(java.util.Locale.ROOT));
        metrics.counter("membership.transitions", new Tag("action", action.name())).inc();
        journal.append(membership.organisation().subject(),
                "membership." + action.name().toLowerCase(java.util.Locale.ROOT), ENTITY,
                String.valueOf(membership.id()), before.name(), transition.to().name(), membership.lastReason(),
                details(membership));
        return membership;
    }

    /** Journals an act on a membership that changes no state (a reminder sent). */
    public void journal(String action, Membership membership, Map<String, Object> extra) {
        Map<String, Object> details = details(membership);
        details.putAll(extra);
        journal.append(membership.organisation().subject(), action, ENTITY, String.valueOf(membership.id()),
                membership.state().name(),
                membership.state().name(), null, details);
    }

    /** Tells the organisation about its membership ({@code membership.approve}, {@code membership.reminder}...). */
    public void tell(Membership membership, String key) {
        List<Contact> contacts = em.createNamedQuery(Contact.OF_ORGANISATION, Contact.class)
                .setParameter("organisation", membership.organisation().id()).getResultList();
        List<Notifications.Recipient> coordinators = contacts.stream()
                .filter(contact -> contact.networkRole() == NetworkRole.COORDINATOR)
                .map(contact -> new Notifications.Recipient(contact.email(), contact.language())).toList();
        notifications.tell(membership.organisation().id(), coordinators, key, List.of(
                membership.organisation().name(),
                membership.lastReason() == null ? "" : membership.lastReason(),
                membership.periodEnd() == null ? "" : DAY.format(membership.periodEnd()),
                settings.organisationPage(membership.organisation().id())), clock.instant());
    }

    /** What the journal keeps of a membership beside its states. */
    public static Map<String, Object> details(Membership membership) {
        Map<String, Object> details = new HashMap<>();
        details.put("organisation", membership.organisation().id());
        details.put("category", membership.category().name());
        details.put("version", membership.version());
        if (membership.periodEnd() != null) {
            details.put("periodStart", membership.periodStart().map(LocalDate::toString).orElse(null));
            details.put("periodEnd", membership.periodEnd().toString());
        }
        if (membership.agreementReference() != null) {
            details.put("agreement", membership.agreementReference());
        }
        return details;
    }

    /** The journal's entity type of memberships. */
    public static final String ENTITY = "Membership";

    /** Who may act, as the table names them, for a caller with these role names. */
    public static Predicate<String> holding(Set<String> roles) {
        return roles::contains;
    }
}
