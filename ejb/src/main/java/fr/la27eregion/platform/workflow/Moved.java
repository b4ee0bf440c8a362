package fr.la27eregion.platform.workflow;

import java.util.List;

/**
 * A step made: the record in its new state, and what the same actor may do with it next, computed in the step's
 * transaction so an answer does not read the record again to offer them.
 */
public record Moved<R, S extends Enum<S>, A extends Enum<A>>(R record, List<PossibleAction<S, A>> next) {

    public Moved {
        next = List.copyOf(next);
    }
}
