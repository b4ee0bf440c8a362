package fr.la27eregion.platform.demo;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's past decisions are ones the programme grants (levels 1 to 3, its mentions), each reviewer scores every
 * criterion within its maximum of 5, and the renewal of last year renews a label awarded three years ago.
 */
class DemoLabelDecisionsTest {

    @Test
    void everyPastDecisionIsOneTheDemoProgrammeGrants() {
        List<String> mentions = DemoLabels.programmeDetails().getMentions();
        int levels = DemoLabels.programmeDetails().getLevels();
        Stream.concat(DemoLabelDecisions.EARLIER.stream(), DemoLabelDecisions.LAST.stream()).forEach(past -> {
            for (int[] scores : List.of(past.first(), past.second())) {
                assertThat(scores).hasSize(DemoLabels.CRITERIA.size());
                assertThat(IntStream.of(scores).min().orElseThrow()).isNotNegative();
                assertThat(IntStream.of(scores).max().orElseThrow()).isLessThanOrEqualTo(5);
            }
            assertThat(mentions).containsAll(past.mentions());
            if (past.award()) {
                assertThat(past.level()).isBetween(1, levels);
            } else {
                assertThat(past.level()).isNull();
                assertThat(past.mentions()).isEmpty();
            }
        });
        assertThat(DemoLabelDecisions.EARLIER).noneMatch(DemoLabelDecisions.Past::renewal)
                .anyMatch(past -> !past.award()).filteredOn(DemoLabelDecisions.Past::award).hasSize(2);
        DemoLabelDecisions.Past renewal = DemoLabelDecisions.LAST.stream().filter(DemoLabelDecisions.Past::renewal)
                .findFirst().orElseThrow();
        assertThat(DemoLabelDecisions.EARLIER).filteredOn(DemoLabelDecisions.Past::award)
                .extracting(DemoLabelDecisions.Past::project).contains(renewal.project());
    }
}
