package fr.la27eregion.membership.entity;

/**
 * What an actor gives with a membership's action: the motivation (to reject, suspend, terminate), the reference of
 * the signed agreement (to activate), and the day in France the periods count from (today, except for the demo
 * data, whose histories began before they were loaded).
 */
public record MembershipInputs(String reason, String agreement, java.time.LocalDate today) {

    /** The input an activation needs besides the version, as the table's line and the API's field name it. */
    public static final String AGREEMENT = "agreement";
}
