package fr.la27eregion.identity.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The secret of a personal access token: {@code l27_}, 256 random bits from {@link SecureRandom} in base64url (43
 * characters), then a CRC-32 of what precedes in base64url (6 characters). The prefix lets secret scanners find a
 * leaked token; the checksum lets them, and the server, tell a token from a random string of the same shape
 * without a database read (a typo, a truncated copy), so a forged string costs the server no query.
 *
 * <p>Only {@link #hash() its SHA-256} is stored: with 256 random bits there is nothing to guess, so a slow
 * password hash would only cost every request time. The {@link #prefix() display prefix} (the first characters
 * after {@code l27_}) is not secret: it lets a person recognise their token in a list. The secret itself is shown
 * once and is never logged, stored or journaled; {@link #toString()} hides it.
 */
public final class TokenSecret {

    /** What every token starts with. */
    public static final String PREFIX = "l27_";
    /** Characters of the display prefix after {@link #PREFIX}: 48 of the 256 bits, which leaves 208 unknown. */
    static final int SHOWN = 8;
    private static final int RANDOM_BYTES = 32;
    private static final int RANDOM_CHARS = 43;
    private static final int CHECKSUM_CHARS = 6;
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX)
            + "[A-Za-z0-9_-]{" + (RANDOM_CHARS + CHECKSUM_CHARS) + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String value;

    private TokenSecret(String value) {
        this.value = value;
    }

    /** A new secret, from 256 fresh random bits. */
    public static TokenSecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        String body = PREFIX + BASE64URL.encodeToString(bytes);
        return new TokenSecret(body + checksum(body));
    }

    /**
     * The secret a client sent, when it has the shape and the checksum of a token of this platform; empty for
     * anything else (another prefix, a truncated or altered token, a random string), without any database read.
     */
    public static Optional<TokenSecret> parse(String sent) {
        if (sent == null || !SHAPE.matcher(sent).matches()) {
            return Optional.empty();
        }
        int split = sent.length() - CHECKSUM_CHARS;
        return checksum(sent.substring(0, split)).equals(sent.substring(split)) ? Optional.of(new TokenSecret(sent))
                : Optional.empty();
    }

    /** Whether a bearer credential claims to be a token of this platform (by its prefix), well-formed or not. */
    public static boolean claims(String sent) {
        return sent != null && sent.startsWith(PREFIX);
    }

    /** The secret itself, to show once to its owner. */
    public String value() {
        return value;
    }

    /** The SHA-256 of the secret, in hexadecimal: what the database keeps and looks the token up by. */
    public String hash() {
        return sha256(value);
    }

    /**
     * The SHA-256 of a random secret (a token, a reset link's token, a session's key), in hexadecimal. A fast hash
     * is the right one for 256 random bits: nobody guesses them, and a copy of the database opens nothing.
     */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The non-secret beginning that a person recognises, such as {@code l27_AbC1dE2f}. */
    public String prefix() {
        return value.substring(0, PREFIX.length() + SHOWN);
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long sum = crc.getValue();
        return BASE64URL.encodeToString(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8),
            (byte) sum});
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
