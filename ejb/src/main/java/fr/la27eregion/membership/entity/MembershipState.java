package fr.la27eregion.membership.entity;

/** Where a membership stands, named as a condition (DESIGN §3 "Membership"). */
public enum MembershipState {
    APPLIED,
    UNDER_REVIEW,
    APPROVED,
    ACTIVE,
    REJECTED,
    WITHDRAWN,
    SUSPENDED,
    LAPSED,
    TERMINATED
}
