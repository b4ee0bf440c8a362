package fr.la27eregion.identity.web;

import fr.la27eregion.identity.entity.AccountRuleViolation;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Turns what a boundary refused into a message for the person, in their language, tied to a field when one is
 * named: the rule broken (from the bundle, {@code identity.rule.*}) or "changed by someone else" for a stale
 * version. Anything else is not the person's to fix and goes to the error page.
 */
final class RuleMessages {

    private RuleMessages() {
    }

    /** Shows the refusal and returns quietly, or rethrows what is not a refusal. */
    static void show(RuntimeException failure, String clientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String text;
        if (failure instanceof AccountRuleViolation rule) {
            text = MessageFormat.format(bundle.getString(rule.key()), rule.arguments().toArray());
        } else if (stale(failure)) {
            text = bundle.getString("identity.rule.stale");
        } else {
            throw failure;
        }
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    /** Shows a confirmation for the whole page. */
    static void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = MessageFormat.format(faces.getApplication().getResourceBundle(faces, "msg").getString(key),
                arguments);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    private static boolean stale(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
            if (!(cause instanceof EJBException) && cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
