package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.CriterionDetails;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ProgrammeDetails;
import fr.la27eregion.label.entity.ScoringGrid;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A label programme with the latest version of its grid. */
@Schema(name = "LabelProgramme")
public record ProgrammeJson(
        @Schema(readOnly = true) Long id,
        @Schema(description = "The version as read: required to revise it, 409 when someone changed it since")
        Integer version,
        @Schema(required = true, example = "INNOVATION-PUBLIQUE", description = "Capitals, digits, - or _; set once")
        String code,
        @Schema(required = true, maxLength = ProgrammeDetails.MAX_NAME) String nameFr,
        @Schema(required = true, maxLength = ProgrammeDetails.MAX_NAME) String nameEn,
        @Schema(minimum = "1", maximum = "10", defaultValue = "2") Integer reviewersPerApplication,
        @Schema(minimum = "1", maximum = "240", defaultValue = "24") Integer validityMonths,
        @Schema(defaultValue = "true") Boolean renewable,
        @Schema(minimum = "1", maximum = "10", description = "Levels the jury grants (1 to levels); none when absent")
        Integer levels,
        @Schema(description = "The special mentions the jury may grant") List<String> mentions,
        @Schema(defaultValue = "false", description = "Reviewers do not see the applicant's identity") Boolean blind,
        @Schema(defaultValue = "false", description = "A reviewer sees the others' scores once theirs is submitted")
        Boolean scoresOpenAfterSubmit,
        @Schema(readOnly = true, description = "The latest grid version (a new campaign freezes it)")
        Integer gridVersion,
        @Schema(readOnly = true) Long gridId,
        @Schema(description = "The criteria: required at creation; the latest grid's when read") List<CriterionJson> criteria) {

    static ProgrammeJson of(LabelProgramme programme, ScoringGrid grid) {
        return new ProgrammeJson(programme.id(), programme.version(), programme.code(), programme.nameFr(),
                programme.nameEn(), programme.reviewersPerApplication(), programme.validityMonths(),
                programme.renewable(), programme.levels().orElse(null), programme.mentions(), programme.blind(),
                programme.scoresOpenAfterSubmit(), grid == null ? null : grid.gridVersion(),
                grid == null ? null : grid.id(),
                grid == null ? List.of() : grid.criteria().stream().map(CriterionJson::of).toList());
    }

    ProgrammeDetails details() {
        ProgrammeDetails details = new ProgrammeDetails();
        details.setCode(code);
        details.setNameFr(nameFr);
        details.setNameEn(nameEn);
        if (reviewersPerApplication != null) {
            details.setReviewersPerApplication(reviewersPerApplication);
        }
        if (validityMonths != null) {
            details.setValidityMonths(validityMonths);
        }
        details.setRenewable(renewable == null || renewable);
        details.setLevels(levels);
        details.setMentions(mentions);
        details.setBlind(blind != null && blind);
        details.setScoresOpenAfterSubmit(scoresOpenAfterSubmit != null && scoresOpenAfterSubmit);
        return details;
    }

    List<CriterionDetails> criteriaDetails() {
        return criteria == null ? List.of() : criteria.stream().map(c -> c == null ? null : c.details()).toList();
    }
}
