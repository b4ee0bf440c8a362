package fr.la27eregion.identity.control;

import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.rules.AccessRefused;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Organisation scoping (DESIGN §2): the secretariat and auditors see every organisation's records; a coordinator
 * or a contributor sees only their own organisation's non-public records, and only a coordinator (or the
 * secretariat) changes them. Boundaries turn {@link #reads()} and {@link #edits()} into their queries' WHERE
 * clause; a record of another organisation is then an {@link AccessRefused} (403), told apart from an unknown one
 * (404) only when the scoped query found nothing.
 *
 * <p>The caller (account, organisation, roles) is resolved once per request ({@link CallerOfRequest}).
 */
@Dependent
public class CallerScope {

    @Inject
    private SecurityContext security;

    @Inject
    private CallerOfRequest ofRequest;

    @PersistenceContext
    private EntityManager em;

    /** The caller, resolved once per request. */
    public Caller caller() {
        Principal principal = security.getCallerPrincipal();
        String username = principal == null ? null : principal.getName();
        try {
            return ofRequest.get(username, this::resolve);
        } catch (ContextNotActiveException noRequest) {
            return resolve(username);
        }
    }

    /**
     * The caller that a login check of this request has just read, kept for the rest of the request: the container
     * gives the request the account's roles (its groups, mapped one to one in {@code glassfish-web.xml}), so the
     * boundaries use these rather than read the account and its roles again and ask the container for each role
     * (for a machine client, whose every request logs in, two statements and six JACC checks less per request).
     * Outside a request, nothing is kept.
     */
    public void loggedIn(Caller caller) {
        try {
            ofRequest.set(caller);
        } catch (ContextNotActiveException noRequest) {
            // no request to keep it for: a later call resolves it
        }
    }

    /** {@link #loggedIn(Caller)} with the account a login check (password or token) has just read. */
    public void loggedIn(Account account) {
        loggedIn(new Caller(account.username(), account.id(), account.organisationId().orElse(null),
                account.roles()));
    }

    /** The organisations whose non-public records the caller reads. */
    public OrganisationScope reads() {
        Caller caller = caller();
        if (caller.hasRole(Role.NETWORK_ADMIN) || caller.hasRole(Role.AUDITOR)) {
            return OrganisationScope.all();
        }
        boolean member = caller.hasRole(Role.MEMBER_COORDINATOR) || caller.hasRole(Role.CONTRIBUTOR);
        return OrganisationScope.only(member ? caller.organisation() : Optional.empty());
    }

    /** The organisations whose records the caller changes (secretariat: all; a coordinator: their own). */
    public OrganisationScope edits() {
        Caller caller = caller();
        if (caller.hasRole(Role.NETWORK_ADMIN)) {
            return OrganisationScope.all();
        }
        return OrganisationScope.only(caller.hasRole(Role.MEMBER_COORDINATOR) ? caller.organisation()
                : Optional.empty());
    }

    /** Whether the caller reads every organisation's records (secretariat, auditor). */
    public boolean seesEveryOrganisation() {
        return reads().isAll();
    }

    /** Whether the caller is the secretariat. */
    public boolean isSecretariat() {
        return caller().hasRole(Role.NETWORK_ADMIN);
    }

    /** Whether the caller has this role. */
    public boolean hasRole(Role role) {
        return caller().hasRole(role);
    }

    /** The organisation the caller's account acts for, if any. */
    public Optional<Long> organisation() {
        return caller().organisation();
    }

    /** Refuses unless the caller may read this organisation's non-public records. */
    public void requireReader(long organisationId) {
        if (!reads().includes(organisationId)) {
            throw new AccessRefused("These records belong to another organisation.");
        }
    }

    /** Refuses unless the caller may change this organisation's records (secretariat, or its coordinator). */
    public void requireEditor(long organisationId) {
        if (!edits().includes(organisationId)) {
            throw new AccessRefused("Only the secretariat and the organisation's coordinators change these records.");
        }
    }

    private Caller resolve(String username) {
        if (username == null) {
            return Caller.NOBODY;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.name())) {
                roles.add(role);
            }
        }
        Optional<Account> account = em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", username).getResultStream().findFirst();
        return new Caller(username, account.map(Account::id).orElse(null),
                account.flatMap(Account::organisationId).orElse(null), roles);
    }
}
