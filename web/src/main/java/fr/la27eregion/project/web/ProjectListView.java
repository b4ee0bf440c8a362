package fr.la27eregion.project.web;

import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import fr.la27eregion.platform.web.PagedRows;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backs {@code app/projects/index.xhtml}: the projects of the caller's organisation in every visibility (every
 * project for the secretariat and auditors), a page at a time ({@link Projects#mine}: LIMIT and OFFSET in the
 * query, never every row), filtered by a word of the title.
 */
@Named
@ViewScoped
public class ProjectListView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A project as a row of the list shows it. */
    public record Row(long id, String title, String lead, ProjectKind kind, ProjectStage stage,
                      ProjectVisibility visibility, Instant updatedAt) implements Serializable {

        static Row of(Project project) {
            return new Row(project.id(), project.title(), project.leadOrganisation().name(), project.kind(),
                    project.stage(), project.visibility(), project.updatedAt());
        }
    }

    @Inject
    private Projects projects;

    private String filter;
    private LazyDataModel<Row> rows;

    @PostConstruct
    void init() {
        rows = PagedRows.of(() -> projects.countMine(filter),
                (first, size) -> projects.mine(filter, first, size).stream().map(Row::of).toList(),
                Row::id);
    }

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
