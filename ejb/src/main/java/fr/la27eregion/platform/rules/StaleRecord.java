package fr.la27eregion.platform.rules;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.OptimisticLockException;

/**
 * The record was changed by someone else since the caller read it (its version moved on): the change is refused
 * rather than lost. The API answers 409; a page asks the person to reload and try again.
 */
@ApplicationException(rollback = true)
public class StaleRecord extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What EclipseLink (Payara's provider) raises at commit, before it is turned into the standard exception. */
    private static final String ECLIPSELINK_STALE = "org.eclipse.persistence.exceptions.OptimisticLockException";

    public StaleRecord(String message) {
        super(message);
    }

    /**
     * Whether a failure is a stale write, whoever raised it and however the container wrapped it: this exception,
     * or a {@link OptimisticLockException} of the persistence provider found among the causes (at a flush or at
     * commit, inside an {@code EJBException}, an {@code EJBTransactionRolledbackException} or a
     * {@code RollbackException}).
     */
    public static boolean isStale(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StaleRecord || cause instanceof OptimisticLockException
                    || ECLIPSELINK_STALE.equals(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
