package fr.la27eregion.project.entity;

/** What a partner outside the network is. */
public enum OutsidePartnerKind {
    UNIVERSITY,
    RESEARCH,
    COMPANY,
    DESIGN_STUDIO,
    ASSOCIATION,
    PUBLIC_BODY,
    LOCAL_AUTHORITY,
    OTHER
}
