package fr.la27eregion.label.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A campaign as the juries page lists it: when its jury meets, who chairs it, and where its applications stand.
 *
 * @param waiting   applications still with the applicant or the reviewers (submitted, changes requested, in review)
 * @param reviewed  applications reviewed, waiting for the jury's decision
 * @param decided   applications awarded or rejected
 * @param ready     whether the chair was told the campaign is ready for the jury
 */
public record JuryCampaign(long id, String code, String titleFr, String titleEn, Instant closesAt,
                           LocalDate juryOn, String chairName, long waiting, long reviewed, long decided,
                           boolean ready) implements Serializable {

    /**
     * Where the jury stands: {@code IN_REVIEW} while applications are with the applicant or the reviewers,
     * {@code READY} when reviewed ones wait for the jury and no other, {@code DECIDED} when every one is decided,
     * {@code EMPTY} with no application through the review.
     */
    public String status() {
        if (waiting > 0) {
            return "IN_REVIEW";
        }
        if (reviewed > 0) {
            return "READY";
        }
        return decided > 0 ? "DECIDED" : "EMPTY";
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleFr;
    }
}
