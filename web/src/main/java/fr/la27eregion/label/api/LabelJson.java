package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.Label;
import fr.la27eregion.platform.workflow.PossibleAction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A label, as its holder, the secretariat and auditors read it, with the steps the caller may take now. */
@Schema(name = "Label")
public record LabelJson(
        Long id,
        @Schema(description = "The version as read: give it with a step; 409 when stale") Integer version,
        @Schema(example = "L27-2026-0042") String certificateNumber,
        @Schema(description = "The code anyone verifies the label by, on the public verification page")
        String verificationCode,
        @Schema(enumeration = {"ACTIVE", "EXPIRED", "SUSPENDED", "REVOKED", "RENEWED"}) String state,
        Long applicationId,
        Long programmeId,
        String programmeCode,
        Long projectId,
        String projectTitle,
        @Schema(description = "The holder: the applicant organisation") Long organisationId,
        String organisationName,
        Integer level,
        List<String> mentions,
        LocalDate awardedOn,
        @Schema(description = "The last day it is valid") LocalDate validUntil,
        @Schema(description = "The label of the renewal that superseded it") Long renewedByLabelId,
        @Schema(description = "The motivation of the last step that had one") String lastReason,
        Instant changedAt,
        @Schema(description = "The steps the caller may take now") List<String> actions,
        @Schema(description = "What each action needs besides the version (reason)") Map<String, List<String>> needs) {

    static LabelJson of(Label label, List<? extends PossibleAction<?, ?>> possible) {
        Map<String, List<String>> needs = new TreeMap<>();
        possible.stream().filter(action -> !action.needs().isEmpty())
                .forEach(action -> needs.put(action.action().name(), action.needs().stream().sorted().toList()));
        return new LabelJson(label.id(), label.version(), label.certificateNumber(), label.verificationCode(),
                label.state().name(), label.application().id(), label.programme().id(), label.programme().code(),
                label.project().id(), label.project().title(), label.organisation().id(), label.organisation().name(),
                label.level().orElse(null), label.mentions(), label.awardedOn(), label.validUntil(),
                label.renewedByLabelId().orElse(null), label.lastReason(), label.changedAt(),
                possible.stream().map(action -> action.action().name()).toList(), needs);
    }
}
