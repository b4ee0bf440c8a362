package fr.la27eregion.membership.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.ejb.ApplicationException;

/**
 * A membership transition the workflow does not allow, with the rule broken; the API answers it with 422 and
 * the pages with a message tied to the action.
 */
@ApplicationException(rollback = true)
public class MembershipRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    /** Which rule refused the transition. */
    public enum Rule {
        /** The action is not possible from the current state. */
        NOT_FROM_THIS_STATE,
        /** The action needs a written reason and none was given. */
        REASON_REQUIRED,
        /** Activation needs the reference of the signed agreement. */
        AGREEMENT_REQUIRED,
        /** The reason is longer than a record keeps. */
        REASON_TOO_LONG,
        /** The agreement reference is longer than a record keeps. */
        AGREEMENT_TOO_LONG
    }

    private final Rule rule;

    public MembershipRefused(Rule rule, String message) {
        super(field(rule), "membership.rule." + rule.name(), message);
        this.rule = rule;
    }

    private static String field(Rule rule) {
        return switch (rule) {
            case NOT_FROM_THIS_STATE -> "action";
            case REASON_REQUIRED, REASON_TOO_LONG -> "reason";
            case AGREEMENT_REQUIRED, AGREEMENT_TOO_LONG -> "agreement";
        };
    }

    /** The refusal of an action the workflow does not allow from a state. */
    public static MembershipRefused notFromThisState(MembershipState state, MembershipAction action) {
        return new MembershipRefused(Rule.NOT_FROM_THIS_STATE, "A membership " + state + " cannot " + action);
    }

    public Rule rule() {
        return rule;
    }
}
