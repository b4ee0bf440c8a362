package fr.la27eregion.membership.web;

import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Carries an {@link OrganisationChoice} through a form as its id, and finds the organisation again when the form
 * comes back: an id that names no organisation is refused with the accounts' rule message, beside the field.
 * A CDI bean used by its name ({@code converter="#{organisationChoiceConverter}"}), so that the boundary is
 * injected whatever the Faces implementation does with converters declared by annotation.
 */
@Named
@ApplicationScoped
public class OrganisationChoiceConverter implements Converter<OrganisationChoice> {

    @Inject
    private Organisations organisations;

    @Override
    public OrganisationChoice getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OrganisationChoice.of(organisations.find(Long.parseLong(value.strip())));
        } catch (NumberFormatException | RecordNotFound unknown) {
            String text = RuleMessages.text("identity.rule.unknownOrganisation", value.strip());
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text), unknown);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, OrganisationChoice value) {
        return value == null ? "" : String.valueOf(value.id());
    }
}
