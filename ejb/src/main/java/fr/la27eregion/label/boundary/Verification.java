package fr.la27eregion.label.boundary;

import java.io.Serializable;

/**
 * What the verification of a label's code tells: the label's public facts and the verdict on the day.
 *
 * @param verdict whether the label holds today, and if not why
 * @param label   the label the code names
 */
public record Verification(Verdict verdict, RegisteredLabel label) implements Serializable {

    /** The verdict on a label, on the day it is verified. */
    public enum Verdict {
        /** Active and within its validity: the label holds. */
        VALID,
        /** Its validity ended (recorded by the daily job, or past its last valid day already). */
        EXPIRED,
        /** Suspended by the secretariat: it does not hold while suspended. */
        SUSPENDED,
        /** Revoked by the secretariat. */
        REVOKED,
        /** Superseded by the label of a renewal: {@link RegisteredLabel#renewedByNumber()} names it. */
        RENEWED
    }

    public String getVerdict() {
        return verdict.name();
    }
}
