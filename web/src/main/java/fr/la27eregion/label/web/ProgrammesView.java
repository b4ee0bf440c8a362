package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ProgrammeDetails;
import fr.la27eregion.label.entity.ScoringGrid;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The secretariat's label programmes ({@code app/labels/programmes.xhtml}): every programme with its settings and
 * the version of its grid, and the form of a new programme with its first grid's criteria. Thin: {@link Programmes}
 * checks and writes; a refusal shows beside its field (a criterion's beside its row's input).
 */
@Named
@ViewScoped
public class ProgrammesView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The inputs of the form, by the field names of {@link ProgrammeDetails}. */
    static final Set<String> FIELDS = Set.of("code", "nameFr", "nameEn", "reviewersPerApplication",
            "validityMonths", "levels", "mentions");

    /** A programme as a row of the list shows it. */
    public record Row(long id, String code, String name, int reviewers, int validityMonths, boolean renewable,
                      Integer levels, boolean blind, int gridVersion) implements Serializable {
    }

    @Inject
    private Programmes programmes;

    @Inject
    private Language language;

    private boolean allowed;
    private List<Row> rows = List.of();
    private ProgrammeDetails form = new ProgrammeDetails();
    private String mentions;
    private CriteriaEditor criteria = CriteriaEditor.empty();

    @PostConstruct
    void init() {
        allowed = SecretariatOnly.check();
        if (allowed) {
            rows = programmes.all().stream().map(this::row).toList();
        }
    }

    private Row row(LabelProgramme p) {
        ScoringGrid latest = programmes.latestGrid(p.id());
        return new Row(p.id(), p.code(), p.name(language.getLocale()), p.reviewersPerApplication(),
                p.validityMonths(), p.renewable(), p.levels().orElse(null), p.blind(),
                latest == null ? 0 : latest.gridVersion());
    }

    /** Creates the programme with its first grid, then shows its page; a refusal is shown beside its field. */
    public String create() {
        try {
            form.setMentions(SecretariatOnly.lines(mentions));
            LabelProgramme created = programmes.create(form, criteria.getRows());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            RuleMessages.info("labelDesk.programme.created", created.code());
            return "/app/labels/programme?faces-redirect=true&id=" + created.id();
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, CriteriaEditor.fields("create", field -> FIELDS.contains(field)
                    ? "create:" + field : null), "create:formMessage");
            return null;
        }
    }

    public boolean isAllowed() {
        return allowed;
    }

    public List<Row> getRows() {
        return rows;
    }

    public ProgrammeDetails getForm() {
        return form;
    }

    public String getMentions() {
        return mentions;
    }

    public void setMentions(String mentions) {
        this.mentions = mentions;
    }

    public CriteriaEditor getCriteria() {
        return criteria;
    }
}
