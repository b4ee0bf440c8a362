package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.ApplicationException;

/**
 * A step or a change of the label feature that its rules do not allow, with the rule broken: the API answers it
 * with 422, the pages with a message tied to the field ({@code label.rule.<RULE>} in the bundles).
 */
@ApplicationException(rollback = true)
public class LabelRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    /** Which rule refused. */
    public enum Rule {
        /** The action is not possible from the record's current state. */
        NOT_FROM_THIS_STATE,
        /** The action needs a written reason (a motivation) and none was given. */
        REASON_REQUIRED,
        /** The reason is longer than a record keeps. */
        REASON_TOO_LONG,
        /** Submission outside the campaign's opening. */
        CAMPAIGN_NOT_OPEN,
        /** Submission before every criterion of the grid is answered. */
        ANSWERS_MISSING,
        /** The answers are changed only while the applicant holds the application. */
        NOT_EDITABLE,
        /** An answer to a criterion the campaign's grid does not have. */
        UNKNOWN_CRITERION,
        /** An answer longer than an application keeps. */
        ANSWER_TOO_LONG,
        /** A level outside the programme's levels. */
        LEVEL_OUT_OF_RANGE,
        /** A mention the programme does not grant. */
        UNKNOWN_MENTION,
        /** A score outside the criterion's maximum. */
        SCORE_OUT_OF_RANGE,
        /** A message while the conversation is not open. */
        CONVERSATION_CLOSED
    }

    private final Rule rule;

    public LabelRefused(Rule rule, String field, String message, Object... arguments) {
        super(field, "label.rule." + rule.name(), message, arguments);
        this.rule = rule;
    }

    /** The refusal of an action the workflow does not allow from a state. */
    public static LabelRefused notFromThisState(String record, Enum<?> state, Enum<?> action) {
        return new LabelRefused(Rule.NOT_FROM_THIS_STATE, "action", "A " + record + " " + state + " cannot "
                + action, state.name(), action.name());
    }

    public Rule rule() {
        return rule;
    }
}
