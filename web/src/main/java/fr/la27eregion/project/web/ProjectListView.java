package fr.la27eregion.project.web;

import fr.la27eregion.project.boundary.Projects;
import fr.la27eregion.project.entity.Project;
import fr.la27eregion.project.entity.ProjectKind;
import fr.la27eregion.project.entity.ProjectStage;
import fr.la27eregion.project.entity.ProjectVisibility;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        rows = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) projects.countMine(filter);
            }

            @Override
            public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
                return projects.mine(filter, first, pageSize).stream().map(Row::of).toList();
            }

            @Override
            public String getRowKey(Row row) {
                return String.valueOf(row.id());
            }

            @Override
            public Row getRowData(String rowKey) {
                List<Row> page = getWrappedData();
                return (page == null ? List.<Row>of() : page).stream()
                        .filter(row -> String.valueOf(row.id()).equals(rowKey)).findFirst().orElse(null);
            }
        };
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
