package fr.la27eregion.membership.api;

import fr.la27eregion.membership.entity.Contact;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.platform.api.Names;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person of an organisation, as read by the organisation's readers and as given in an application. Names of
 * roles are the enumeration's constants; an unknown one is a 400 that lists them (see {@link Names}).
 */
@Schema(name = "Contact", description = "A person of an organisation; not public")
public record ContactJson(
        @Schema(readOnly = true) Long id,
        @Schema(required = true, maxLength = ContactDetails.MAX_NAME, example = "Camille Le Gall") String fullName,
        @Schema(required = true, maxLength = 254, example = "camille.legall@example.fr") String email,
        @Schema(maxLength = ContactDetails.MAX_JOB_TITLE, example = "Cheffe de projet innovation") String jobTitle,
        @Schema(enumeration = {"COORDINATOR", "CORRESPONDENT", "ELECTED"}, defaultValue = "CORRESPONDENT",
                description = "An application names one COORDINATOR at least") String networkRole,
        @Schema(enumeration = {"fr", "en"}, defaultValue = "fr", description = "The language of their mail")
        String language,
        @Schema(readOnly = true) Integer version) {

    static ContactJson of(Contact contact) {
        return new ContactJson(contact.id(), contact.fullName(), contact.email(), contact.jobTitle().orElse(null),
                contact.networkRole().name(), contact.language(), contact.version());
    }

    /** The details as the boundary checks them; what is absent keeps the form's defaults (correspondent, French). */
    ContactDetails details(String field) {
        ContactDetails details = new ContactDetails();
        details.setFullName(fullName);
        details.setEmail(email);
        details.setJobTitle(jobTitle);
        NetworkRole role = Names.parse(NetworkRole.class, networkRole, field + ".networkRole");
        if (role != null) {
            details.setNetworkRole(role);
        }
        if (language != null) {
            details.setLanguage(language);
        }
        return details;
    }
}
