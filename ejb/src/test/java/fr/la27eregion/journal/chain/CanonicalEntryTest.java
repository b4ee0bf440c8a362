package fr.la27eregion.journal.chain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical form and the hash chain, against vectors computed independently (Python's hashlib, in the
 * README's auditor recipe): if this test has to change, every journal ever written stops verifying.
 */
class CanonicalEntryTest {

    private static final CanonicalEntry SUSPENSION = new CanonicalEntry(1,
            Instant.parse("2026-11-25T20:38:17.123456Z"), "marie.dupont", "AUDITOR,NETWORK_ADMIN",
            "membership.suspend", "Membership", "42", "ACTIVE", "SUSPENDED", "Cotisation impayée",
            "{\"fee\":1200}", null);

    private static final CanonicalEntry EXPIRY = new CanonicalEntry(2, Instant.parse("2026-11-25T20:38:18Z"),
            "system", "", "label.expire", "Label", "L27-2026-0042", "ACTIVE", "EXPIRED", null, null, null);

    @Test
    void theCanonicalFormIsLengthPrefixedUtf8FieldsOnePerLine() {
        assertThat(SUSPENSION.canonicalForm()).isEqualTo("""
                1:1
                27:2026-11-25T20:38:17.123456Z
                12:marie.dupont
                21:AUDITOR,NETWORK_ADMIN
                18:membership.suspend
                10:Membership
                2:42
                6:ACTIVE
                9:SUSPENDED
                19:Cotisation impayée
                12:{"fee":1200}
                -
                """);
    }

    @Test
    void theHashesMatchTheKnownVectors() {
        String first = SUSPENSION.hash(CanonicalEntry.GENESIS);
        assertThat(first).isEqualTo("c42b02a6e2ac7abc41fcf3c583bfa278950861b358cdc3aa7e65e4a31a0c65ca");
        assertThat(EXPIRY.hash(first)).isEqualTo("6eae5c1339e9bcd07a44fdddc8226894953ab7a6cb7bfd899ec1c46f083761e6");
    }

    /** The subject is stored beside the entry, not hashed: entries written before it existed still verify. */
    @Test
    void theSubjectIsOutsideTheCanonicalFormAndTheHash() {
        EntryDraft without = new EntryDraft("system", "", "label.expire", "Label", "L27-2026-0042", "ACTIVE",
                "EXPIRED", null, null, null);
        EntryDraft with = new EntryDraft("system", "", "label.expire", "Label", "L27-2026-0042", "ACTIVE",
                "EXPIRED", null, null, null, new Subject("Label", "L27-2026-0042"));
        assertThat(without.subject()).isNull();
        CanonicalEntry numbered = with.numbered(2, EXPIRY.recordedAt());
        assertThat(numbered).isEqualTo(without.numbered(2, EXPIRY.recordedAt())).isEqualTo(EXPIRY);
        assertThat(numbered.canonicalForm()).isEqualTo(EXPIRY.canonicalForm());
        String first = SUSPENSION.hash(CanonicalEntry.GENESIS);
        assertThat(numbered.hash(first)).as("the known vector, subject or not")
                .isEqualTo("6eae5c1339e9bcd07a44fdddc8226894953ab7a6cb7bfd899ec1c46f083761e6");
        assertThatThrownBy(() -> new Subject("Organisation", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Subject.of("Organisation", 42)).isEqualTo(new Subject("Organisation", "42"));
    }

    @Test
    void timeAlwaysHasSixFractionDigitsInUtc() {
        assertThat(CanonicalEntry.timestamp(Instant.parse("2026-01-02T03:04:05Z")))
                .isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(EXPIRY.canonicalForm()).contains("\n27:2026-11-25T20:38:18.000000Z\n");
    }

    @Test
    void anEmptyTextAndAMissingValueHashDifferently() {
        CanonicalEntry withEmptyReason = new CanonicalEntry(2, EXPIRY.recordedAt(), "system", "", "label.expire",
                "Label", "L27-2026-0042", "ACTIVE", "EXPIRED", "", null, null);
        assertThat(withEmptyReason.canonicalForm()).contains("\n0:\n");
        assertThat(withEmptyReason.hash(CanonicalEntry.GENESIS)).isNotEqualTo(EXPIRY.hash(CanonicalEntry.GENESIS));
    }

    @Test
    void aLineFeedInsideAValueCannotForgeAnotherField() {
        CanonicalEntry forged = new CanonicalEntry(2, EXPIRY.recordedAt(), "system", "", "label.expire",
                "Label", "L27-2026-0042", "ACTIVE", "EXPIRED\n-", null, null, null);
        assertThat(forged.hash(CanonicalEntry.GENESIS)).isNotEqualTo(EXPIRY.hash(CanonicalEntry.GENESIS));
    }

    @Test
    void everyFieldIsCovered() {
        String reference = SUSPENSION.hash(CanonicalEntry.GENESIS);
        assertThat(SUSPENSION.hash("1".repeat(64))).isNotEqualTo(reference);
        assertThat(new CanonicalEntry(1, SUSPENSION.recordedAt(), "marie.dupont", "AUDITOR,NETWORK_ADMIN",
                "membership.suspend", "Membership", "42", "ACTIVE", "SUSPENDED", "Cotisation impayée",
                "{\"fee\":1200}", "abc123").hash(CanonicalEntry.GENESIS)).isNotEqualTo(reference);
        assertThat(new CanonicalEntry(1, SUSPENSION.recordedAt().plusNanos(1_000), "marie.dupont",
                "AUDITOR,NETWORK_ADMIN", "membership.suspend", "Membership", "42", "ACTIVE", "SUSPENDED",
                "Cotisation impayée", "{\"fee\":1200}", null).hash(CanonicalEntry.GENESIS)).isNotEqualTo(reference);
    }

    @Test
    void precisionFinerThanMicrosecondsAndMalformedPreviousHashesAreRefused() {
        assertThatThrownBy(() -> new CanonicalEntry(1, Instant.parse("2026-11-25T20:38:17.123456789Z"),
                "system", "", "x", null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("microseconds");
        assertThatThrownBy(() -> SUSPENSION.hash("ABC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 lowercase");
        assertThatThrownBy(() -> new CanonicalEntry(0, SUSPENSION.recordedAt(), "system", "", "x", null, null,
                null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
