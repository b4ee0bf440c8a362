package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.ProjectCard;
import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.content.entity.ContentKind;
import fr.la27eregion.label.boundary.LabelRegister;
import fr.la27eregion.label.boundary.RegisterFilter;
import fr.la27eregion.label.boundary.RegisteredLabel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * Backs the public home page ({@code /index.xhtml}): what the network is (the secretariat's home text, when
 * published), the latest labels awarded, the projects the home text features and the latest published news. Request
 * scoped: the page keeps nothing between requests.
 */
@Named
@RequestScoped
public class PublicHomeView {

    /** How many labels and news items the home page shows. */
    static final int LATEST = 5;

    @Inject
    private PublishedContent published;

    @Inject
    private LabelRegister register;

    private ContentItem home;
    private boolean homeRead;

    /** The published home text, or null (the page then says what the network is from its bundle). */
    public ContentItem getHome() {
        if (!homeRead) {
            home = published.single(ContentKind.HOME).orElse(null);
            homeRead = true;
        }
        return home;
    }

    public List<ContentItem> getNews() {
        return published.latest(ContentKind.NEWS, LATEST);
    }

    public List<ProjectCard> getFeatured() {
        return published.featuredProjects();
    }

    public List<RegisteredLabel> getLatestLabels() {
        return register.register(RegisterFilter.none(), 0, LATEST);
    }
}
