package fr.la27eregion.membership.entity;

/**
 * A membership transition the workflow does not allow, with the rule broken; the API answers it with 422 and
 * the pages with a message tied to the action.
 */
public class MembershipRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which rule refused the transition. */
    public enum Rule {
        /** The action is not possible from the current state. */
        NOT_FROM_THIS_STATE,
        /** The action needs a written reason and none was given. */
        REASON_REQUIRED,
        /** Activation needs the reference of the signed agreement. */
        AGREEMENT_REQUIRED
    }

    private final Rule rule;

    public MembershipRefused(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
