package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs the public news: their list ({@code /public/actualites.xhtml}, the latest first) and a news item's own page
 * ({@code /public/actualite.xhtml?id=rencontre-2026}), as the secretariat published them. Only published items: a
 * draft or unpublished one is a 404, as an unknown one, exactly as for the explainers.
 */
@Named
@RequestScoped
public class NewsView extends PublishedItemPage {

    @Override
    ContentKind kind() {
        return ContentKind.NEWS;
    }

    /** The published news, the latest first, at most {@value PublishedContent#MAX_LIST}. */
    public List<ContentItem> getItems() {
        return published().latest(ContentKind.NEWS, PublishedContent.MAX_LIST);
    }

    public ContentItem getItem() {
        return item();
    }
}
