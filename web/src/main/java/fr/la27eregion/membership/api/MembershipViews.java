package fr.la27eregion.membership.api;

import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.MembershipAction;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.workflow.Moved;
import fr.la27eregion.platform.workflow.PossibleAction;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.util.List;

/**
 * A membership as the API shows it to the caller: its record and what they may do with it now. The boundary is
 * injected as an EJB, as in {@link MembershipsResource} (a CDI proxy of it costs an exception per call).
 */
@Dependent
class MembershipViews {

    @EJB
    private Memberships memberships;

    @Inject
    private SecurityContext security;

    /** A step just made: what the caller may do next came with it, from the same transaction. */
    MembershipJson moved(Moved<Membership, MembershipState, MembershipAction> moved) {
        return MembershipJson.of(moved.record(), moved.next());
    }

    /** For a caller who was allowed to read the membership: the boundary says what they may do. */
    MembershipJson withActions(Membership membership) {
        return MembershipJson.of(membership, memberships.actions(membership.id()));
    }

    /**
     * For the applicant, who may have no account: anonymous callers may do nothing with it; for an account the
     * boundary decides, and one that may not read it (a coordinator applying for another body) may do nothing
     * either. The application is made by then: a refusal here must not turn its answer into an error.
     */
    MembershipJson asApplied(Membership membership) {
        List<PossibleAction<MembershipState, MembershipAction>> actions = List.of();
        if (security.getCallerPrincipal() != null) {
            try {
                actions = memberships.actions(membership.id());
            } catch (AccessRefused | EJBAccessException notTheirs) {
                actions = List.of();
            }
        }
        return MembershipJson.of(membership, actions);
    }
}
