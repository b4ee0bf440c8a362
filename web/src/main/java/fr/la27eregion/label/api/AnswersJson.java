package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Answers to write on an application, as it was seen at a version. */
@Schema(name = "ApplicationAnswers")
public record AnswersJson(
        @Schema(required = true, description = "The application's version as the caller saw it") Integer version,
        @Schema(required = true, description = "criterionId and answer of each criterion to write (blank: remove)")
        List<ApplicationJson.AnswerJson> answers) {
}
