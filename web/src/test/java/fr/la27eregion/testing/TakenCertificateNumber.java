package fr.la27eregion.testing;

import fr.la27eregion.label.control.CertificateNumbers;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Test-only: an award reduced to its certificate number, in a transaction of its own that keeps the year's counter
 * locked for a while (as an award's remaining work would) and then commits or rolls back.
 */
@Stateless
@PermitAll
public class TakenCertificateNumber {

    @Inject
    private CertificateNumbers numbers;

    @Resource
    private SessionContext context;

    /** The number the transaction took, whether it then committed or not. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String take(int year, long holdMillis, boolean rollBack) {
        String number = numbers.next(year);
        try {
            Thread.sleep(holdMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (rollBack) {
            context.setRollbackOnly();
        }
        return number;
    }
}
