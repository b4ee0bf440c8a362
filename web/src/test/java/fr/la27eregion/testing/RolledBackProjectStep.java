package fr.la27eregion.testing;

import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.entity.ProjectAction;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Test-only: a use case that takes a step of a project's visibility (journaled) and then fails, so its whole
 * transaction rolls back, as the caller it runs for.
 */
@Stateless
@PermitAll
public class RolledBackProjectStep {

    @Inject
    private Projects projects;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void stepThenFail(long id, int version, ProjectAction action, String reason) {
        projects.step(id, version, action, reason);
        throw new IllegalStateException("the use case failed after its step");
    }
}
