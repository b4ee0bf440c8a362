package fr.la27eregion.project.entity;

/**
 * Who sees a project, and the state of its workflow (DESIGN §3): a {@link #DRAFT} is seen by its lead organisation
 * only (with the secretariat and auditors); {@link #NETWORK} by the signed-in people of the network's member
 * organisations; {@link #PUBLIC} by everyone, on the public pages and the public API.
 */
public enum ProjectVisibility {
    DRAFT,
    NETWORK,
    PUBLIC
}
