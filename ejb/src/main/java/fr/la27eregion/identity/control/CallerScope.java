package fr.la27eregion.identity.control;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.rules.AccessRefused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/**
 * Organisation scoping (DESIGN §2): the secretariat and auditors see every organisation's records; a coordinator
 * or a contributor sees only their own organisation's non-public records, and only a coordinator (or the
 * secretariat) changes them. Boundaries call it after {@code @RolesAllowed} let the caller in; a refusal is an
 * {@link AccessRefused} (403), never a filtered answer that would look like data.
 */
@Dependent
public class CallerScope {

    @Inject
    private SecurityContext security;

    @PersistenceContext
    private EntityManager em;

    /** Whether the caller reads every organisation's records (secretariat, auditor). */
    public boolean seesEveryOrganisation() {
        return security.isCallerInRole(Role.NETWORK_ADMIN_NAME) || security.isCallerInRole(Role.AUDITOR_NAME);
    }

    /** Whether the caller is the secretariat. */
    public boolean isSecretariat() {
        return security.isCallerInRole(Role.NETWORK_ADMIN_NAME);
    }

    /** Whether the caller has this role. */
    public boolean hasRole(String role) {
        return security.isCallerInRole(role);
    }

    /** The organisation the caller's account acts for, if any. */
    public Optional<Long> organisation() {
        Principal caller = security.getCallerPrincipal();
        if (caller == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", caller.getName())
                .getResultStream().findFirst().flatMap(Account::organisationId);
    }

    /** Refuses unless the caller may read this organisation's non-public records. */
    public void requireReader(long organisationId) {
        if (seesEveryOrganisation()) {
            return;
        }
        if ((security.isCallerInRole(Role.MEMBER_COORDINATOR_NAME) || security.isCallerInRole(Role.CONTRIBUTOR_NAME))
                && organisation().filter(own -> own == organisationId).isPresent()) {
            return;
        }
        throw new AccessRefused("These records belong to another organisation.");
    }

    /** Refuses unless the caller may change this organisation's records (secretariat, or its coordinator). */
    public void requireEditor(long organisationId) {
        if (isSecretariat()) {
            return;
        }
        if (security.isCallerInRole(Role.MEMBER_COORDINATOR_NAME)
                && organisation().filter(own -> own == organisationId).isPresent()) {
            return;
        }
        throw new AccessRefused("Only the secretariat and the organisation's coordinators change these records.");
    }
}
