package fr.la27eregion.label.control;

import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The {@link ApplicationScope} of the caller of the request. */
@Dependent
public class ApplicationScopes {

    @Inject
    private CallerScope callers;

    /** The scope of the caller of the request. */
    public ApplicationScope current() {
        Caller caller = callers.caller();
        if (caller.hasRole(Role.NETWORK_ADMIN) || caller.hasRole(Role.AUDITOR)) {
            return ApplicationScope.everything();
        }
        Long organisation = caller.organisation().isPresent()
                && (caller.hasRole(Role.MEMBER_COORDINATOR) || caller.hasRole(Role.CONTRIBUTOR))
                ? caller.organisation().get() : null;
        Long chair = caller.hasRole(Role.JURY) ? caller.accountId() : null;
        return ApplicationScope.of(organisation, chair);
    }
}
