package fr.la27eregion.membership.entity;

/** The part a contact plays for their organisation in the network. */
public enum NetworkRole {
    /** Leads the organisation's participation; receives the membership mail. */
    COORDINATOR,
    /** Follows the network's work for a department or a topic. */
    CORRESPONDENT,
    /** Elected representative of the organisation in the network. */
    ELECTED
}
