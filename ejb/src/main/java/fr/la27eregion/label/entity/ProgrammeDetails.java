package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the secretariat writes of a programme (the form's and the API's fields), checked before it reaches the
 * entity: {@link #check()} names the first wrong field. A JavaBean, so a page binds it and JSON-B reads it.
 */
public class ProgrammeDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_NAME = 200;
    public static final int MAX_MENTION = 100;
    public static final int MAX_MENTIONS = 20;
    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{1,39}$");

    private String code;
    private String nameFr;
    private String nameEn;
    private Integer reviewersPerApplication = 2;
    private Integer validityMonths = 24;
    private boolean renewable = true;
    private Integer levels;
    private List<String> mentions = new ArrayList<>();
    private boolean blind;
    private boolean scoresOpenAfterSubmit;

    /**
     * Checks every field.
     *
     * @throws RuleViolation naming the first wrong field ({@code label.field.*} keys)
     */
    public ProgrammeDetails check() {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw new RuleViolation("code", "label.field.code", "A code has 2 to 40 capitals, digits, - or _.");
        }
        required("nameFr", nameFr, MAX_NAME);
        required("nameEn", nameEn, MAX_NAME);
        range("reviewersPerApplication", reviewersPerApplication, 1, 10);
        range("validityMonths", validityMonths, 1, 240);
        if (levels != null) {
            range("levels", levels, 1, 10);
        }
        List<String> kept = mentionsKept();
        if (kept.size() > MAX_MENTIONS) {
            throw new RuleViolation("mentions", "label.field.tooMany", "At most " + MAX_MENTIONS + " mentions.",
                    MAX_MENTIONS);
        }
        for (String mention : kept) {
            if (mention.length() > MAX_MENTION) {
                throw new RuleViolation("mentions", "label.field.tooLong",
                        "A mention has at most " + MAX_MENTION + " characters.", MAX_MENTION);
            }
        }
        return this;
    }

    static void required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, "label.field.required", field + " is required.");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "label.field.tooLong", field + " has at most " + max + " characters.",
                    max);
        }
    }

    static void range(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw new RuleViolation(field, "label.field.range", field + " is between " + min + " and " + max + ".",
                    min, max);
        }
    }

    /** The mentions, stripped, blanks and repeats left out, in the order written. */
    public List<String> mentionsKept() {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        if (mentions != null) {
            mentions.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).forEach(kept::add);
        }
        return List.copyOf(kept);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameFr() {
        return nameFr;
    }

    public void setNameFr(String nameFr) {
        this.nameFr = nameFr;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public Integer getReviewersPerApplication() {
        return reviewersPerApplication;
    }

    public void setReviewersPerApplication(Integer reviewersPerApplication) {
        this.reviewersPerApplication = reviewersPerApplication;
    }

    public Integer getValidityMonths() {
        return validityMonths;
    }

    public void setValidityMonths(Integer validityMonths) {
        this.validityMonths = validityMonths;
    }

    public boolean isRenewable() {
        return renewable;
    }

    public void setRenewable(boolean renewable) {
        this.renewable = renewable;
    }

    public Integer getLevels() {
        return levels;
    }

    public void setLevels(Integer levels) {
        this.levels = levels;
    }

    public List<String> getMentions() {
        return mentions;
    }

    public void setMentions(List<String> mentions) {
        this.mentions = mentions == null ? new ArrayList<>() : new ArrayList<>(mentions);
    }

    public boolean isBlind() {
        return blind;
    }

    public void setBlind(boolean blind) {
        this.blind = blind;
    }

    public boolean isScoresOpenAfterSubmit() {
        return scoresOpenAfterSubmit;
    }

    public void setScoresOpenAfterSubmit(boolean scoresOpenAfterSubmit) {
        this.scoresOpenAfterSubmit = scoresOpenAfterSubmit;
    }
}
