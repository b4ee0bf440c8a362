package fr.la27eregion.label.entity;

/** Which side of an application's conversation wrote a message. */
public enum MessageSide {
    /** The network's secretariat. */
    SECRETARIAT,
    /** The applicant organisation's people. */
    APPLICANT
}
