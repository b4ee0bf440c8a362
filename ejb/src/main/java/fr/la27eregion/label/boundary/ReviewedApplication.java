package fr.la27eregion.label.boundary;

import fr.la27eregion.label.entity.ApplicationState;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A label application as the review reads it: what is assessed (the project's title, the answers to the frozen
 * grid's criteria, the criteria themselves) and, unless the reader is a reviewer in a blind programme, who applies
 * (the applicant organisation, the project's member partners). For a reviewer of a blind programme the identity
 * fields are null and empty: it is never sent, rather than hidden by a page. Not the entity, which carries all of it.
 *
 * @param identityHidden whether the applicant's identity was left out (a reviewer, blind programme)
 * @param applicant      the applicant organisation's name, null when hidden
 * @param partners       the project's member partners' names, empty when hidden
 * @param weightedTotal  the mean of the submitted assessments' totals, for the secretariat and the jury; null for
 *                       reviewers and before the review is complete
 */
public record ReviewedApplication(long id, ApplicationState state, String campaignCode, String programmeCode,
                                  String programmeNameFr, String programmeNameEn, boolean blind,
                                  boolean identityHidden, String projectTitle, List<Criterion> criteria,
                                  Map<Long, String> answers, String applicant, List<String> partners,
                                  BigDecimal weightedTotal, int reviewersPerApplication)
        implements java.io.Serializable {

    /** A criterion of the campaign's frozen grid, as a reviewer scores it. */
    public record Criterion(long id, String code, String labelFr, String labelEn, String guidanceFr,
                            String guidanceEn, BigDecimal weight, int maxScore)
            implements java.io.Serializable {
    }
}
