package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A public page of one published content item by its key ({@code ?id=donnees-ouvertes}): an explainer, a news item.
 * Only a published item is shown; a draft, an unpublished or an unknown one is a 404, the same answer for all three.
 */
abstract class PublishedItemPage {

    @Inject
    private PublishedContent published;

    private String id;
    private ContentItem item;

    /** The kind of item the page shows. */
    abstract ContentKind kind();

    /** Reads the item asked for (f:viewAction); a 404 when none of that key is published. */
    public void load() {
        try {
            item = published.published(kind(), id == null ? "" : id.strip());
        } catch (RecordNotFound unknown) {
            FacesContext.getCurrentInstance().getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    PublishedContent published() {
        return published;
    }

    /** The item read by {@link #load}, null when none was found. */
    ContentItem item() {
        return item;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
