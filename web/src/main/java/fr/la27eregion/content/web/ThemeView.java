package fr.la27eregion.content.web;

import fr.la27eregion.content.boundary.ProjectCard;
import fr.la27eregion.content.boundary.PublishedContent;
import fr.la27eregion.content.boundary.ThemeLabel;
import fr.la27eregion.content.entity.ContentItem;
import fr.la27eregion.referential.boundary.Themes;
import fr.la27eregion.referential.entity.Theme;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/**
 * Backs the public themes pages: their index ({@code /public/themes.xhtml}, each theme with its published
 * introduction's summary) and a theme's page ({@code /public/theme.xhtml?id=service-design}: its introduction, its
 * public projects and the labels in force on them). An unknown theme is a 404.
 */
@Named
@RequestScoped
public class ThemeView {

    @Inject
    private Themes themes;

    @Inject
    private PublishedContent published;

    private String id;
    private Theme theme;
    private ContentItem introduction;

    /** Reads the theme asked for; a 404 when there is none of that code. */
    public void load() {
        theme = themes.all().stream().filter(t -> t.code().equals(id)).findFirst().orElse(null);
        if (theme == null) {
            FacesContext.getCurrentInstance().getExternalContext()
                    .setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        introduction = published.themeIntroduction(theme.code()).orElse(null);
    }

    public List<Theme> getThemes() {
        return themes.all();
    }

    /** A theme's published introduction, for the index; null when it has none. */
    public ContentItem introductionOf(Theme of) {
        return published.themeIntroduction(of.code()).orElse(null);
    }

    public List<ProjectCard> getProjects() {
        return theme == null ? List.of() : published.themeProjects(theme.code());
    }

    public List<ThemeLabel> getLabels() {
        return theme == null ? List.of() : published.themeLabels(theme.code());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Theme getTheme() {
        return theme;
    }

    public ContentItem getIntroduction() {
        return introduction;
    }
}
