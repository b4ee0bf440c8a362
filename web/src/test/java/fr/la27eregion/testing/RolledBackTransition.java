package fr.la27eregion.testing;

import fr.la27eregion.membership.boundary.Memberships;
import fr.la27eregion.membership.entity.MembershipAction;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Test-only: a use case that makes a transition (its notification and mail written, {@code MailQueued} fired) and
 * then fails, so its whole transaction rolls back, as the caller it runs for.
 */
@Stateless
@PermitAll
public class RolledBackTransition {

    @Inject
    private Memberships memberships;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void performThenFail(long id, int version, MembershipAction action, String reason, String agreement) {
        memberships.perform(id, version, action, reason, agreement);
        throw new IllegalStateException("the use case failed after its transition");
    }
}
