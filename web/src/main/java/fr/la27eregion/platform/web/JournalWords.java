package fr.la27eregion.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.ResourceBundle;

/**
 * The journal's words in the reader's language, for the timelines of every record: an act
 * ({@code membership.renew}, {@code project.publish}, {@code label-application.submit}...) by its key
 * {@code journal.action.<act>} in the messages, a state by the key its page gives; the journal's own word when the
 * bundle has none, so a new act shows as itself rather than not at all. Pages write
 * {@code #{journalWords.action(entry.action())}}.
 */
@Named
@ApplicationScoped
public class JournalWords {

    /** The prefix of an act's name in the messages. */
    public static final String ACTION = "journal.action.";

    /** The name of a journal entry's act in the reader's language. */
    public String action(String action) {
        return word(ACTION + action, action);
    }

    /** The message of {@code key} in the reader's language, or {@code fallback} when the bundle has none. */
    public String word(String key, String fallback) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
