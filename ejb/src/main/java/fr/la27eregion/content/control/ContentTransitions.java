package fr.la27eregion.content.control;

import fr.la27eregion.content.entity.ContentAction;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentState;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.chain.Subject;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.workflow.Actor;
import fr.la27eregion.platform.workflow.TransitionTable;
import fr.la27eregion.platform.workflow.Workflow;
import jakarta.enterprise.context.Dependent;

import java.util.LinkedHashMap;
import java.util.Map;

import static fr.la27eregion.content.entity.ContentAction.CREATE;
import static fr.la27eregion.content.entity.ContentAction.PUBLISH;
import static fr.la27eregion.content.entity.ContentAction.UNPUBLISH;
import static fr.la27eregion.content.entity.ContentState.DRAFT;
import static fr.la27eregion.content.entity.ContentState.PUBLISHED;
import static fr.la27eregion.content.entity.ContentState.UNPUBLISHED;

/**
 * The workflow of content items as {@link fr.la27eregion.platform.workflow.Transitions} applies it: its table
 * ({@link #TABLE}, the secretariat's only: {@code NETWORK_ADMIN}), the journal's words ({@code content.publish},
 * entity type {@code ContentItem}) and what the journal keeps of an item. Each entry is filed under the item itself.
 */
@Dependent
public class ContentTransitions implements Workflow<ContentItem, ContentState, ContentAction, Void> {

    /** The journal's and the metrics' word: {@code content.publish}, {@code content.transitions}. */
    public static final String NAME = "content";

    private static final Actor SECRETARIAT = Actor.of(Role.NETWORK_ADMIN);

    public static final TransitionTable<ContentState, ContentAction> TABLE =
            TransitionTable.of(ContentState.class, ContentAction.class)
                    //       from         action     to           who
                    .creates(             CREATE,    DRAFT,       SECRETARIAT)
                    .allow(  DRAFT,       PUBLISH,   PUBLISHED,   SECRETARIAT)
                    .allow(  UNPUBLISHED, PUBLISH,   PUBLISHED,   SECRETARIAT)
                    .allow(  PUBLISHED,   UNPUBLISH, UNPUBLISHED, SECRETARIAT)
                    .build();

    @Override
    public TransitionTable<ContentState, ContentAction> table() {
        return TABLE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String entityType() {
        return ContentItem.JOURNAL_TYPE;
    }

    @Override
    public Subject subject(ContentItem item) {
        return Subject.of(ContentItem.JOURNAL_TYPE, item.id());
    }

    @Override
    public Map<String, Object> details(ContentItem item) {
        return describe(item);
    }

    @Override
    public void inTransaction(ContentItem item, String act) {
        // no one is told of a content item's steps: the public pages read it as it is
    }

    @Override
    public RuntimeException notFromThisState(ContentState state, ContentAction action) {
        return new RuleViolation("action", "content.rule.notFromThisState", "A content item " + state
                + " cannot " + action, state.name(), action.name());
    }

    /** What the journal keeps of an item beside its states: what it is, its address and its version. */
    public static Map<String, Object> describe(ContentItem item) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", item.kind().name());
        details.put("key", item.key());
        details.put("title", item.titleFr());
        details.put("version", item.version());
        return details;
    }
}
