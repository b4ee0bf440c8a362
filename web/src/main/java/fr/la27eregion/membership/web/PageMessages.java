package fr.la27eregion.membership.web;

import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The words of the membership pages, in the reader's language: what a boundary refused, as a message beside the
 * field it names (a broken {@link RuleViolation}, by its key in the bundle; "changed by someone else" for a stale
 * version; a plain refusal for a record gone or an act not allowed; anything else is not the person's to fix and
 * goes on to the error page), confirmations, and the bundle's labels and patterns for the beans.
 */
final class PageMessages {

    private PageMessages() {
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
            text = format(rule.key(), rule.arguments().toArray());
        } else if (failure instanceof StaleRecord) {
            clientId = clientIdOf.apply("");
            text = format("desk.stale");
        } else if (failure instanceof RecordNotFound || failure instanceof AccessRefused) {
            clientId = clientIdOf.apply("");
            text = format("desk.refused");
        } else {
            throw failure;
        }
        addError(clientId, text);
    }

    /** Shows an error of the page itself (nothing chosen, say) beside an input. */
    static void error(String clientId, String key, Object... arguments) {
        addError(clientId, format(key, arguments));
    }

    private static void addError(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    /** Shows a confirmation for the whole page. */
    static void info(String key, Object... arguments) {
        String text = format(key, arguments);
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** A label of the bundle as it is (an enum's name, say: not a pattern, its apostrophes are plain). */
    static String label(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString(key);
    }

    /** A message of the bundle in the reader's language, filled in: a pattern, its apostrophes doubled. */
    static String format(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(arguments);
    }
}
