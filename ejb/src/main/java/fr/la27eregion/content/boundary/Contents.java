package fr.la27eregion.content.boundary;

import fr.la27eregion.content.control.ContentTransitions;
import fr.la27eregion.content.entity.ContentAction;
import fr.la27eregion.content.entity.ContentDetails;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.content.entity.ContentState;
import fr.la27eregion.identity.control.Caller;
import fr.la27eregion.identity.control.CallerScope;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.journal.control.Journal;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.rules.RuleViolation;
import fr.la27eregion.platform.rules.StaleRecord;
import fr.la27eregion.platform.workflow.Moved;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.platform.workflow.Transitions;
import fr.la27eregion.project.control.RichText;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.referential.entity.Theme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * The secretariat's use cases on the content of the public pages: writing an item (a draft), revising it, publishing
 * and unpublishing it, and reading every item whatever its state. Writes are the secretariat's only
 * ({@code NETWORK_ADMIN}); auditors read and change nothing. Every change is version-checked ({@link StaleRecord},
 * 409) and journaled last in its transaction: the steps by {@link Transitions} ({@code content.create},
 * {@code content.publish}, {@code content.unpublish}), a revision as {@code content.update} with the names of the
 * fields that changed. The rich texts are kept as the project texts' sanitiser leaves them ({@link RichText}).
 */
@Stateless
public class Contents {

    /** The journal's word for a revision of an item's texts. */
    public static final String UPDATE = "content.update";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CallerScope callers;

    @Inject
    private Transitions transitions;

    @Inject
    private ContentTransitions workflow;

    @Inject
    private Journal journal;

    @Inject
    private Clock clock;

    /**
     * Writes a new item, a draft.
     *
     * @throws RuleViolation naming the field when a detail is wrong, or the key is taken for its kind
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public ContentItem create(ContentDetails details) {
        Caller caller = callers.caller();
        ContentItem item = ContentItem.draft(details == null ? new ContentDetails() : details, RichText::sanitise,
                caller.username(), clock.instant());
        if (item.kind() == ContentKind.THEME && em.find(Theme.class, item.key()) == null) {
            throw new RuleViolation("key", "content.rule.unknownTheme", "No theme has the code " + item.key(),
                    item.key());
        }
        if (!em.createQuery("SELECT c.id FROM ContentItem c WHERE c.kind = :kind AND c.key = :key", Long.class)
                .setParameter("kind", item.kind()).setParameter("key", item.key()).getResultList().isEmpty()) {
            throw new RuleViolation(item.kind().single() ? "kind" : "key", "content.rule.keyTaken",
                    "There is already a " + item.kind() + " item " + item.key(), item.key());
        }
        checkProjects(item.projectIds());
        return transitions.create(workflow, item, caller.actors(), ContentTransitions.describe(item)).record();
    }

    /**
     * Revises an item's texts and projects as seen at {@code versionSeen}; journaled as {@code content.update} with
     * the names of the fields that changed, when one did. Its state stays: a published item changes on the public
     * pages at once.
     *
     * @throws RecordNotFound no such item
     * @throws StaleRecord    the item changed since the caller saw it
     * @throws RuleViolation  naming the field when a detail is wrong
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public ContentItem update(long id, int versionSeen, ContentDetails details) {
        ContentItem item = find(id);
        if (item.version() != versionSeen) {
            throw new StaleRecord("This content item was changed by someone else (version " + item.version()
                    + ", not " + versionSeen + "): reload it and try again.");
        }
        SortedSet<String> changed = item.revise(details == null ? new ContentDetails() : details,
                RichText::sanitise, clock.instant());
        checkProjects(item.projectIds());
        if (!changed.isEmpty()) {
            em.flush();
            journal.append(workflow.subject(item), UPDATE, ContentItem.JOURNAL_TYPE, String.valueOf(id),
                    item.state().name(), item.state().name(), null,
                    Map.of("fields", List.copyOf(changed), "version", item.version()));
        }
        return item;
    }

    /**
     * Publishes or unpublishes an item, as seen at {@code versionSeen}.
     *
     * @throws RecordNotFound no such item
     * @throws StaleRecord    the item changed since the caller saw it
     * @throws RuleViolation  not from this state
     */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public Moved<ContentItem, ContentState, ContentAction> step(long id, int versionSeen, ContentAction action) {
        if (action == null || action == ContentAction.CREATE) {
            throw new RuleViolation("action", "content.field.required", "A step is required.");
        }
        return transitions.apply(workflow, find(id), versionSeen, action, callers.caller().actors(), null);
    }

    /** Every item, of a kind (every kind when null), whatever its state: by kind, the last changed first. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<ContentItem> list(ContentKind kind) {
        return em.createQuery("SELECT c FROM ContentItem c WHERE (:kind IS NULL OR c.kind = :kind)"
                + " ORDER BY c.kind, c.updatedAt DESC, c.id DESC", ContentItem.class)
                .setParameter("kind", kind).getResultList();
    }

    /**
     * An item, whatever its state.
     *
     * @throws RecordNotFound no such item
     */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public ContentItem find(long id) {
        ContentItem item = em.find(ContentItem.class, id);
        if (item == null) {
            throw new RecordNotFound("There is no content item " + id + ".");
        }
        return item;
    }

    /** The steps the caller may take on the item now. */
    @RolesAllowed({Role.NETWORK_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<PossibleAction<ContentState, ContentAction>> possible(ContentItem item) {
        return ContentTransitions.TABLE.possible(item.state(), callers.caller().actors());
    }

    /** The public projects, by title, for an item to point to (an explainer's, the home page's featured ones). */
    @RolesAllowed(Role.NETWORK_ADMIN_NAME)
    public List<ProjectChoice> projectChoices() {
        return em.createQuery("SELECT NEW fr.la27eregion.content.boundary.ProjectChoice(p.id, p.title)"
                        + " FROM Project p WHERE p.visibility = :public ORDER BY p.title", ProjectChoice.class)
                .setParameter("public", ProjectVisibility.PUBLIC).getResultList();
    }

    private void checkProjects(Set<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Set<Long> known = new HashSet<>(em.createQuery("SELECT p.id FROM Project p WHERE p.id IN :ids", Long.class)
                .setParameter("ids", ids).getResultList());
        for (Long id : ids) {
            if (!known.contains(id)) {
                throw new RuleViolation("projectIds", "content.rule.unknownProject", "There is no project " + id,
                        id);
            }
        }
    }
}
