package fr.la27eregion.journal.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the hash of a journal entry covers, and how: the canonical form, version 1. It is written down here
 * precisely so that an auditor can recompute every hash with another tool (the README shows it in SQL with
 * {@code psql}, and with Python).
 *
 * <h2>Canonical form</h2>
 * Twelve fields, always in this order, each one followed by a line feed ({@code \n}, byte 0x0A):
 * <ol>
 *   <li>{@code seq}: the sequence number in decimal, no sign, no leading zero ({@code 42});</li>
 *   <li>{@code recorded_at}: the time in UTC, ISO-8601, always with six fraction digits (microseconds, the
 *       precision of PostgreSQL's {@code timestamptz}) and the letter {@code Z}: {@code 2026-11-25T20:38:17.123456Z};</li>
 *   <li>{@code actor};</li>
 *   <li>{@code actor_roles} (sorted, separated by {@code ,}, empty when none);</li>
 *   <li>{@code action};</li>
 *   <li>{@code entity_type};</li>
 *   <li>{@code entity_id};</li>
 *   <li>{@code state_before};</li>
 *   <li>{@code state_after};</li>
 *   <li>{@code reason};</li>
 *   <li>{@code details}: the JSON text exactly as stored (never re-serialized);</li>
 *   <li>{@code request_id}.</li>
 * </ol>
 * A field that is present is written as the number of bytes of its UTF-8 encoding, in decimal, a colon, then
 * the value in UTF-8: {@code 8:Bretagne}, {@code 7:Région} (é takes two bytes).
 * A missing value (SQL {@code NULL}) is written as a single {@code -} (an empty text is {@code 0:}, so the two
 * never meet). The length prefix makes the form unambiguous whatever the values contain, line feeds included.
 * No Unicode normalization is applied: the bytes are those PostgreSQL stores.
 *
 * <h2>Hash</h2>
 * {@code hash = lowercase hex of SHA-256( UTF-8( prev_hash + "\n" + canonical form ) )}, where
 * {@code prev_hash} is the previous entry's hash in lowercase hex, or {@link #GENESIS} (64 zeros) for entry 1.
 *
 * @param seq         the entry's number, from 1, without holes
 * @param recordedAt  when it was appended, at microsecond precision (finer is refused, it could not be stored)
 * @param actorRoles  sorted, comma-separated, empty when none
 * @param details     a JSON object as text, or null
 */
public record CanonicalEntry(long seq, Instant recordedAt, String actor, String actorRoles, String action,
                             String entityType, String entityId, String stateBefore, String stateAfter,
                             String reason, String details, String requestId) {

    /** The previous hash of entry 1. */
    public static final String GENESIS = "0".repeat(64);

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    public CanonicalEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("Journal entries are numbered from 1: " + seq);
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorRoles, "actorRoles");
        Objects.requireNonNull(action, "action");
        if (!recordedAt.truncatedTo(ChronoUnit.MICROS).equals(recordedAt)) {
            throw new IllegalArgumentException("The journal keeps microseconds; truncate the time first: " + recordedAt);
        }
    }

    /** The time as the canonical form writes it: UTC, ISO-8601, six fraction digits, {@code Z}. */
    public static String timestamp(Instant instant) {
        return TIME.format(instant);
    }

    /** The canonical form as text, for reading and for the documentation; {@link #hash} hashes its bytes. */
    public String canonicalForm() {
        return new String(canonicalBytes(), StandardCharsets.UTF_8);
    }

    /** This entry's hash when it follows an entry whose hash is {@code prevHash}. */
    public String hash(String prevHash) {
        if (prevHash == null || !HASH.matcher(prevHash).matches()) {
            throw new IllegalArgumentException("A previous hash is 64 lowercase hexadecimal digits: " + prevHash);
        }
        MessageDigest sha256 = sha256();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) '\n');
        sha256.update(canonicalBytes());
        return HEX.formatHex(sha256.digest());
    }

    private byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, Long.toString(seq));
        field(out, timestamp(recordedAt));
        field(out, actor);
        field(out, actorRoles);
        field(out, action);
        field(out, entityType);
        field(out, entityId);
        field(out, stateBefore);
        field(out, stateAfter);
        field(out, reason);
        field(out, details);
        field(out, requestId);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.write('-');
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
        }
        out.write('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("Every Java runtime has SHA-256", absent);
        }
    }
}
