package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Labels;
import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.entity.Label;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.LabelState;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.PagedRows;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code app/labels/labels.xhtml}: the labels of the caller's organisation (every one for the secretariat and
 * auditors), the last awarded first, optionally in one state and of one programme, a page at a time
 * ({@link Labels#list}: the filters, the scope, LIMIT and OFFSET in the query), each a link to its page.
 */
@Named
@ViewScoped
public class LabelListView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A label as a row of the list shows it. */
    public record Row(long id, String certificateNumber, String project, String organisation, String programme,
                      Integer level, LocalDate validUntil, LabelState state) implements Serializable {

        static Row of(Label label, Locale locale) {
            return new Row(label.id(), label.certificateNumber(), label.project().title(),
                    label.organisation().name(), label.programme().name(locale), label.level().orElse(null),
                    label.validUntil(), label.state());
        }
    }

    /** A programme to filter by. */
    public record Choice(long id, String name) implements Serializable {
    }

    @Inject
    private Labels labels;

    @Inject
    private Programmes programmes;

    @Inject
    private Language language;

    private LabelState state;
    private Long programmeId;
    private List<Choice> programmeChoices;
    private LazyDataModel<Row> rows;

    @PostConstruct
    void init() {
        Locale locale = language.getLocale();
        programmeChoices = programmes.all().stream()
                .map((LabelProgramme p) -> new Choice(p.id(), p.name(locale))).toList();
        rows = PagedRows.of(() -> labels.count(state, programmeId),
                (first, size) -> labels.list(state, programmeId, first, size).stream()
                        .map(label -> Row.of(label, language.getLocale())).toList(),
                Row::id);
    }

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    public LabelState[] getStates() {
        return LabelState.values();
    }

    public List<Choice> getProgrammeChoices() {
        return programmeChoices;
    }

    public LabelState getState() {
        return state;
    }

    public void setState(LabelState state) {
        this.state = state;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public void setProgrammeId(Long programmeId) {
        this.programmeId = programmeId;
    }
}
