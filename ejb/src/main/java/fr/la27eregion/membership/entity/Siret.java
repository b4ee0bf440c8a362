package fr.la27eregion.membership.entity;

import java.io.Serializable;

/**
 * The SIRET number of a French body: 14 digits whose Luhn checksum is valid (the La Poste exception is not
 * needed by the network). Spaces, as people type them ("130 007 669 00013"), are accepted and removed.
 */
public record Siret(String value) implements Serializable {

    /** Why a text is not a SIRET, to tell the person what to correct. */
    public enum Problem {
        /** Nothing was given. */
        MISSING,
        /** Something other than digits (and spaces). */
        NOT_DIGITS,
        /** Not 14 digits. */
        WRONG_LENGTH,
        /** 14 digits, but the check key does not match: most likely a typing error. */
        WRONG_KEY
    }

    /** Thrown with the {@link Problem} that makes a text not a SIRET. */
    public static final class Invalid extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final Problem problem;

        Invalid(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public Siret {
        Problem problem = check(value);
        if (problem != null) {
            throw new Invalid(problem, "Not a SIRET (" + problem + "): " + value);
        }
    }

    /** The SIRET in a text typed by a person, spaces removed. */
    public static Siret parse(String text) {
        return new Siret(text == null ? null : text.replace(" ", "").replace("\u00a0", ""));
    }

    /** What is wrong with a text as a SIRET, or {@code null} when it is one. */
    public static Problem check(String digits) {
        if (digits == null || digits.isEmpty()) {
            return Problem.MISSING;
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Problem.NOT_DIGITS;
        }
        if (digits.length() != 14) {
            return Problem.WRONG_LENGTH;
        }
        return luhn(digits) ? null : Problem.WRONG_KEY;
    }

    /** The SIRET made of 13 digits and the Luhn key that completes them (for demo and test data). */
    public static Siret withKey(String thirteenDigits) {
        for (int key = 0; key <= 9; key++) {
            if (check(thirteenDigits + key) == null) {
                return new Siret(thirteenDigits + key);
            }
        }
        throw new IllegalArgumentException("Not 13 digits: " + thirteenDigits);
    }

    /** The first nine digits: the SIREN of the legal unit. */
    public String siren() {
        return value.substring(0, 9);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
