package fr.la27eregion.platform.schedule;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;

/**
 * Claims the run of a job for a due day in PostgreSQL: the first instance to insert the row runs the job, the
 * others see the row and do nothing. The claim commits on its own, so a second instance that fires a moment later
 * sees it even while the first is still working.
 */
@Stateless
@PermitAll
public class JobRuns {

    @PersistenceContext
    private EntityManager em;

    /** Whether this instance claimed the job for the day (false: another instance already did). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String job, LocalDate due) {
        return em.createNativeQuery("INSERT INTO job_run (job, due, claimed_by) VALUES (?1, CAST(?2 AS date), ?3)"
                        + " ON CONFLICT (job, due) DO NOTHING")
                .setParameter(1, job).setParameter(2, due.toString())
                .setParameter(3, ManagementFactory.getRuntimeMXBean().getName()).executeUpdate() == 1;
    }
}
