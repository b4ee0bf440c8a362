package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.ApplicationException;

/**
 * A step of the review that its rules do not allow (assignment, scoring, submission), with the rule broken: the
 * API answers it with 422 and the rule's key ({@code label.review.rule.<RULE>} in the bundles), the pages with a
 * message beside the field. The workflow's own refusals (not from this state, a reason missing) stay
 * {@link LabelRefused}'s.
 */
@ApplicationException(rollback = true)
public class ReviewRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    /** Which rule refused. */
    public enum Rule {
        /** The reviewer's organisation is the applicant or a member partner of the application's project. */
        CONFLICT_OF_INTEREST,
        /** The account is not an enabled reviewer. */
        NOT_A_REVIEWER,
        /** The reviewer is already assigned to the application (or was, and recused). */
        ALREADY_ASSIGNED,
        /** The application has as many reviewers as its programme asks. */
        REVIEWERS_COMPLETE,
        /** The application is not with the reviewers (not submitted, or already reviewed, decided, withdrawn). */
        NOT_IN_REVIEW,
        /** The due date is missing or already past. */
        DUE_DATE,
        /** A score for a criterion the campaign's grid does not have. */
        UNKNOWN_CRITERION,
        /** A score outside 0 to the criterion's maximum. */
        SCORE_OUT_OF_RANGE,
        /** A submission before every criterion has its score. */
        SCORES_MISSING,
        /** Comments longer than an assessment keeps. */
        COMMENTS_TOO_LONG
    }

    private final Rule rule;

    public ReviewRefused(Rule rule, String field, String message, Object... arguments) {
        super(field, "label.review.rule." + rule.name(), message, arguments);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
