package fr.la27eregion.project.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.ApplicationException;

/**
 * A step of a project's workflows that the rules do not allow, with the rule broken: the API answers it with 422,
 * the pages with a message tied to the action or the reason.
 */
@ApplicationException(rollback = true)
public class ProjectRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    /** Which rule refused the step. */
    public enum Rule {
        /** The action is not possible from the current visibility or stage. */
        NOT_FROM_THIS_STATE,
        /** The action needs a written reason and none was given. */
        REASON_REQUIRED,
        /** The reason is longer than a record keeps. */
        REASON_TOO_LONG
    }

    private final Rule rule;

    public ProjectRefused(Rule rule, String message, Object... arguments) {
        super(rule == Rule.NOT_FROM_THIS_STATE ? "action" : "reason", "project.rule." + rule.name(), message,
                arguments);
        this.rule = rule;
    }

    /** The refusal of an action the workflow does not allow from a state. */
    public static ProjectRefused notFromThisState(Enum<?> state, Enum<?> action) {
        return new ProjectRefused(Rule.NOT_FROM_THIS_STATE, "A project " + state + " cannot " + action, state.name(),
                action.name());
    }

    public Rule rule() {
        return rule;
    }
}
