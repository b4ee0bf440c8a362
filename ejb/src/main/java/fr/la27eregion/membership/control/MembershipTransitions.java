package fr.la27eregion.membership.control;

import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.membership.entity.MembershipRefused;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The membership workflow as {@link fr.la27eregion.platform.workflow.Transitions} applies it: its table
 * ({@link MembershipWorkflow#TABLE}), the journal's words and details of a membership, and what a step does inside
 * its transaction: telling the organisation's coordinators (a notification and its mail in the outbox, the key
 * being the step's, {@code membership.renew}). Also journals and tells the acts on a membership that change no
 * state (a reminder).
 */
@Dependent
public class MembershipTransitions
        implements Workflow<Membership, MembershipState, MembershipAction, MembershipInputs> {

    /** The journal's entity type of memberships. */
    public static final String ENTITY = "Membership";

    /** The journal's and the notifications' word for an application made. */
    private static final String APPLY = "membership.apply";

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

    @Override
    public TransitionTable<MembershipState, MembershipAction> table() {
        return MembershipWorkflow.TABLE;
    }

    @Override
    public String name() {
        return "membership";
    }

    @Override
    public String entityType() {
        return ENTITY;
    }

    @Override
    public Map<String, Object> details(Membership membership) {
        return describe(membership);
    }

    @Override
    public void inTransaction(Membership membership, String act) {
        tell(membership, act);
    }

    @Override
    public RuntimeException notFromThisState(MembershipState state, MembershipAction action) {
        return MembershipRefused.notFromThisState(state, action);
    }

    @Override
    public Subject subject(Membership membership) {
        return membership.organisation().subject();
    }

    /** Journals an act on a membership that changes no state (a reminder sent). */
    public void journal(String action, Membership membership, Map<String, Object> extra) {
        Map<String, Object> details = describe(membership);
        details.putAll(extra);
        journal.append(membership.organisation().subject(), action, ENTITY, String.valueOf(membership.id()),
                membership.state().name(),
                membership.state().name(), null, details);
    }

    /**
     * Tells the organisation about its membership ({@code membership.approve}, {@code membership.reminder}...): its
     * coordinators, except for the acknowledgement of an application ({@code membership.apply}), which goes to the
     * first coordinator the application names only: an anonymous caller chose every address of the application,
     * so one application sends one mail, never one to each contact.
     */
    public void tell(Membership membership, String key) {
        List<Contact> coordinators = em.createNamedQuery(Contact.OF_ORGANISATION, Contact.class)
                .setParameter("organisation", membership.organisation().id()).getResultStream()
                .filter(contact -> contact.networkRole() == NetworkRole.COORDINATOR)
                .sorted(Comparator.comparing(Contact::id)).toList();
        tell(membership, key, APPLY.equals(key) ? coordinators.subList(0, Math.min(1, coordinators.size()))
                : coordinators);
    }

    private void tell(Membership membership, String key, List<Contact> recipients) {
        List<Notifications.Recipient> coordinators = recipients.stream()
                .map(contact -> new Notifications.Recipient(contact.email(), contact.language())).toList();
        notifications.tell(membership.organisation().id(), coordinators, key, List.of(
                membership.organisation().name(),
                membership.lastReason() == null ? "" : membership.lastReason(),
                membership.periodEnd() == null ? "" : DAY.format(membership.periodEnd()),
                settings.organisationPage(membership.organisation().id())), clock.instant());
    }

    /** What the journal keeps of a membership beside its states. */
    public static Map<String, Object> describe(Membership membership) {
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
}
