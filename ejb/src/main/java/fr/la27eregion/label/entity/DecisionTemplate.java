package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Locale;

/** A text the jury chair starts a motivation from, per programme and kind of decision. */
@Entity
@Table(name = "decision_template")
@NamedQuery(name = DecisionTemplate.OF_PROGRAMME, query = "SELECT t FROM DecisionTemplate t"
        + " WHERE t.programme.id = :programme ORDER BY t.kind, t.title, t.id")
public class DecisionTemplate implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF_PROGRAMME = "DecisionTemplate.ofProgramme";
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id", updatable = false)
    private LabelProgramme programme;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DecisionKind kind;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "text_fr", nullable = false)
    private String textFr;

    @Column(name = "text_en", nullable = false)
    private String textEn;

    protected DecisionTemplate() {
        // for JPA
    }

    /**
     * A template, checked: a kind, a title and both texts (at most {@value #MAX_TEXT} characters, a motivation's
     * length).
     */
    public static DecisionTemplate create(LabelProgramme programme, DecisionKind kind, String title, String textFr,
                                          String textEn) {
        if (kind == null) {
            throw new RuleViolation("kind", "label.field.required", "kind is required.");
        }
        ProgrammeDetails.required("title", title, MAX_TITLE);
        ProgrammeDetails.required("textFr", textFr, MAX_TEXT);
        ProgrammeDetails.required("textEn", textEn, MAX_TEXT);
        DecisionTemplate template = new DecisionTemplate();
        template.programme = programme;
        template.kind = kind;
        template.title = title.strip();
        template.textFr = textFr.strip();
        template.textEn = textEn.strip();
        return template;
    }

    /** The text in the reader's language (French unless English). */
    public String text(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? textEn : textFr;
    }

    public Long id() {
        return id;
    }

    public LabelProgramme programme() {
        return programme;
    }

    public DecisionKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String textFr() {
        return textFr;
    }

    public String textEn() {
        return textEn;
    }
}
