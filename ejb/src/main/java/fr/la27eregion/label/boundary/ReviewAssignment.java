package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.AssessmentState;

import java.time.LocalDate;

/** One of a reviewer's assignments, for their list: what to assess and by when (never who applies). */
public record ReviewAssignment(long assessmentId, long applicationId, String projectTitle, String campaignCode,
                               AssessmentState state, LocalDate dueOn, int version) {
}
