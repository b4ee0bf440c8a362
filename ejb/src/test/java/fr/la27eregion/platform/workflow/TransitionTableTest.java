package fr.la27eregion.platform.workflow;

import fr.la27eregion.identity.entity.Role;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionTableTest {

    enum Light { RED, GREEN }

    enum Change { GO, STOP }

    private static final Actor DRIVER = Actor.of(Role.CONTRIBUTOR);
    private static final Actor POLICE = Actor.of(Role.NETWORK_ADMIN);

    @Test
    void findsTheLineOfAStateAndAction() {
        TransitionTable<Light, Change> table = TransitionTable.of(Light.class, Change.class)
                .allow(Light.RED, Change.GO, Light.GREEN, DRIVER)
                .allowWithReason(Light.GREEN, Change.STOP, Light.RED, POLICE)
                .build();
        assertThat(table.find(Light.RED, Change.GO)).get().satisfies(t -> {
            assertThat(t.to()).isEqualTo(Light.GREEN);
            assertThat(t.actors()).containsExactly(DRIVER);
            assertThat(t.reasonRequired()).isFalse();
        });
        assertThat(table.find(Light.GREEN, Change.STOP)).get().satisfies(t -> assertThat(t.reasonRequired()).isTrue());
        assertThat(table.find(Light.RED, Change.STOP)).isEmpty();
        assertThat(table.from(Light.RED)).hasSize(1);
        assertThat(table.lines()).hasSize(2);
    }

    @Test
    void offersWhatTheActorsMayDoWithWhatEachNeeds() {
        TransitionTable<Light, Change> table = TransitionTable.of(Light.class, Change.class)
                .creates(Change.GO, Light.RED, Actor.ANYONE)
                .allow(Light.RED, Change.GO, Light.GREEN, DRIVER).needing("licence")
                .allowWithReason(Light.GREEN, Change.STOP, Light.RED, POLICE)
                .build();
        assertThat(table.possible(Light.RED, Actor.holding(Set.of(Role.CONTRIBUTOR)))).singleElement()
                .satisfies(possible -> {
                    assertThat(possible.action()).isEqualTo(Change.GO);
                    assertThat(possible.needs()).containsExactly("licence");
                    assertThat(possible.reasonRequired()).isFalse();
                });
        assertThat(table.possible(Light.GREEN, Actor.holding(Set.of(Role.CONTRIBUTOR)))).isEmpty();
        assertThat(table.possible(Light.GREEN, Set.of(POLICE))).singleElement()
                .satisfies(possible -> assertThat(possible.reasonRequired()).isTrue());
        assertThat(table.everAllows(Change.STOP, Set.of(DRIVER))).isFalse();
        assertThat(table.everAllows(Change.GO, Set.of(Actor.ANYONE))).as("the creation line counts").isTrue();
        assertThat(table.creation()).get().satisfies(line -> assertThat(line.from()).isNull());
        assertThat(table.find(Light.RED, Change.GO)).get().satisfies(line -> assertThat(line.from()).isEqualTo(Light.RED));
    }

    @Test
    void aTableWithTwoLinesForOnePairIsADefect() {
        var builder = TransitionTable.of(Light.class, Change.class)
                .allow(Light.RED, Change.GO, Light.GREEN, DRIVER)
                .allow(Light.RED, Change.GO, Light.RED, DRIVER);
        assertThatThrownBy(builder::build).hasMessageContaining("Two transitions for RED + GO");
    }
}
