package fr.la27eregion.platform.web;

import fr.la27eregion.platform.rules.AccessRefused;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * Turns what a boundary refused into a message for the person, in their language: a {@link RuleViolation} beside
 * the input of its field ({@code siret}, {@code contacts[1].email}) with the bundle's text of its key, a stale
 * record, a refusal or a vanished record for the form as a whole. Anything else is not the person's to fix and
 * goes on to the error page. Every view that calls a boundary shows its refusals through here, so a rule reads
 * the same on every page.
 */
public final class RuleMessages {

    /** The bundle keys of the refusals that are not rules of a feature. */
    public static final String STALE = "platform.rule.stale";
    public static final String REFUSED = "platform.rule.refused";
    public static final String NOT_FOUND = "platform.rule.notFound";

    private RuleMessages() {
    }

    /**
     * Shows a refusal and returns quietly, or rethrows what is not a refusal.
     *
     * @param fields the client id of the input a violation's field names ({@code null}: the form as a whole)
     * @param whole  the client id whose message speaks for the form as a whole ({@code null}: the page's messages)
     */
    public static void show(RuntimeException failure, Function<String, String> fields, String whole) {
        String clientId = whole;
        String text;
        if (failure instanceof RuleViolation rule) {
            text = text(rule);
            String input = rule.field().map(fields).orElse(null);
            if (input != null) {
                clientId = input;
                markInvalid(input);
            }
        } else if (StaleRecord.isStale(failure)) {
            text = text(STALE);
        } else if (failure instanceof AccessRefused || failure instanceof EJBAccessException) {
            text = text(REFUSED);
        } else if (failure instanceof RecordNotFound) {
            text = text(NOT_FOUND);
        } else {
            throw failure;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    /** The text of a violation in the reader's language; its English message when the bundle lacks the key. */
    public static String text(RuleViolation rule) {
        try {
            return format(bundle().getString(rule.key()), rule.arguments().toArray());
        } catch (MissingResourceException unknown) {
            return rule.getMessage();
        }
    }

    /** The text of a bundle key, its arguments filled in. */
    public static String text(String key, Object... arguments) {
        return format(bundle().getString(key), arguments);
    }

    /** A label of the bundle as it is (no argument to fill in, so apostrophes stay single). */
    public static String label(String key) {
        return bundle().getString(key);
    }

    /** Shows a confirmation for the whole page. */
    public static void info(String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, text));
    }

    /** Shows an error beside an input ({@code null}: for the whole page), as a refusal would be. */
    public static void error(String clientId, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    private static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(arguments);
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    /**
     * Marks the input invalid (styled, {@code aria-invalid}), even inside a repeated row. An invalid input shows
     * its submitted value, which the model update has cleared: it is given back the value the person typed, now
     * in the model, so nothing they typed disappears.
     */
    private static void markInvalid(String clientId) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().invokeOnComponent(faces, clientId, (context, component) -> {
            if (component instanceof UIInput input) {
                Object value = input.getValue();
                Converter<Object> converter = converterOf(context, input, value);
                input.setSubmittedValue(value == null ? ""
                        : converter == null ? value.toString() : converter.getAsString(context, input, value));
                input.setValid(false);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Converter<Object> converterOf(FacesContext context, UIInput input, Object value) {
        if (input.getConverter() != null) {
            return input.getConverter();
        }
        return value == null ? null : context.getApplication().createConverter(value.getClass());
    }
}
