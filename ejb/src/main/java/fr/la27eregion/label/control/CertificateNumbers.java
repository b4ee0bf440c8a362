package fr.la27eregion.label.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The certificate number of a label: {@code L27-2026-0001}, the year and, on four digits or more once a year
 * passes 9,999 awards, its rank among that year's awards. Numbers are gapless per year, because an auditor who
 * reads 0041 then 0043 in the register looks for the 42nd.
 *
 * <p>Why in the caller's transaction ({@code MANDATORY}): the number is taken by an upsert of the year's row of
 * {@code label_certificate_counter}, which keeps that row locked until the award commits or rolls back. Concurrent
 * awards of a year therefore take their numbers one after the other, each sees the increment of the one before,
 * and an award that rolls back also rolls back its increment: the next award gets that number. Taken in a
 * transaction of its own, a number would survive a failed award and leave a gap. The price is that the awards of
 * one year are serialised from the number to their commit, so the award takes it last, just before the journal.
 */
@Dependent
@Transactional(Transactional.TxType.MANDATORY)
public class CertificateNumbers {

    /** What every certificate number starts with. */
    public static final String PREFIX = "L27-";

    private static final String NEXT = "INSERT INTO label_certificate_counter (year, last_number) VALUES (?1, 1)"
            + " ON CONFLICT (year) DO UPDATE SET last_number = label_certificate_counter.last_number + 1"
            + " RETURNING last_number";

    @PersistenceContext
    private EntityManager em;

    /**
     * The next certificate number of the year, given for good when the caller's transaction commits.
     *
     * @param year the year of the award (by the platform's clock), 2000 to 9999
     */
    public String next(int year) {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("No certificate number for the year " + year);
        }
        Number number = (Number) em.createNativeQuery(NEXT).setParameter(1, year).getSingleResult();
        return format(year, number.intValue());
    }

    /** {@code L27-YYYY-NNNN}: the rank on at least four digits. */
    static String format(int year, int number) {
        return String.format("%s%d-%04d", PREFIX, year, number);
    }
}
