package fr.la27eregion.membership.boundary;

import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.OrganisationKind;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What anyone may know of an organisation of the network: who it is, where, and where its current membership
 * stands. Nothing of its contacts, fee, agreement or reasons.
 */
public record PublicMember(long organisationId, String name, OrganisationKind kind, String territoryCode,
                           String territoryName, String website, MembershipState state, LocalDate memberUntil)
        implements Serializable {

    // JavaBeans getters for Facelets expressions
    public long getOrganisationId() {
        return organisationId;
    }

    public String getName() {
        return name;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public String getTerritoryCode() {
        return territoryCode;
    }

    public String getTerritoryName() {
        return territoryName;
    }

    public String getWebsite() {
        return website;
    }

    public MembershipState getState() {
        return state;
    }

    public LocalDate getMemberUntil() {
        return memberUntil;
    }
}
