package fr.la27eregion.audit.control;

import fr.la27eregion.audit.entity.ExportJob;
import fr.la27eregion.identity.control.IdentitySettings;
import fr.la27eregion.identity.entity.Account;
import fr.la27eregion.notification.control.Notifications;
import fr.la27eregion.platform.time.Clocks;
import fr.la27eregion.identity.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Ends an export in a transaction of its own (the runner has none): the export marked done or failed, and its
 * requester told by mail (the outbox, in the same transaction), so that nobody has to watch the page.
 */
@Stateless
// called as the auditor who asked (the caller propagates to the asynchronous call): nobody else starts an export
@DeclareRoles({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
@RolesAllowed({Role.AUDITOR_NAME, Role.NETWORK_ADMIN_NAME})
public class ExportCompletion {

    static final String READY = "export.ready";
    static final String FAILED = "export.failed";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Notifications notifications;

    @Inject
    private IdentitySettings settings;

    public void done(long id, ExportRunner.Written written) {
        ExportJob job = em.find(ExportJob.class, id);
        Instant now = clock.instant();
        job.done(written.oid(), written.bytes(), written.sha256(), written.rows(), written.headSeq(),
                written.headHash(), now);
        tell(job, READY, List.of(job.fileName(), String.valueOf(written.rows()), page()), now);
    }

    public void failed(long id, Exception cause) {
        ExportJob job = em.find(ExportJob.class, id);
        if (job == null) {
            return;
        }
        Instant now = clock.instant();
        job.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), now);
        tell(job, FAILED, List.of(job.fileName(), page()), now);
    }

    private void tell(ExportJob job, String key, List<String> arguments, Instant now) {
        em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", job.requestedBy())
                .getResultStream().findFirst().ifPresent(account -> notifications.mailOnly(
                        new Notifications.Recipient(account.email(), account.language()), key,
                        withTime(arguments, job.requestedAt()), now));
    }

    private static List<String> withTime(List<String> arguments, Instant requestedAt) {
        List<String> all = new java.util.ArrayList<>(arguments);
        all.add(WHEN.format(requestedAt.atZone(Clocks.FRANCE)));
        return all;
    }

    private String page() {
        return settings.baseUrl() + "/app/audit/exports.xhtml";
    }
}
