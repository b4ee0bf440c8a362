package fr.la27eregion.project.control;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.membership.entity.MembershipState;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/**
 * The {@link ProjectScope} of the caller of the request: the secretariat's, an auditor's, a member's (their
 * organisation's drafts, and the network's projects when the organisation is a member), or the public's.
 */
@Dependent
public class ProjectScopes {

    /**
     * The states of a membership that make an organisation a member whose people read the network's projects: the
     * states in which the members list shows it ({@code Organisations}).
     */
    static final List<MembershipState> MEMBER = List.of(MembershipState.APPROVED, MembershipState.ACTIVE,
            MembershipState.SUSPENDED, MembershipState.LAPSED);

    @Inject
    private CallerScope callers;

    @PersistenceContext
    private EntityManager em;

    /** The scope of the caller of the request. */
    public ProjectScope current() {
        Caller caller = callers.caller();
        if (caller.hasRole(Role.NETWORK_ADMIN)) {
            return ProjectScope.secretariat();
        }
        if (caller.hasRole(Role.AUDITOR)) {
            return ProjectScope.auditor();
        }
        Optional<Long> organisation = caller.organisation();
        if (organisation.isEmpty()) {
            return ProjectScope.publicOnly();
        }
        boolean worksOnProjects = caller.hasRole(Role.MEMBER_COORDINATOR) || caller.hasRole(Role.CONTRIBUTOR);
        return ProjectScope.of(worksOnProjects ? organisation : Optional.empty(), isMember(organisation.get()));
    }

    private boolean isMember(long organisation) {
        return !em.createQuery("SELECT m.id FROM Membership m WHERE m.organisation.id = :organisation"
                        + " AND m.state IN :states", Long.class)
                .setParameter("organisation", organisation).setParameter("states", MEMBER)
                .setMaxResults(1).getResultList().isEmpty();
    }
}
