package fr.la27eregion.audit.control;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Starts an export's writing after the request committed (before, the writer could look for a row that is not there
 * yet), on the server's managed executor: the request answers at once. The executor carries the caller's security
 * context to its thread, so the writer runs as the auditor who asked, and its role check is an ordinary call's
 * (an {@code @Asynchronous} method would check it in the background thread, where a refusal reaches nobody).
 */
@ApplicationScoped
public class ExportStart {

    @EJB
    private ExportRunner runner;

    @Resource
    private ManagedExecutorService executor;

    void start(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportRequested requested) {
        executor.execute(() -> runner.run(requested.id()));
    }
}
