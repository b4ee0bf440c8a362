package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.ReviewAssignment;
import fr.la27eregion.label.boundary.ReviewedApplication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A label application as the review reads it: for a reviewer of a blind programme, without the applicant and the
 * partners (the server leaves them out: {@code identityHidden}).
 */
@Schema(name = "ReviewedApplication")
public record ReviewJson(long id, String state, String campaignCode, String programmeCode, String programmeNameFr,
                         String programmeNameEn, boolean blind,
                         @Schema(description = "Whether the applicant's identity was left out (a reviewer, blind "
                                 + "programme)") boolean identityHidden,
                         String projectTitle, List<CriterionJson> criteria, List<AnswerJson> answers,
                         @Schema(description = "The applicant organisation; null when hidden") String applicant,
                         @Schema(description = "The project's member partners; empty when hidden")
                         List<String> partners,
                         @Schema(description = "The mean of the assessments' totals, once reviewed; not for reviewers")
                         BigDecimal weightedTotal,
                         int reviewersPerApplication) {

    /** A criterion of the campaign's frozen grid. */
    @Schema(name = "ReviewCriterion")
    public record CriterionJson(long id, String code, String labelFr, String labelEn, String guidanceFr,
                                String guidanceEn, BigDecimal weight, int maxScore) {
    }

    /** The applicant's answer to one criterion. */
    @Schema(name = "ReviewAnswer")
    public record AnswerJson(long criterionId, String answer) {
    }

    /** One of the caller's assignments. */
    @Schema(name = "ReviewAssignment")
    public record AssignedJson(long assessmentId, long applicationId, String projectTitle, String campaignCode,
                                 @Schema(description = "Whether the programme runs blind") boolean blind,
                                 String state, LocalDate dueOn, int version) {

        static AssignedJson of(ReviewAssignment assignment) {
            return new AssignedJson(assignment.assessmentId(), assignment.applicationId(),
                    assignment.projectTitle(), assignment.campaignCode(), assignment.blind(),
                    assignment.state().name(), assignment.dueOn(), assignment.version());
        }
    }

    static ReviewJson of(ReviewedApplication application) {
        return new ReviewJson(application.id(), application.state().name(), application.campaignCode(),
                application.programmeCode(), application.programmeNameFr(), application.programmeNameEn(),
                application.blind(), application.identityHidden(), application.projectTitle(),
                application.criteria().stream().map(c -> new CriterionJson(c.id(), c.code(), c.labelFr(),
                        c.labelEn(), c.guidanceFr(), c.guidanceEn(), c.weight(), c.maxScore())).toList(),
                application.answers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(entry -> new AnswerJson(entry.getKey(), entry.getValue())).toList(),
                application.applicant(), application.partners(), application.weightedTotal(),
                application.reviewersPerApplication());
    }
}
