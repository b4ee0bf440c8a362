package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A reviewer's draft: the scores so far and the comments, as they saw the assessment at a version. */
@Schema(name = "AssessmentScoring")
public record ScoringJson(
        @Schema(required = true, description = "The assessment's version as the caller saw it") Integer version,
        @Schema(description = "The scores so far (the others wait); all of them replace the saved ones")
        List<AssessmentJson.ScoreJson> scores,
        @Schema(maxLength = 20000) String comments) {
}
