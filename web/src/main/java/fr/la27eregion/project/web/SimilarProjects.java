package fr.la27eregion.project.web;

import fr.la27eregion.project.boundary.ProjectSearch;
import fr.la27eregion.project.boundary.SimilarProject;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "similar projects elsewhere" of a project page ({@code WEB-INF/includes/project/similar.xhtml}), read once per
 * request however often the fragment asks: in the caller's scope on the intranet, public ones on the public site.
 */
@Named
@RequestScoped
public class SimilarProjects {

    @Inject
    private ProjectSearch search;

    private final Map<Long, List<SimilarProject>> scoped = new HashMap<>();
    private final Map<Long, List<SimilarProject>> published = new HashMap<>();

    /** Similar projects the caller may see. */
    public List<SimilarProject> of(long projectId) {
        return scoped.computeIfAbsent(projectId, id -> search.similar(id, ProjectSearch.SIMILAR));
    }

    /** Similar public projects of a public project. */
    public List<SimilarProject> publicOf(long projectId) {
        return published.computeIfAbsent(projectId, id -> search.similarPublic(id, ProjectSearch.SIMILAR));
    }
}
