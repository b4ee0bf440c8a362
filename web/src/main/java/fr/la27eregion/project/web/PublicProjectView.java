package fr.la27eregion.project.web;

import fr.la27eregion.platform.rules.RecordNotFound;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.project.boundary.ProjectSearch;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.referential.entity.Territory;
import fr.la27eregion.referential.entity.Theme;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import fr.la27eregion.project.boundary.ProjectAttachments;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * Backs {@code public/projet.xhtml}, the public page of a {@code PUBLIC} project, reached at its readable address
 * ({@link PublicProjectAddress}). Asked for by its technical address ({@code projet.xhtml?id=}, as the language
 * switch links), it redirects permanently to the readable one; a project that is not public is a 404.
 */
@Named
@RequestScoped
public class PublicProjectView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProjectSearch search;

    @Inject
    private Language language;

    @EJB
    private ProjectAttachments attachments;

    private Long id;
    private Project project;

    /** Reads the project (f:viewAction): 404 when there is none to show, 301 to its readable address. */
    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            project = search.publicProject(id == null ? -1 : id);
        } catch (RecordNotFound notPublic) {
            external.responseSendError(404, "No such public project");
            faces.responseComplete();
            return;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) == null) {
            String query = request.getQueryString() == null ? ""
                    : request.getQueryString().replaceAll("(^|&)id=[^&]*", "").replaceFirst("^&", "");
            external.setResponseStatus(301);
            external.setResponseHeader("Location", PublicProjectAddress.address(request, project.id(),
                    project.slug()) + (query.isEmpty() ? "" : "?" + query));
            faces.responseComplete();
        }
    }

    public Project getProject() {
        return project;
    }

    /** The project's files, as the (read-only) list of the public page shows them. */
    public List<ProjectAttachmentsView.Row> getFiles() {
        return attachments.list(project.id()).stream().map(ProjectAttachmentsView::row).toList();
    }

    /** The project's themes in the reader's language, in the themes' order. */
    public List<String> getThemeNames() {
        return project.themes().stream().sorted(Comparator.comparing(Theme::code))
                .map(theme -> theme.name(language.getLocale())).toList();
    }

    /**
     * The codes of the project's territories that the map draws (regions of France, today's or before 2016), for the
     * small map beside them; empty when it names none (only European regions), and the page then shows no map.
     */
    public List<String> getMapCodes() {
        return project.territories().stream().map(Territory::code).filter(code -> code.matches("FR-\\d\\d(-2015)?"))
                .sorted().toList();
    }

    /** Whether the project names a region as it was before 2016, drawn over today's on the map. */
    public boolean isNamesFormerRegion() {
        return getMapCodes().stream().anyMatch(code -> code.endsWith("-2015"));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }
}
