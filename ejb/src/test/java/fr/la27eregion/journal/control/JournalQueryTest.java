package fr.la27eregion.journal.control;

import fr.la27eregion.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter's rules and the SQL condition it becomes (the rows it selects: JournalBrowseIT, on PostgreSQL). */
class JournalQueryTest {

    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    private final JournalQuery query = new JournalQuery();

    @Test
    void noFilterIsTrueWithoutParameters() {
        List<Object> params = new ArrayList<>();
        assertThat(query.where(JournalFilter.NONE, params)).isEqualTo("TRUE");
        assertThat(params).isEmpty();
        assertThat(new JournalFilter(null, null, " ", "", null, "\t", null, null).isEmpty()).isTrue();
    }

    @Test
    void eachPartAddsItsConditionAndItsParametersInOrder() {
        List<Object> params = new ArrayList<>();
        String where = query.where(new JournalFilter(MARCH, APRIL, " marie.dupont ", "label-application.submit",
                "LabelApplication", "42", null, null), params);
        assertThat(where).isEqualTo("e.recorded_at >= ? AND e.recorded_at < ? AND e.actor = ? AND e.action = ?"
                + " AND e.entity_type = ? AND e.entity_id = ?");
        assertThat(params).containsExactly(OffsetDateTime.ofInstant(MARCH, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(APRIL, ZoneOffset.UTC), "marie.dupont", "label-application.submit",
                "LabelApplication", "42");
    }

    @Test
    void anOrganisationOrAProgrammeTakesItsIdOncePerQuestionMark() {
        List<Object> params = new ArrayList<>();
        String where = query.where(new JournalFilter(null, null, null, null, null, null, 7L, 9L), params);
        assertThat(where).contains("e.subject_type = 'Organisation'", "a.organisation_id = ?",
                "l.organisation_id = ?", "p.lead_organisation_id = ?", "e.subject_type = 'LabelProgramme'",
                "c.programme_id = ?", "l.programme_id = ?");
        assertThat(where.chars().filter(c -> c == '?').count()).isEqualTo(params.size());
        assertThat(params).containsExactly(7L, 7L, 7L, 7L, 9L, 9L, 9L, 9L);
    }

    @Test
    void aPeriodEndsAfterItStarts() {
        assertThatThrownBy(() -> new JournalFilter(APRIL, MARCH, null, null, null, null, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.field()).contains("to");
                    assertThat(refused.key()).isEqualTo("journal.filter.periodOrder");
                });
        assertThatThrownBy(() -> new JournalFilter(MARCH, MARCH, null, null, null, null, null, null))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void wrongPartsAreRefusedOnTheirField() {
        assertThatThrownBy(() -> new JournalFilter(null, null, null, null, null, "42", null, null))
                .isInstanceOfSatisfying(RuleViolation.class, refused ->
                        assertThat(refused.field()).contains("entityType"));
        assertThatThrownBy(() -> new JournalFilter(null, null, "x".repeat(201), null, null, null, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, refused ->
                        assertThat(refused.field()).contains("actor"));
        assertThatThrownBy(() -> new JournalFilter(null, null, null, null, null, null, 0L, null))
                .isInstanceOfSatisfying(RuleViolation.class, refused ->
                        assertThat(refused.field()).contains("organisation"));
        assertThatThrownBy(() -> new JournalFilter(null, null, null, null, null, null, null, -3L))
                .isInstanceOfSatisfying(RuleViolation.class, refused ->
                        assertThat(refused.field()).contains("programme"));
    }

    @Test
    void aShortPeriodLongAgoIsReadPeriodFirstAndARecentOrOpenOneFromTheHead() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Instant monthAgo = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(JournalQuery.periodFirst(filter(monthAgo, monthAgo.plusSeconds(86_400)), now)).isTrue();
        assertThat(JournalQuery.periodFirst(filter(now.minusSeconds(7 * 86_400), now), now)).isFalse();
        assertThat(JournalQuery.periodFirst(filter(Instant.parse("2026-01-01T00:00:00Z"), monthAgo), now)).isFalse();
        assertThat(JournalQuery.periodFirst(filter(monthAgo, null), now)).isFalse();
        assertThat(JournalQuery.periodFirst(filter(null, monthAgo), now)).isFalse();
    }

    private static JournalFilter filter(Instant from, Instant to) {
        return new JournalFilter(from, to, null, null, null, null, null, null);
    }
}
