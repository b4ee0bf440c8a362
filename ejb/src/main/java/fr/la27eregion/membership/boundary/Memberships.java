package fr.la27eregion.membership.boundary;

import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.control.OrganisationScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.control.MembershipTransitions;
import fr.la27eregion.membership.control.MembershipWorkflow;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipInputs;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.platform.database.Like;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.platform.workflow.Moved;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.platform.workflow.Transitions;
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

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The membership workflow's use cases: the secretariat's desk, reading a membership, and every transition of
 * DESIGN §3 through {@link Transitions}. Coordinators act on their own organisation's membership only
 * (withdraw an application, renew); the secretariat on any. Whose memberships a caller reaches is the caller's
 * scope, in each query's WHERE clause ({@link CallerScope}).
 */
@Stateless
public class Memberships {

    private static final Logger LOG = Logger.getLogger(Memberships.class.getName());

    private static final String DESK_WHERE = " WHERE LOWER(o.name) LIKE :filter";
    private static final String IN_STATE = " AND m.state = :state";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Transitions transitions;

    @Inject
    private MembershipTransitions workflow;

    @Inject
    private Clock clock;

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
        return scoped(id, scope.reads());
    }

    /**
     * Every membership of an organisation, the current one first, then its history.
     *
     * @throws RecordNotFound no such organisation (an unknown one is unknown to every reader)
     * @throws AccessRefused  another organisation's
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public List<Membership> ofOrganisation(long organisationId) {
        OrganisationScope reads = scope.reads();
        List<Membership> found = reads.bind(em.createQuery("SELECT m FROM Membership m"
                        + " WHERE m.organisation.id = :organisation" + reads.where("m.organisation.id")
                        + " ORDER BY m.appliedAt DESC, m.id DESC", Membership.class))
                .setParameter("organisation", organisationId).getResultList();
        // every organisation has a membership: none found is an unknown organisation, or one out of scope
        if (found.isEmpty()) {
            if (em.find(Organisation.class, organisationId) == null) {
                throw new RecordNotFound("There is no organisation " + organisationId + ".");
            }
            scope.requireReader(organisationId);
        }
        return found;
    }

    /**
     * The actions the caller may take on a membership now, each with what it needs (a reason, the agreement's
     * reference): the lines of the table from its state open to the caller's roles, on a membership the caller
     * may change (a coordinator, their own organisation's); none for its other readers.
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME, Role.MEMBER_COORDINATOR_NAME, Role.CONTRIBUTOR_NAME})
    public List<PossibleAction<MembershipState, MembershipAction>> actions(long id) {
        Membership membership = find(id);
        if (!scope.edits().includes(membership.organisation().id())) {
            return List.of();
        }
        return MembershipWorkflow.TABLE.possible(membership.state(), scope.caller().actors());
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
        return move(id, version, action, reason, agreement).record();
    }

    /**
     * The same as {@link #perform}, answering also what the caller may do next (computed in the same transaction,
     * so the answer need not read the membership again).
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.MEMBER_COORDINATOR_NAME})
    public Moved<Membership, MembershipState, MembershipAction> move(long id, int version, MembershipAction action,
                                                                     String reason, String agreement) {
        if (action == null) {
            throw new RuleViolation("action", "membership.field.required", "An action is required.");
        }
        Membership membership = scoped(id, scope.edits());
        Moved<Membership, MembershipState, MembershipAction> moved = transitions.apply(workflow, membership, version,
                action, scope.caller().actors(), new MembershipInputs(reason, agreement, Clocks.today(clock)));
        if (action == MembershipAction.APPROVE) {
            addProposedRegion(moved.record());
        }
        return moved;
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
     * Renews several memberships, each in its own transaction: one that changed meanwhile, may not be renewed, or
     * on which the server failed (a system exception, its transaction rolled back) is reported and the others go on.
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
            } catch (RuntimeException failed) {
                // a system exception (EJBException: the server failed, the transaction rolled back): this
                // membership's outcome is told like the others', and the batch goes on
                LOG.log(Level.WARNING, "Bulk renewal of membership " + id + " failed", failed);
                outcomes.add(new BulkOutcome(id, null, false, "membership.bulk.failed",
                        "The server failed to renew it; nothing was changed."));
            }
        }
        return outcomes;
    }

    /**
     * The membership if it is in the scope, read with the scope in its WHERE clause; when it is not found, one
     * cheap query tells an unknown membership (404) from another organisation's (403).
     */
    private Membership scoped(long id, OrganisationScope within) {
        Optional<Membership> found = within.bind(em.createQuery("SELECT m FROM Membership m WHERE m.id = :id"
                + within.where("m.organisation.id"), Membership.class)).setParameter("id", id)
                .getResultStream().findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        if (em.createQuery("SELECT COUNT(m) FROM Membership m WHERE m.id = :id", Long.class).setParameter("id", id)
                .getSingleResult() == 0) {
            throw new RecordNotFound("There is no membership " + id + ".");
        }
        throw new AccessRefused("These records belong to another organisation.");
    }

    private static <T> TypedQuery<T> deskParameters(TypedQuery<T> query, MembershipState state, String filter) {
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.setParameter("filter", Like.containing(filter));
    }
}
