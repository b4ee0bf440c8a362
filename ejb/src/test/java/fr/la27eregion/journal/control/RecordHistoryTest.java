package fr.la27eregion.journal.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The instants a reader may ask a record's state at, and the record types a URL may name. */
class RecordHistoryTest {

    @Test
    void anInstantIsReadWithItsOffsetAsADateTimeInFranceOrAsTheStartOfADayInFrance() {
        assertThat(RecordHistory.instant("2026-03-01T00:00:00Z")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(RecordHistory.instant("2026-03-01T09:30:00+01:00"))
                .isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
        // a browser's date-time field: Paris time, winter (UTC+1) and summer (UTC+2)
        assertThat(RecordHistory.instant("2026-03-01T09:30")).isEqualTo(Instant.parse("2026-03-01T08:30:00Z"));
        assertThat(RecordHistory.instant("2026-07-01T09:30")).isEqualTo(Instant.parse("2026-07-01T07:30:00Z"));
        assertThat(RecordHistory.instant(" 2026-03-01 ")).isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsItTakes() {
        for (String bad : new String[] {"", "1er mars", "2026-13-01", "2026-02-30", "01/03/2026", null}) {
            assertThatThrownBy(() -> RecordHistory.instant(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-03-01");
        }
    }

    @Test
    void aUrlNamesAKindInLowerCaseAndNothingElse() {
        assertThat(RecordKind.named("organisation")).contains(RecordKind.ORGANISATION);
        assertThat(RecordKind.named("Application")).contains(RecordKind.APPLICATION);
        assertThat(RecordKind.named("LabelApplication")).isEmpty();
        assertThat(RecordKind.named("contract")).isEmpty();
        assertThat(RecordKind.named(null)).isEmpty();
        assertThat(RecordKind.ORGANISATION.bySubject()).isTrue();
        assertThat(RecordKind.ORGANISATION.stateEntity()).isEqualTo("Membership");
        assertThat(RecordKind.MEMBERSHIP.bySubject()).as("filed under its organisation").isFalse();
    }
}
