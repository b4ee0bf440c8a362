package fr.la27eregion.platform.web;

import fr.la27eregion.journal.chain.ChainProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
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

    /** Where the bundle names the states of each entity type the journal writes (a project has two machines). */
    private static final Map<String, List<String>> STATES = Map.of(
            "Membership", List.of("membership.MembershipState."),
            "LabelApplication", List.of("label.ApplicationState."),
            "Assessment", List.of("label.AssessmentState."),
            "Label", List.of("label.LabelState."),
            "Project", List.of("project.ProjectVisibility.", "project.ProjectStage."),
            "ContentItem", List.of("content.ContentState."));

    /** The name of a state of a record of {@code entityType} in the reader's language (the state itself if none). */
    public String state(String entityType, String state) {
        if (state == null) {
            return "";
        }
        for (String prefix : STATES.getOrDefault(entityType == null ? "" : entityType, List.of())) {
            String word = word(prefix + state, null);
            if (word != null) {
                return word;
            }
        }
        return state;
    }

    /** The name of an entity type of the journal ({@code Membership}) in the reader's language. */
    public String entity(String entityType) {
        return entityType == null ? "" : word("journal.entity." + entityType, entityType);
    }

    /**
     * Why a verification failed, in the reader's language ({@code integrity.problem.<KIND>}); in English when the
     * bundle has no sentence for it. Empty for no problem.
     */
    public String problem(ChainProblem reason) {
        if (reason == null) {
            return "";
        }
        String pattern = word("integrity.problem." + reason.kind().name(), null);
        return pattern == null ? reason.english()
                : new MessageFormat(pattern, FacesContext.getCurrentInstance().getViewRoot().getLocale())
                .format(reason.args().toArray());
    }

    /** The message of {@code key} in the reader's language, or {@code fallback} when the bundle has none. */
    public String word(String key, String fallback) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
