package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.web.Language;
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
import java.util.Locale;
import java.util.Map;

/**
 * Backs {@code app/labels/index.xhtml}: the label applications of the caller's organisation (every one for the
 * secretariat and auditors), the last changed first, a page at a time ({@link LabelApplications#list}: LIMIT and
 * OFFSET in the query, the scope in its WHERE), each a link to its page.
 */
@Named
@ViewScoped
public class ApplicationListView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An application as a row of the list shows it. */
    public record Row(long id, String project, String campaign, String organisation, ApplicationState state,
                      Instant updatedAt) implements Serializable {

        static Row of(LabelApplication application, Locale locale) {
            return new Row(application.id(), application.project().title(),
                    application.campaign().title(locale), application.organisation().name(), application.state(),
                    application.updatedAt());
        }
    }

    @Inject
    private LabelApplications applications;

    @Inject
    private Language language;

    private LazyDataModel<Row> rows;

    @PostConstruct
    void init() {
        rows = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) applications.count(null);
            }

            @Override
            public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                  Map<String, FilterMeta> filterBy) {
                Locale locale = language.getLocale();
                return applications.list(null, first, pageSize).stream().map(a -> Row.of(a, locale)).toList();
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
}
