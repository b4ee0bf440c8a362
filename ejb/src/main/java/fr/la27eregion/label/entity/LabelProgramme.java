package fr.la27eregion.label.entity;

import fr.la27eregion.platform.database.TextArray;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A label programme (DESIGN §3): what the network distinguishes, how many reviewers read an application, how long
 * a label is valid, whether it is renewed, the levels and mentions the jury may grant, and how reviewers work
 * (blind, scores shown after submission). Its scoring grids are versioned records of their own
 * ({@link ScoringGrid}); its code never changes once written.
 */
@Entity
@Table(name = "label_programme")
@NamedQuery(name = LabelProgramme.ALL, query = "SELECT p FROM LabelProgramme p ORDER BY p.code")
@NamedQuery(name = LabelProgramme.BY_CODE, query = "SELECT p FROM LabelProgramme p WHERE p.code = :code")
public class LabelProgramme extends CodedRecord {

    private static final long serialVersionUID = 1L;

    public static final String ALL = "LabelProgramme.all";
    public static final String BY_CODE = "LabelProgramme.byCode";
    /** How the journal names programmes. */
    public static final String JOURNAL_TYPE = "LabelProgramme";

    @Column(name = "name_fr", nullable = false, length = ProgrammeDetails.MAX_NAME)
    private String nameFr;

    @Column(name = "name_en", nullable = false, length = ProgrammeDetails.MAX_NAME)
    private String nameEn;

    @Column(name = "reviewers_per_application", nullable = false)
    private int reviewersPerApplication;

    @Column(name = "validity_months", nullable = false)
    private int validityMonths;

    @Column(nullable = false)
    private boolean renewable;

    private Integer levels;

    @Convert(converter = TextArray.class)
    @Column(columnDefinition = "text[]", nullable = false)
    private List<String> mentions = new ArrayList<>();

    @Column(nullable = false)
    private boolean blind;

    @Column(name = "scores_open_after_submit", nullable = false)
    private boolean scoresOpenAfterSubmit;

    protected LabelProgramme() {
        // for JPA
    }

    /** A new programme from checked details ({@link ProgrammeDetails#check()}). */
    public static LabelProgramme create(ProgrammeDetails details, Instant now) {
        LabelProgramme programme = new LabelProgramme();
        programme.created(details.getCode(), now);
        programme.revise(details, now);
        return programme;
    }

    /** Changes everything but the code, from checked details. */
    public void revise(ProgrammeDetails details, Instant now) {
        nameFr = details.getNameFr().strip();
        nameEn = details.getNameEn().strip();
        reviewersPerApplication = details.getReviewersPerApplication();
        validityMonths = details.getValidityMonths();
        renewable = details.isRenewable();
        levels = details.getLevels();
        mentions = new ArrayList<>(details.mentionsKept());
        blind = details.isBlind();
        scoresOpenAfterSubmit = details.isScoresOpenAfterSubmit();
        revised(now);
    }

    /** Whether the jury may grant this level: none without levels, 1 to {@link #levels()} with. */
    public boolean allowsLevel(Integer level) {
        return level == null || levels != null && level >= 1 && level <= levels;
    }

    /** The name in the reader's language (French unless English). */
    public String name(Locale locale) {
        return inLanguage(locale, nameFr, nameEn);
    }

    public String nameFr() {
        return nameFr;
    }

    public String nameEn() {
        return nameEn;
    }

    public int reviewersPerApplication() {
        return reviewersPerApplication;
    }

    public int validityMonths() {
        return validityMonths;
    }

    public boolean renewable() {
        return renewable;
    }

    public Optional<Integer> levels() {
        return Optional.ofNullable(levels);
    }

    public List<String> mentions() {
        return List.copyOf(mentions);
    }

    public boolean blind() {
        return blind;
    }

    public boolean scoresOpenAfterSubmit() {
        return scoresOpenAfterSubmit;
    }

    /** The details as they stand, to fill a form or revise from. */
    public ProgrammeDetails details() {
        ProgrammeDetails details = new ProgrammeDetails();
        details.setCode(code());
        details.setNameFr(nameFr);
        details.setNameEn(nameEn);
        details.setReviewersPerApplication(reviewersPerApplication);
        details.setValidityMonths(validityMonths);
        details.setRenewable(renewable);
        details.setLevels(levels);
        details.setMentions(mentions);
        details.setBlind(blind);
        details.setScoresOpenAfterSubmit(scoresOpenAfterSubmit);
        return details;
    }
}
