package fr.la27eregion.membership.web;

import fr.la27eregion.membership.boundary.Organisations;
import fr.la27eregion.membership.entity.ContactDetails;
import fr.la27eregion.membership.entity.Membership;
import fr.la27eregion.membership.entity.NetworkRole;
import fr.la27eregion.membership.entity.OrganisationDetails;
import fr.la27eregion.membership.entity.OrganisationKind;
import fr.la27eregion.platform.limits.ClientLimits;
import fr.la27eregion.platform.limits.LimitReached;
import fr.la27eregion.platform.limits.LimitSettings;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs {@code join.xhtml}: an organisation that is not a member yet applies to join the network, naming its
 * coordinator and up to nine other contacts. Anyone may apply (there is no account yet); the secretariat's review
 * is the gate. Thin: {@link Organisations#apply} checks every field and rule, and its refusal is shown beside the
 * field it names. Applications are limited per client address (each one mails the coordinator named): past the
 * limit the form says kindly when to try again.
 */
@Named
@ViewScoped
public class JoinView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The form's id, which prefixes the client id of every input. */
    static final String FORM = "join";

    @Inject
    private Organisations organisations;

    @Inject
    private MembershipChoices choices;

    @Inject
    private ClientLimits limits;

    @Inject
    private LimitSettings limitSettings;

    private final OrganisationDetails details = new OrganisationDetails();
    private final List<ContactDetails> contacts = new ArrayList<>(List.of(coordinator()));

    /** The application made, once the form is sent. */
    private Long membershipId;
    private String appliedName;
    private String coordinatorEmail;

    public void submit() {
        try {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest();
            Membership membership = limits.within(limitSettings.applications(), limits.clientAddress(request),
                    () -> organisations.apply(details, contacts));
            membershipId = membership.id();
            appliedName = membership.organisation().name();
            coordinatorEmail = contacts.stream().filter(c -> c.getNetworkRole() == NetworkRole.COORDINATOR)
                    .map(ContactDetails::getEmail).findFirst().orElse("");
        } catch (RuleViolation refused) {
            RuleMessages.show(refused, field -> clientId(field, details.getKind()), null);
        } catch (LimitReached limited) {
            // at the top of the form, in the error summary that is read out and focused; nothing typed is lost
            RuleMessages.error(null, "join.limitReached", limited.retryAfterMinutes());
        }
    }

    /** The input of a violation's field: {@code contacts[1].email} is {@code join:contacts:1:email}. */
    static String clientId(String field, OrganisationKind kind) {
        if ("territoryCode".equals(field)) {
            return FORM + ":" + (kind == OrganisationKind.EUROPEAN_REGION ? "nuts" : "region");
        }
        return FORM + ":" + field.replaceAll("\\[(\\d+)]\\.?", ":$1:").replaceAll(":$", "");
    }

    /** A change of kind shows the region list or the NUTS-2 field: a code of the other one no longer applies. */
    public void kindChanged() {
        String code = details.getTerritoryCode();
        if (code != null && choices.isRegion(code) == (details.getKind() == OrganisationKind.EUROPEAN_REGION)) {
            details.setTerritoryCode(null);
        }
    }

    public void addContact() {
        if (contacts.size() < Organisations.MAX_CONTACTS) {
            contacts.add(new ContactDetails());
        }
    }

    public void removeContact(int index) {
        if (contacts.size() > 1 && index >= 0 && index < contacts.size()) {
            contacts.remove(index);
        }
    }

    public boolean isEuropean() {
        return details.getKind() == OrganisationKind.EUROPEAN_REGION;
    }

    public boolean isCouncil() {
        return details.getKind() == OrganisationKind.REGIONAL_COUNCIL;
    }

    public boolean isDone() {
        return membershipId != null;
    }

    public boolean isMoreContactsAllowed() {
        return contacts.size() < Organisations.MAX_CONTACTS;
    }

    public OrganisationDetails getDetails() {
        return details;
    }

    public List<ContactDetails> getContacts() {
        return contacts;
    }

    public Long getMembershipId() {
        return membershipId;
    }

    public String getAppliedName() {
        return appliedName;
    }

    public String getCoordinatorEmail() {
        return coordinatorEmail;
    }

    private static ContactDetails coordinator() {
        ContactDetails coordinator = new ContactDetails();
        coordinator.setNetworkRole(NetworkRole.COORDINATOR);
        return coordinator;
    }
}
