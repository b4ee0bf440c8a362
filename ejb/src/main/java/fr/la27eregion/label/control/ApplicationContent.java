package fr.la27eregion.label.control;

import java.time.Instant;
import java.util.List;

/**
 * What the PDF of a label application shows ({@link ApplicationPdf}), in the reader's language already: the
 * boundary fills it for one caller, so what a reader may not see (the applicant, in a blind programme, for a
 * reviewer) is never in it, rather than left out by the drawing.
 *
 * @param applicant the organisation, its people and the project's partners; null when hidden from the reader
 */
public record ApplicationContent(long applicationId, String programmeName, String campaignTitle,
                                 String campaignCode, String projectTitle, String state, Instant submittedAt,
                                 List<Answer> answers, List<String> attachments, Applicant applicant) {

    /** A criterion of the campaign's grid, its guidance and the applicant's answer (null: none yet). */
    public record Answer(String criterion, String guidance, String text) {
    }

    /**
     * Who applies: the organisation, the people named for the application (the project's contact, who drafted
     * it), the project's partners.
     */
    public record Applicant(String organisation, List<String> people, List<String> partners) {
    }
}
