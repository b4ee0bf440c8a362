package fr.la27eregion.membership.api;

import fr.la27eregion.membership.boundary.PublicMember;
import fr.la27eregion.membership.entity.MembershipState;
import fr.la27eregion.membership.entity.OrganisationKind;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** An organisation of the members list, as anyone may see it: nothing of its contacts, fee or reasons. */
@Schema(name = "PublicMember", description = "A member of the network, as the public list shows it")
public record PublicMemberJson(
        @Schema(description = "The organisation's id") long id,
        @Schema(example = "Région Bretagne") String name,
        @Schema(type = SchemaType.STRING, enumeration = {"REGIONAL_COUNCIL", "FOUNDING_PARTNER", "EUROPEAN_REGION",
                "ASSOCIATE"}) OrganisationKind kind,
        @Schema(description = "The region's code (FR-53) or a European region's NUTS-2 code; absent when none",
                example = "FR-53") String territoryCode,
        @Schema(example = "Bretagne") String territoryName,
        @Schema(example = "https://www.bretagne.bzh") String website,
        @Schema(type = SchemaType.STRING, enumeration = {"APPLIED", "UNDER_REVIEW", "APPROVED", "ACTIVE", "REJECTED",
                "WITHDRAWN", "SUSPENDED", "LAPSED", "TERMINATED"},
                description = "Where its current membership stands") MembershipState membershipState,
        @Schema(type = SchemaType.STRING, format = "date", description = "The end of its current period (ISO date), "
                + "once active", example = "2027-03-31")
        LocalDate memberUntil) {

    static PublicMemberJson of(PublicMember member) {
        return new PublicMemberJson(member.organisationId(), member.name(), member.kind(), member.territoryCode(),
                member.territoryName(), member.website(), member.state(), member.memberUntil());
    }
}
