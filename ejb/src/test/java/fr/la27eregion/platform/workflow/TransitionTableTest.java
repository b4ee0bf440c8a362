package fr.la27eregion.platform.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionTableTest {

    enum Light { RED, GREEN }

    enum Change { GO, STOP }

    @Test
    void findsTheLineOfAStateAndAction() {
        TransitionTable<Light, Change> table = TransitionTable.of(Light.class, Change.class)
                .allow(Light.RED, Change.GO, Light.GREEN, "DRIVER")
                .allowWithReason(Light.GREEN, Change.STOP, Light.RED, "POLICE")
                .build();
        assertThat(table.find(Light.RED, Change.GO)).get().satisfies(t -> {
            assertThat(t.to()).isEqualTo(Light.GREEN);
            assertThat(t.actors()).containsExactly("DRIVER");
            assertThat(t.reasonRequired()).isFalse();
        });
        assertThat(table.find(Light.GREEN, Change.STOP)).get().satisfies(t -> assertThat(t.reasonRequired()).isTrue());
        assertThat(table.find(Light.RED, Change.STOP)).isEmpty();
        assertThat(table.from(Light.RED)).hasSize(1);
        assertThat(table.lines()).hasSize(2);
    }

    @Test
    void aTableWithTwoLinesForOnePairIsADefect() {
        var builder = TransitionTable.of(Light.class, Change.class)
                .allow(Light.RED, Change.GO, Light.GREEN, "DRIVER")
                .allow(Light.RED, Change.GO, Light.RED, "DRIVER");
        assertThatThrownBy(builder::build).hasMessageContaining("Two transitions for RED + GO");
    }
}
