package fr.la27eregion.membership.boundary;

import fr.la27eregion.membership.control.MembershipSettings;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.control.MembershipWorkflow;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.Transitions;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The membership's deadlines, one transaction per membership (one failure does not stop the others), run by
 * {@link MembershipSchedule}: lapsing the memberships whose period ended more than the grace period ago, and
 * reminding coordinators before the end of their period.
 *
 * <p>Open to every caller because it only does what is due: a membership lapses only when the rule says so, a
 * reminder goes out once per period. Acting as the table's {@code SYSTEM}, it is journaled as {@code system}.
 */
@Stateless
@PermitAll
public class MembershipDeadlines {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private MembershipTransitions workflow;

    @Inject
    private MembershipSettings settings;

    @Inject
    private Clock clock;

    /** Today in France, by the platform's clock. */
    public LocalDate today() {
        return Clocks.today(clock);
    }

    /** The ids of the active memberships whose period ended more than the grace period before {@code today}. */
    public List<Long> dueToLapse(LocalDate today) {
        return em.createNamedQuery(Membership.ACTIVE_ENDING_BEFORE, Long.class)
                .setParameter("date", today.minusDays(settings.graceDays())).getResultList();
    }

    /** The ids of the active memberships whose period ends within the reminder's days and were not reminded. */
    public List<Long> dueForReminder(LocalDate today) {
        return em.createNamedQuery(Membership.TO_REMIND, Long.class).setParameter("today", today)
                .setParameter("horizon", today.plusDays(settings.reminderDays())).getResultList();
    }

    /** Lapses the membership if it is due; returns whether it lapsed. */
    public boolean lapse(long id, LocalDate today) {
        Membership membership = em.find(Membership.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (membership == null || !membership.lapseDue(today, settings.graceDays())) {
            return false;
        }
        transitions.apply(workflow, membership, null, MembershipAction.LAPSE, Set.of(MembershipWorkflow.SYSTEM),
                new MembershipInputs(null, null, today));
        return true;
    }

    /** Sends the renewal reminder if it is due; returns whether it went out. */
    public boolean remind(long id, LocalDate today) {
        Membership membership = em.find(Membership.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (membership == null || !membership.reminderDue(today, settings.reminderDays())) {
            return false;
        }
        membership.reminded();
        workflow.tell(membership, "membership.reminder");
        em.flush();
        workflow.journal("membership.reminder", membership, Map.of("periodEnd", membership.periodEnd().toString()));
        return true;
    }
}
