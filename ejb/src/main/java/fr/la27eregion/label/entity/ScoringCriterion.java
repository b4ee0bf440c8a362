package fr.la27eregion.label.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;

/** A criterion of one grid version; immutable, as its grid is. */
/* In the shared cache as its grid: never changed once written. */
@Entity
@Cacheable
@Table(name = "scoring_criterion")
public class ScoringCriterion implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grid_id", updatable = false)
    private ScoringGrid grid;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(nullable = false, length = 40, updatable = false)
    private String code;

    @Column(name = "label_fr", nullable = false, length = CriterionDetails.MAX_LABEL, updatable = false)
    private String labelFr;

    @Column(name = "label_en", nullable = false, length = CriterionDetails.MAX_LABEL, updatable = false)
    private String labelEn;

    @Column(name = "guidance_fr", nullable = false, updatable = false)
    private String guidanceFr;

    @Column(name = "guidance_en", nullable = false, updatable = false)
    private String guidanceEn;

    @Column(nullable = false, precision = 5, scale = 2, updatable = false)
    private BigDecimal weight;

    @Column(name = "max_score", nullable = false, updatable = false)
    private int maxScore;

    protected ScoringCriterion() {
        // for JPA
    }

    ScoringCriterion(ScoringGrid grid, int position, CriterionDetails details) {
        this.grid = grid;
        this.position = position;
        this.code = details.getCode().strip();
        this.labelFr = details.getLabelFr().strip();
        this.labelEn = details.getLabelEn().strip();
        this.guidanceFr = details.getGuidanceFr() == null ? "" : details.getGuidanceFr().strip();
        this.guidanceEn = details.getGuidanceEn() == null ? "" : details.getGuidanceEn().strip();
        this.weight = details.getWeight().setScale(2);
        this.maxScore = details.getMaxScore();
    }

    CriterionDetails details() {
        return new CriterionDetails(code, labelFr, labelEn, guidanceFr, guidanceEn, weight, maxScore);
    }

    /** The label in the reader's language (French unless English). */
    public String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }

    /** The guidance in the reader's language (French unless English). */
    public String guidance(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? guidanceEn : guidanceFr;
    }

    public Long id() {
        return id;
    }

    public ScoringGrid grid() {
        return grid;
    }

    public int position() {
        return position;
    }

    public String code() {
        return code;
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    public String guidanceFr() {
        return guidanceFr;
    }

    public String guidanceEn() {
        return guidanceEn;
    }

    public BigDecimal weight() {
        return weight;
    }

    public int maxScore() {
        return maxScore;
    }

    // JavaBeans getters for Facelets expressions
    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public int getMaxScore() {
        return maxScore;
    }
}
