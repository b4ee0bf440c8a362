package fr.la27eregion.platform.web;

import fr.la27eregion.journal.entity.JournalEntry;
import jakarta.faces.context.FacesContext;

import java.io.Serializable;
import java.time.Instant;
import java.util.ResourceBundle;

/**
 * A journal entry as a record's timeline shows it on its page (a project's, a label's): when, who ({@code system}
 * for the daily jobs), what, the states before and after, the reason given.
 */
public record JournalLine(Instant at, String action, String actor, String before, String after, String reason)
        implements Serializable {

    public static JournalLine of(JournalEntry entry) {
        return new JournalLine(entry.recordedAt(), entry.action(), entry.actor(), entry.stateBefore().orElse(null),
                entry.stateAfter().orElse(null), entry.reason().orElse(null));
    }

    /**
     * The name of a journal entry's act in the reader's language ({@code journal.action.<action>}, as the
     * membership timeline names its acts); the action's own name when the bundle has none.
     */
    public static String actionLabel(String action) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String key = "journal.action." + action;
        return bundle.containsKey(key) ? bundle.getString(key) : action;
    }
}
