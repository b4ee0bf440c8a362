package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.Contents;
import fr.la27eregion.content.boundary.ProjectChoice;
import fr.la27eregion.content.entity.ContentAction;
import fr.la27eregion.content.entity.ContentDetails;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.content.entity.ContentState;
import fr.la27eregion.identity.entity.Role;
import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.RuleMessages;
import fr.la27eregion.platform.workflow.PossibleAction;
import fr.la27eregion.project.control.RichText;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * Backs {@code app/content/edit.xhtml}: a new item ({@code ?kind=EXPLAINER}) or an existing one ({@code ?id=N}),
 * French and English side by side, the texts with a preview of what the server keeps (its own sanitiser), the
 * projects it points to, and the steps (publish, unpublish) as of the version shown. Thin: {@link Contents} checks
 * the right, the version and the fields, and journals.
 */
@Named
@ViewScoped
public class ContentEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The inputs of the form, by the field a refusal names. */
    private static final Set<String> INPUTS = Set.of("kind", "key", "titleFr", "titleEn", "summaryFr", "summaryEn",
            "bodyFr", "bodyEn", "projectIds");

    @Inject
    private Contents contents;

    private String requestedId;
    private String requestedKind;
    private Long id;
    private int version;
    private ContentState state;
    private ContentDetails form;
    private List<PossibleAction<ContentState, ContentAction>> possible = List.of();
    private List<ProjectChoice> projectChoices = List.of();
    private boolean notFound;
    private boolean refused;

    /** Reads the item asked for, or starts a new one of the kind asked for; a 404 or 403 otherwise. */
    public void load() {
        if (form != null) {
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        if (!external.isUserInRole(Role.NETWORK_ADMIN_NAME)) {
            refused = true;
            external.setResponseStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            if (requestedId != null && !requestedId.isBlank()) {
                show(contents.find(Long.parseLong(requestedId.strip())));
            } else {
                form = new ContentDetails();
                form.setKind(ContentKind.valueOf(requestedKind == null ? "" : requestedKind.strip()));
            }
            projectChoices = contents.projectChoices();
        } catch (IllegalArgumentException | RecordNotFound unknown) {
            notFound = true;
            external.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void show(ContentItem item) {
        id = item.id();
        version = item.version();
        state = item.state();
        form = ContentDetails.of(item);
        possible = contents.possible(item);
    }

    /** Writes or revises the item; a refusal is shown beside its field. */
    public String save() {
        try {
            ContentItem saved = id == null ? contents.create(form) : contents.update(id, version, form);
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info("content.saved", saved.titleFr());
            return "/app/content/edit?faces-redirect=true&id=" + saved.id();
        } catch (RuntimeException refusal) {
            RuleMessages.show(refusal, ContentEditView::input, "edit:formMessages");
            return null;
        }
    }

    /** Publishes or unpublishes the item as the page showed it. */
    public void step(ContentAction action) {
        try {
            show(contents.step(id, version, action).record());
            RuleMessages.info("content.step." + action.name(), form.getTitleFr());
        } catch (RuntimeException refusal) {
            RuleMessages.show(refusal, field -> null, "edit:formMessages");
        }
    }

    static String input(String field) {
        return INPUTS.contains(field) ? "edit:" + field : null;
    }

    /** What the server will keep of the French text: the sanitiser's own output. */
    public String getBodyFrPreview() {
        return RichText.sanitise(form == null ? null : form.getBodyFr());
    }

    public String getBodyEnPreview() {
        return RichText.sanitise(form == null ? null : form.getBodyEn());
    }

    /** Whether the key is asked for: a new item of a kind that has several. */
    public boolean isKeyAsked() {
        return id == null && form != null && form.getKind() != null && !form.getKind().single();
    }

    public String getRequestedId() {
        return requestedId;
    }

    public void setRequestedId(String requestedId) {
        this.requestedId = requestedId;
    }

    public String getRequestedKind() {
        return requestedKind;
    }

    public void setRequestedKind(String requestedKind) {
        this.requestedKind = requestedKind;
    }

    public ContentDetails getForm() {
        return form;
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public ContentState getState() {
        return state;
    }

    public List<PossibleAction<ContentState, ContentAction>> getPossible() {
        return possible;
    }

    public List<ProjectChoice> getProjectChoices() {
        return projectChoices;
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean isNotFound() {
        return notFound;
    }

    public boolean isRefused() {
        return refused;
    }

    public boolean isFound() {
        return !notFound && !refused && form != null;
    }
}
