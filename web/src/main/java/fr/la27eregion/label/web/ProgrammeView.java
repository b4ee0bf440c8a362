package fr.la27eregion.label.web;

import fr.la27eregion.label.boundary.LabelDesk;
import fr.la27eregion.label.boundary.Programmes;
import fr.la27eregion.label.entity.DecisionKind;
import fr.la27eregion.label.entity.DecisionTemplate;
import fr.la27eregion.label.entity.LabelProgramme;
import fr.la27eregion.label.entity.ProgrammeDetails;
import fr.la27eregion.label.entity.ScoringGrid;
import fr.la27eregion.platform.web.Language;
import fr.la27eregion.platform.web.RuleMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One label programme for the secretariat ({@code app/labels/programme.xhtml?id=N}): its settings, revised at the
 * version shown (someone else's change meanwhile is refused with a clear message); the versions of its grid with
 * their criteria and the campaigns that froze each; "revise the grid", which writes the next version from an
 * editor started from the latest (earlier versions stay as they are); the decision templates by kind, and a form
 * to add one. Thin: {@link Programmes} checks and writes.
 */
@Named
@ViewScoped
public class ProgrammeView extends SecretariatRecordPage {

    private static final long serialVersionUID = 1L;

    /** A criterion of a grid version as the page shows it. */
    public record Criterion(String code, String label, String guidance, BigDecimal weight, int maxScore)
            implements Serializable {
    }

    /** A version of the grid: when written, which campaigns froze it, its criteria. */
    public record Grid(long id, int version, Instant createdAt, List<String> campaigns, List<Criterion> criteria)
            implements Serializable {

        /** The codes of the campaigns that froze it, as a sentence's list. */
        public String usedBy() {
            return String.join(", ", campaigns);
        }
    }

    /** A decision template as the page lists it. */
    public record Template(long id, DecisionKind kind, String title, String textFr, String textEn)
            implements Serializable {
    }

    @Inject
    private Programmes programmes;

    @Inject
    private LabelDesk desk;

    @Inject
    private Language language;

    private String name;
    private ProgrammeDetails form;
    private String mentions;
    private List<Grid> grids = List.of();
    private List<Template> templates = List.of();
    private CriteriaEditor revision;
    private DecisionKind templateKind;
    private String templateTitle;
    private String templateTextFr;
    private String templateTextEn;

    @Override
    protected void read(long id) {
        show(programmes.find(id));
    }

    private void show(LabelProgramme programme) {
        Locale locale = language.getLocale();
        showing(programme.id(), programme.version(), programme.code());
        name = programme.name(locale);
        form = programme.details();
        mentions = String.join("\n", programme.mentions());
        Map<Long, List<String>> used = desk.gridCampaigns(getId());
        grids = programmes.grids(getId()).stream().map(grid -> new Grid(grid.id(), grid.gridVersion(),
                grid.createdAt(), used.getOrDefault(grid.id(), List.of()), grid.criteria().stream()
                .map(c -> new Criterion(c.code(), c.label(locale), c.guidance(locale), c.weight(), c.maxScore()))
                .toList())).toList();
        templates = programmes.templates(getId()).stream()
                .map((DecisionTemplate t) -> new Template(t.id(), t.kind(), t.title(), t.textFr(), t.textEn()))
                .toList();
    }

    /** Saves the settings as of the version shown. */
    public void save() {
        try {
            form.setMentions(SecretariatOnly.lines(mentions));
            LabelProgramme saved = programmes.revise(getId(), version(), form);
            RuleMessages.info("labelDesk.programme.saved", saved.code());
            show(saved);
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> ProgrammesView.FIELDS.contains(field) && !"code".equals(field)
                    ? "settings:" + field : null, "settings:formMessage");
        }
    }

    /** Opens the editor of the grid's next version, started from the latest version's criteria. */
    public void startRevision() {
        ScoringGrid latest = programmes.latestGrid(getId());
        revision = latest == null ? CriteriaEditor.empty() : CriteriaEditor.of(latest.details());
    }

    public void cancelRevision() {
        revision = null;
    }

    /** Writes the grid's next version from the editor, as the programme was shown. */
    public void revise() {
        try {
            ScoringGrid grid = programmes.reviseGrid(getId(), version(), revision.getRows());
            RuleMessages.info("labelDesk.grid.revised", grid.gridVersion());
            revision = null;
            show(programmes.find(getId()));
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> CriteriaEditor.input("revise", field), "revise:criteriaMessage");
        }
    }

    /** Adds the decision template written. */
    public void addTemplate() {
        try {
            DecisionTemplate added = programmes.addTemplate(getId(), templateKind, templateTitle, templateTextFr,
                    templateTextEn);
            RuleMessages.info("labelDesk.template.added", added.title());
            templateKind = null;
            templateTitle = null;
            templateTextFr = null;
            templateTextEn = null;
            show(programmes.find(getId()));
        } catch (RuntimeException refused) {
            RuleMessages.show(refused, field -> switch (field) {
                case "kind" -> "template:templateKind";
                case "title" -> "template:templateTitle";
                case "textFr" -> "template:templateTextFr";
                case "textEn" -> "template:templateTextEn";
                default -> null;
            }, "template:templateMessage");
        }
    }

    /** The templates of one kind. */
    public List<Template> templatesOf(DecisionKind kind) {
        return templates.stream().filter(t -> t.kind() == kind).toList();
    }

    public DecisionKind[] getKinds() {
        return DecisionKind.values();
    }

    public String getName() {
        return name;
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

    public List<Grid> getGrids() {
        return grids;
    }

    public CriteriaEditor getRevision() {
        return revision;
    }

    public DecisionKind getTemplateKind() {
        return templateKind;
    }

    public void setTemplateKind(DecisionKind templateKind) {
        this.templateKind = templateKind;
    }

    public String getTemplateTitle() {
        return templateTitle;
    }

    public void setTemplateTitle(String templateTitle) {
        this.templateTitle = templateTitle;
    }

    public String getTemplateTextFr() {
        return templateTextFr;
    }

    public void setTemplateTextFr(String templateTextFr) {
        this.templateTextFr = templateTextFr;
    }

    public String getTemplateTextEn() {
        return templateTextEn;
    }

    public void setTemplateTextEn(String templateTextEn) {
        this.templateTextEn = templateTextEn;
    }
}
