package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.label.entity.ScoringCriterion;
import fr.la27eregion.platform.workflow.PossibleAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A label application, with its answers and the steps the caller may take now. */
@Schema(name = "LabelApplication")
public record ApplicationJson(
        @Schema(readOnly = true) Long id,
        @Schema(readOnly = true, description = "The version as read: give it with a step or answers; 409 when stale")
        Integer version,
        @Schema(required = true, description = "The campaign applied to") Long campaignId,
        @Schema(readOnly = true) String campaignCode,
        @Schema(required = true, description = "A project the caller's organisation leads") Long projectId,
        @Schema(readOnly = true) String projectTitle,
        @Schema(readOnly = true, description = "The applicant: the project's lead organisation") Long organisationId,
        @Schema(readOnly = true) String organisationName,
        @Schema(readOnly = true, enumeration = {"DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "IN_REVIEW", "REVIEWED",
                "AWARDED", "REJECTED", "INELIGIBLE", "WITHDRAWN"}) String state,
        @Schema(readOnly = true, description = "The answer to each criterion of the campaign's grid, in its order")
        List<AnswerJson> answers,
        @Schema(readOnly = true, description = "The codes of the criteria not answered yet") List<String> unanswered,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) Instant submittedAt,
        @Schema(readOnly = true) Instant decidedAt,
        @Schema(readOnly = true) BigDecimal weightedTotal,
        @Schema(readOnly = true) Integer level,
        @Schema(readOnly = true) List<String> mentions,
        @Schema(readOnly = true, description = "The reason of the last step that had one") String lastReason,
        @Schema(readOnly = true, description = "The steps the caller may take now") List<String> actions,
        @Schema(readOnly = true, description = "What each action needs besides the version (reason)")
        Map<String, List<String>> needs) {

    /** A criterion and its answer. */
    @Schema(name = "ApplicationAnswer")
    public record AnswerJson(@Schema(required = true) Long criterionId,
                             @Schema(readOnly = true) String code,
                             @Schema(readOnly = true) String labelFr,
                             @Schema(readOnly = true) String labelEn,
                             @Schema(readOnly = true) Integer maxScore,
                             @Schema(maxLength = LabelApplication.MAX_ANSWER, description = "Blank: no answer")
                             String answer) {
    }

    static ApplicationJson of(LabelApplication application, List<? extends PossibleAction<?, ?>> possible) {
        Map<String, List<String>> needs = new TreeMap<>();
        possible.stream().filter(action -> !action.needs().isEmpty())
                .forEach(action -> needs.put(action.action().name(), action.needs().stream().sorted().toList()));
        Map<Long, String> given = application.answers();
        List<AnswerJson> answers = application.campaign().grid().criteria().stream()
                .map((ScoringCriterion c) -> new AnswerJson(c.id(), c.code(), c.labelFr(), c.labelEn(), c.maxScore(),
                        given.get(c.id()))).toList();
        return new ApplicationJson(application.id(), application.version(), application.campaign().id(),
                application.campaign().code(), application.project().id(), application.project().title(),
                application.organisation().id(), application.organisation().name(), application.state().name(),
                answers, application.unanswered(), application.createdAt(), application.updatedAt(),
                application.submittedAt().orElse(null), application.decidedAt().orElse(null),
                application.weightedTotal().orElse(null), application.level().orElse(null), application.mentions(),
                application.lastReason(), possible.stream().map(action -> action.action().name()).toList(), needs);
    }
}
