package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs the public explainers: their index ({@code /public/explainers.xhtml}) and an explainer's page
 * ({@code /public/explainer.xhtml?id=donnees-ouvertes}). Only published ones: a draft or unpublished explainer is a
 * 404, as an unknown one. Also gives a public project's page its explainers ({@link #of}).
 */
@Named
@RequestScoped
public class ExplainerView extends PublishedItemPage {

    @Override
    ContentKind kind() {
        return ContentKind.EXPLAINER;
    }

    public List<ContentItem> getExplainers() {
        return published().latest(ContentKind.EXPLAINER, PublishedContent.MAX_LIST);
    }

    /** The published explainers the secretariat linked to a project. */
    public List<ContentItem> of(long projectId) {
        return published().explainersOf(projectId);
    }

    public ContentItem getExplainer() {
        return item();
    }
}
