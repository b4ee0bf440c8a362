package fr.la27eregion.identity.control;

import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.workflow.Actor;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls, as resolved once per request ({@link CallerScope}): the account's name and id, the organisation it
 * acts for, and the platform's roles the container gives it. Anonymous callers and the platform's own jobs have
 * no name, no account and no role.
 *
 * @param username       the caller principal's name, null when none
 * @param accountId      the platform account of that name, null when none (an OIDC caller without an account)
 * @param organisationId the organisation the account acts for, null when none
 */
public record Caller(String username, Long accountId, Long organisationId, Set<Role> roles) implements Serializable {

    /** No one signed in. */
    public static final Caller NOBODY = new Caller(null, null, null, Set.of());

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Optional<Long> organisation() {
        return Optional.ofNullable(organisationId);
    }

    /** Who the caller acts as in a workflow's table. */
    public Set<Actor> actors() {
        return Actor.holding(roles);
    }

    /** The roles' names, sorted and comma-separated, as the journal records an actor's roles. */
    public String roleNames() {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
