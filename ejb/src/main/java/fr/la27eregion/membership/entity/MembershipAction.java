package fr.la27eregion.membership.entity;

/**
 * What can happen to a membership, named as a verb; each is allowed from the states the workflow table lists.
 * {@link #APPLY} is the step that creates one: it has no state before.
 */
public enum MembershipAction {
    APPLY,
    REVIEW,
    APPROVE,
    REJECT,
    ACTIVATE,
    WITHDRAW,
    SUSPEND,
    REINSTATE,
    LAPSE,
    RENEW,
    TERMINATE
}
