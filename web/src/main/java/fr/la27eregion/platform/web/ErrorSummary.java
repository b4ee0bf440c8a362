package fr.la27eregion.platform.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The errors of the submitted form, for the summary at its top ({@code WEB-INF/includes/error-summary.xhtml}):
 * each error's text and the input it is about, so the summary links to the input (RGAA 11.10, WCAG 3.3.1).
 * The messages stay beside their inputs too. Also says whether the page has messages of its own, so a page can
 * move the focus to them after an ajax update.
 */
@Named
@RequestScoped
public class ErrorSummary {

    /** One error: its text, and the client id of its input ({@code null} for the form as a whole). */
    public record Error(String clientId, String text) implements Serializable {
    }

    /** Whether there are messages for the page as a whole (a confirmation, a refusal tied to no input). */
    public boolean isPageMessages() {
        return FacesContext.getCurrentInstance().getMessages(null).hasNext();
    }

    /**
     * Whether the errors are all about the form as a whole (a limit reached, a record changed meanwhile, a refusal):
     * then the summary's heading says the form was not sent, not that it "contains errors" the person could fix.
     */
    public boolean isOnlyForTheWhole() {
        List<Error> errors = getErrors();
        return !errors.isEmpty() && errors.stream().allMatch(error -> error.clientId() == null);
    }

    /**
     * The errors so far. Read anew each time: the page asks while the request is processed (whether the summary
     * is rendered) before the use case has refused anything.
     */
    public List<Error> getErrors() {
        List<Error> errors = new ArrayList<>();
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String clientId = ids.next();
            for (Iterator<FacesMessage> messages = faces.getMessages(clientId); messages.hasNext(); ) {
                FacesMessage message = messages.next();
                if (FacesMessage.SEVERITY_ERROR.equals(message.getSeverity())) {
                    errors.add(new Error(clientId, message.getSummary()));
                }
            }
        }
        return errors;
    }
}
