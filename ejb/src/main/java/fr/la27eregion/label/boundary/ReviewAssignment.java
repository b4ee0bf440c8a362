package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.AssessmentState;

import java.time.LocalDate;

/**
 * One of a reviewer's assignments, for their list: what to assess and by when (never who applies).
 *
 * @param blind whether the programme runs blind: a page then names the application by its number rather than by
 *              the project's title, which often names its town
 */
public record ReviewAssignment(long assessmentId, long applicationId, String projectTitle, String campaignCode,
                               String campaignTitleFr, String campaignTitleEn, boolean blind,
                               AssessmentState state, LocalDate dueOn, int version) {
}
