package fr.la27eregion.label.entity;

import java.time.Instant;
import java.util.List;

/**
 * What an actor gives with a step of a label application: the reason (a motivation for the jury's decisions), the
 * instant the server's clock read (the campaign's opening decides a submission), and for an award the level and
 * mentions granted.
 */
public record ApplicationInputs(String reason, Instant now, Integer level, List<String> mentions) {

    public ApplicationInputs {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** A step with a reason (or none), at this instant. */
    public static ApplicationInputs of(String reason, Instant now) {
        return new ApplicationInputs(reason, now, null, List.of());
    }
}
