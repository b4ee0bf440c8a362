package fr.la27eregion.label.control;

import jakarta.enterprise.context.Dependent;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification code of a label: what its certificate prints under the QR code and what anyone types on the
 * public verification page to see whether the label is valid. {@code K7QF-9XWD-M2RB-0HZC-4TNE-P8GA}: 24 symbols of
 * Crockford's base32, 120 bits from {@link SecureRandom}, in six groups of four.
 *
 * <p>Why 120 bits: the code is the only key of the verification page, which anyone may call, so it must be
 * unguessable even to someone who tries codes for years; the certificate number, printed on the certificate and
 * in the public register, is not secret and is not enough. Why Crockford's alphabet: the code is read aloud,
 * copied from paper and typed by hand, so it has no I, L, O or U (nothing to confuse with 1, 0 or V, and no word
 * spelt by chance), and {@link #normalise} reads a typed code the way Crockford's decoding does: any case, spaces
 * and dashes anywhere, O for 0, I and L for 1.
 */
@Dependent
public class VerificationCodes {

    /** Crockford's base32: the digits and the capital letters without I, L, O and U. */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Symbols of a code (5 bits each: 120 bits). */
    static final int SYMBOLS = 24;
    /** Symbols per group, the groups joined by {@value #SEPARATOR}. */
    static final int GROUP = 4;
    static final char SEPARATOR = '-';

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code, in the grouped form that is stored, printed and shown. */
    public String newCode() {
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            symbols.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return grouped(symbols);
    }

    /**
     * The code someone typed or pasted, in the grouped form {@link #newCode} gives (the stored one); empty when it
     * cannot be a code (a symbol outside the alphabet once the look-alikes are read, or not 24 of them), so the
     * page says "no such code" without reading the database.
     */
    public Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isDash(c)) {
                continue;
            }
            char symbol = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(symbol) < 0 || symbols.length() == SYMBOLS) {
                return Optional.empty();
            }
            symbols.append(symbol);
        }
        return symbols.length() == SYMBOLS ? Optional.of(grouped(symbols)) : Optional.empty();
    }

    /** The hyphen-minus and the dashes a word processor or a phone puts in its place. */
    private static boolean isDash(char c) {
        return c == '-' || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    private static String grouped(CharSequence symbols) {
        StringBuilder code = new StringBuilder(SYMBOLS + SYMBOLS / GROUP);
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append(SEPARATOR);
            }
            code.append(symbols.charAt(i));
        }
        return code.toString();
    }
}
