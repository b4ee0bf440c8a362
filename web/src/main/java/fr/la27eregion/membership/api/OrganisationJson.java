package fr.la27eregion.membership.api;

import fr.la27eregion.membership.entity.Organisation;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.membership.entity.ProposedRegion;
import fr.la27eregion.referential.entity.Territory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public profile of an organisation. The same for every caller: its contacts and memberships are not public
 * and have their own resources, which say 403 to whoever may not read them rather than silently leaving them out.
 */
@Schema(name = "Organisation", description = "The public profile of an organisation of the network")
public record OrganisationJson(
        long id,
        @Schema(example = "Région Bretagne") String name,
        @Schema(type = SchemaType.STRING, enumeration = {"REGIONAL_COUNCIL", "FOUNDING_PARTNER", "EUROPEAN_REGION",
                "ASSOCIATE"}) OrganisationKind kind,
        @Schema(description = "The region's code (FR-53) or a European region's NUTS-2 code; absent when none",
                example = "FR-53") String territoryCode,
        @Schema(example = "Bretagne") String territoryName,
        @Schema(description = "A European region's NUTS-2 code proposed by its application and not in the "
                + "referential yet: it is added when the secretariat approves the application; absent otherwise",
                example = "PT17") String proposedTerritoryCode,
        @Schema(description = "14 digits, for a French body", example = "23350001600040") String siret,
        String address,
        @Schema(example = "https://www.bretagne.bzh") String website) {

    static OrganisationJson of(Organisation organisation) {
        return new OrganisationJson(organisation.id(), organisation.name(), organisation.kind(),
                organisation.territory().map(Territory::code).orElse(null),
                organisation.territory().map(Territory::name).orElse(null),
                organisation.proposedRegion().map(ProposedRegion::code).orElse(null), organisation.siret().orElse(null),
                organisation.address().orElse(null), organisation.website().orElse(null));
    }
}
