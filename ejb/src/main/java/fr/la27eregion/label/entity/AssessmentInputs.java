package fr.la27eregion.label.entity;

import java.time.Instant;

/** What a reviewer gives with a step of their assessment: the reason of a recusal, and the server's instant. */
public record AssessmentInputs(String reason, Instant now) {
}
