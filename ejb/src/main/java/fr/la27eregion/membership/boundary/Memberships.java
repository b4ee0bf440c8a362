package fr.la27eregion.membership.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.control.MembershipWorkflow;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.database.Like;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.referential.control.EuropeanRegions;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The membership workflow's use cases: the secretariat's desk, reading a membership, and every transition of
 * DESIGN §3 through {@link MembershipTransitions}. Coordinators act on their own organisation's membership only
 * (withdraw an application, renew); the secretariat on any.
 */
@Stateless
public class Memberships {

    private static final String DESK_WHERE = " WHERE LOWER(o.name) LIKE :filter";
    private static final String IN_STATE = " AND m.state = :state";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MembershipTransitions transitions;

    @Inject
    private CallerScope scope;

    @Inject
    private EuropeanRegions europeanRegions;

    @Resource
    private SessionContext session;

    /**
     * One page of the desk: memberships in a state (all when null) whose organisation's name contains the filter,
     * the most recently changed first.
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<Membership> desk(MembershipState state, String filter, int first, int size) {
        // the page's organisations and their regions in the same query, not one query per row
        TypedQuery<Membership> query = em.createQuery("SELECT m FROM Membership m JOIN FETCH m.organisation o"
                + " LEFT JOIN FETCH o.territory" + DESK_WHERE + (state == null ? "" : IN_STATE)
                + " ORDER BY m.changedAt DESC, m.id DESC", Membership.class);
        return deskParameters(query, state, filter).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, 200))).getResultList();
    }

    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public long count(MembershipState state, String filter) {
        return deskParameters(em.createQuery("SELECT COUNT(m) FROM Membership m JOIN m.organisation o" + DESK_WHERE
                + (state == null ? "" : IN_STATE),
                Long.class), state, filter)
                .getSingleResult();
    }

    /** How many memberships are in each state (every state, zero included), for the desk's tabs. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public Map<MembershipState, Long> countsByState() {
        Map<MembershipState, Long> counts = new EnumMap<>(MembershipState.class);
        for (MembershipState state : MembershipState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("SELECT m.state, COUNT(m) FROM Membership m GROUP BY m.state", Object[].class)
                .getResultStream().forEach(row -> counts.put((MembershipState) row[0], (Long) row[1]));
        return counts;
    }

    /** A membership, for the secretariat, auditors and the organisation's own people. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public Membership find(long id) {
        Membership membership = existing(id);
        scope.requireReader(membership.organisation().id());
        return membership;
    }

    /**
     * Every membership of an organisation, the current one first, then its history.
     *
     * @throws RecordNotFound no such organisation (before the scoping, as for its contacts: an unknown one is
     *                        unknown to every reader)
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public List<Membership> ofOrganisation(long organisationId) {
        if (em.find(Organisation.class, organisationId) == null) {
            throw new RecordNotFound("There is no organisation " + organisationId + ".");
        }
        scope.requireReader(organisationId);
        return em.createNamedQuery(Membership.OF_ORGANISATION, Membership.class)
                .setParameter("organisation", organisationId).getResultList();
    }

    /**
     * The actions the caller may take on a membership now: the transitions of the table from its state whose
     * actors include one of the caller's roles (a coordinator only on their own organisation's).
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public List<MembershipAction> actions(long id) {
        Membership membership = find(id);
        if (!scope.isSecretariat() && (!scope.hasRole(Role.MEMBER_COORDINATOR_NAME)
                || scope.organisation().filter(own -> own.equals(membership.organisation().id())).isEmpty())) {
            return List.of();
        }
        return MembershipWorkflow.TABLE.from(membership.state()).stream()
                .filter(line -> line.actors().stream().anyMatch(scope::hasRole))
                .map(line -> line.action()).sorted().toList();
    }

    /**
     * Applies an action of the workflow to the membership, as seen at {@code version}.
     *
     * @throws RecordNotFound  no such membership
     * @throws AccessRefused   another organisation's membership, or an action the caller's roles do not allow
     * @throws StaleRecord     the membership changed since the caller saw it
     * @throws fr.la27eregion.membership.entity.MembershipRefused the workflow does not allow it, or a reason is missing
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public Membership perform(long id, int version, MembershipAction action, String reason, String agreement) {
        if (action == null) {
            throw new RuleViolation("action", "membership.field.required", "An action is required.");
        }
        if (action == MembershipAction.LAPSE) {
            throw new AccessRefused("Only the daily job lapses a membership.");
        }
        Membership membership = existing(id);
        scope.requireEditor(membership.organisation().id());
        Membership after = transitions.apply(membership, version, action, reason, agreement, scope::hasRole);
        if (action == MembershipAction.APPROVE) {
            addProposedRegion(after);
        }
        return after;
    }

    /**
     * After an approval: the European region the application proposed joins the public referential now, and the
     * organisation takes it (journaled as {@code territory.add}). Until then the region was only on the application,
     * so a pending or rejected application never published one.
     */
    private void addProposedRegion(Membership approved) {
        Organisation organisation = approved.organisation();
        organisation.proposedRegion().ifPresent(proposed ->
                organisation.adoptRegion(europeanRegions.add(proposed.territory(), organisation.subject())));
    }

    /**
     * Renews several memberships, each in its own transaction: one that changed meanwhile or may not be renewed is
     * reported and the others go on.
     *
     * @param versions the version seen of each membership, by id
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<BulkOutcome> renewAll(Map<Long, Integer> versions) {
        Memberships self = session.getBusinessObject(Memberships.class);
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<Long, Integer> seen : versions == null ? Map.<Long, Integer>of().entrySet() : versions.entrySet()) {
            long id = seen.getKey();
            try {
                Membership renewed = self.perform(id, seen.getValue(), MembershipAction.RENEW, null, null);
                outcomes.add(new BulkOutcome(id, renewed.organisation().name(), true, "membership.bulk.renewed",
                        "Renewed until " + renewed.periodEnd()));
            } catch (RuleViolation refused) {
                outcomes.add(new BulkOutcome(id, null, false, refused.key(), refused.getMessage()));
            } catch (StaleRecord stale) {
                outcomes.add(new BulkOutcome(id, null, false, "membership.bulk.stale", stale.getMessage()));
            } catch (RecordNotFound | AccessRefused refused) {
                outcomes.add(new BulkOutcome(id, null, false, "membership.bulk.refused", refused.getMessage()));
            }
        }
        return outcomes;
    }

    private Membership existing(long id) {
        Membership membership = em.find(Membership.class, id);
        if (membership == null) {
            throw new RecordNotFound("There is no membership " + id + ".");
        }
        return membership;
    }

    private static <T> TypedQuery<T> deskParameters(TypedQuery<T> query, MembershipState state, String filter) {
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.setParameter("filter", Like.containing(filter));
    }
}
