package fr.la27eregion.membership.api;

import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.platform.api.Names;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * An application to join the network: the organisation's details and its contacts. Only the shape is read here;
 * every rule (required fields, lengths, SIRET key, territory, one coordinator...) is the boundary's, answered as a
 * 422 naming the field.
 */
@Schema(name = "Application", description = "An organisation applying to join the network, with its contacts")
public record ApplicationJson(
        @Schema(required = true, maxLength = OrganisationDetails.MAX_NAME, example = "Région Bretagne") String name,
        @Schema(required = true, enumeration = {"REGIONAL_COUNCIL", "FOUNDING_PARTNER", "EUROPEAN_REGION", "ASSOCIATE"})
        String kind,
        @Schema(description = "The region's code (FR-53) for a French body (required for a regional council); the "
                + "NUTS-2 code (ES51) for a European region", example = "FR-53") String territoryCode,
        @Schema(description = "14 digits with a valid check key, required for a French body; spaces are ignored",
                example = "23350001600040") String siret,
        @Schema(maxLength = OrganisationDetails.MAX_ADDRESS) String address,
        @Schema(maxLength = OrganisationDetails.MAX_WEBSITE, example = "https://www.bretagne.bzh") String website,
        @Schema(required = true, maxItems = Organisations.MAX_CONTACTS,
                description = "One COORDINATOR at least") List<ContactJson> contacts) {

    OrganisationDetails details() {
        OrganisationDetails details = new OrganisationDetails();
        details.setName(name);
        details.setKind(Names.parse(OrganisationKind.class, kind, "kind"));
        details.setTerritoryCode(territoryCode);
        details.setSiret(siret);
        details.setAddress(address);
        details.setWebsite(website);
        return details;
    }

    /** The contacts as the boundary checks them; an empty entry stays null, for the boundary to name it. */
    List<ContactDetails> contactDetails() {
        if (contacts == null) {
            return null;
        }
        List<ContactDetails> people = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactJson contact = contacts.get(i);
            people.add(contact == null ? null : contact.details("contacts[" + i + "]"));
        }
        return people;
    }
}
