package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.platform.rules.RecordNotFound;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * Backs the public explainers: their index ({@code /public/explainers.xhtml}) and an explainer's page
 * ({@code /public/explainer.xhtml?id=donnees-ouvertes}). Only published ones: a draft or unpublished explainer is a
 * 404, as an unknown one. Also gives a public project's page its explainers ({@link #of}).
 */
@Named
@RequestScoped
public class ExplainerView {

    @Inject
    private PublishedContent published;

    private String id;
    private ContentItem explainer;

    /** Reads the explainer asked for; a 404 when none of that key is published. */
    public void load() {
        try {
            explainer = published.published(ContentKind.EXPLAINER, id == null ? "" : id.strip());
        } catch (RecordNotFound unknown) {
            FacesContext.getCurrentInstance().getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public List<ContentItem> getExplainers() {
        return published.latest(ContentKind.EXPLAINER, PublishedContent.MAX_LIST);
    }

    /** The published explainers the secretariat linked to a project. */
    public List<ContentItem> of(long projectId) {
        return published.explainersOf(projectId);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ContentItem getExplainer() {
        return explainer;
    }
}
