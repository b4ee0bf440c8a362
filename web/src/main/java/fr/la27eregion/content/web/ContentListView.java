package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.Contents;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.identity.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs {@code app/content/index.xhtml}: every content item of the public pages, by kind, with its state, for the
 * secretariat (who edits them) and auditors (who read them); others see a refusal.
 */
@Named
@RequestScoped
public class ContentListView {

    @Inject
    private Contents contents;

    private List<ContentItem> items;

    /** Whether the caller reads the content items: the secretariat and auditors. */
    public boolean isAllowed() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        return external.isUserInRole(Role.NETWORK_ADMIN_NAME) || external.isUserInRole(Role.AUDITOR_NAME);
    }

    /** Whether the caller writes content: the secretariat. */
    public boolean isEditor() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.NETWORK_ADMIN_NAME);
    }

    public List<ContentItem> getItems() {
        if (items == null) {
            items = isAllowed() ? contents.list(null) : List.of();
        }
        return items;
    }

    /** The kinds, for the "new item" links. */
    public ContentKind[] getKinds() {
        return ContentKind.values();
    }
}
