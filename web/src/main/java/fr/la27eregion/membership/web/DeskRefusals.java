package fr.la27eregion.membership.web;

import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import fr.la27eregion.platform.web.RuleMessages;

import java.util.function.Function;

/**
 * What a boundary refused on the desk, in the words of the desk's dialog: a broken {@link RuleViolation} beside the
 * field it names, and for a stale version or a record gone, a message that says the list behind the dialog is
 * already up to date. Anything else is not the person's to fix and goes on to the error page. The other pages use
 * {@link RuleMessages#show} (its stale message asks to reload the page).
 */
final class DeskRefusals {

    private DeskRefusals() {
    }

    /**
     * Shows the refusal beside the input the rule names and marks the request as failed, or rethrows what is not a
     * refusal.
     *
     * @param clientIdOf the client id of the input for a rule's field (a field the page has no input for maps to the
     *                   form's general message)
     */
    static void show(RuntimeException failure, Function<String, String> clientIdOf) {
        String clientId;
        String text;
        if (failure instanceof RuleViolation rule) {
            clientId = clientIdOf.apply(rule.field().orElse(""));
            text = RuleMessages.text(rule);
        } else if (failure instanceof StaleRecord) {
            clientId = clientIdOf.apply("");
            text = RuleMessages.text("desk.stale");
        } else if (failure instanceof RecordNotFound || failure instanceof AccessRefused) {
            clientId = clientIdOf.apply("");
            text = RuleMessages.text("desk.refused");
        } else {
            throw failure;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }
}
