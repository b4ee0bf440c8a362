package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.CriterionDetails;
import fr.la27eregion.label.entity.ScoringCriterion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** A criterion of a scoring grid. */
@Schema(name = "Criterion")
public record CriterionJson(
        @Schema(readOnly = true) Long id,
        @Schema(required = true, example = "user-centred", description = "Small letters, digits, - or _")
        String code,
        @Schema(required = true, maxLength = CriterionDetails.MAX_LABEL) String labelFr,
        @Schema(required = true, maxLength = CriterionDetails.MAX_LABEL) String labelEn,
        @Schema(maxLength = CriterionDetails.MAX_GUIDANCE) String guidanceFr,
        @Schema(maxLength = CriterionDetails.MAX_GUIDANCE) String guidanceEn,
        @Schema(required = true, minimum = "0", exclusiveMinimum = true, maximum = "999.99") BigDecimal weight,
        @Schema(required = true, minimum = "1", maximum = "100") Integer maxScore) {

    static CriterionJson of(ScoringCriterion criterion) {
        return new CriterionJson(criterion.id(), criterion.code(), criterion.labelFr(), criterion.labelEn(),
                criterion.guidanceFr(), criterion.guidanceEn(), criterion.weight(), criterion.maxScore());
    }

    CriterionDetails details() {
        return new CriterionDetails(code, labelFr, labelEn, guidanceFr == null ? "" : guidanceFr,
                guidanceEn == null ? "" : guidanceEn, weight, maxScore);
    }
}
