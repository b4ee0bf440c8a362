package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.LabelApplications;
import fr.la27eregion.label.entity.ApplicationState;
import fr.la27eregion.label.entity.LabelApplication;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.PagedRows;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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
        rows = PagedRows.of(() -> applications.count(null),
                (first, size) -> applications.list(null, first, size).stream()
                        .map(application -> Row.of(application, language.getLocale())).toList(),
                Row::id);
    }

    public LazyDataModel<Row> getRows() {
        return rows;
    }
}
