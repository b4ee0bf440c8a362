package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One criterion of a grid as the secretariat writes it; {@link #checkAll} checks a whole grid. */
public class CriterionDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_LABEL = 300;
    public static final int MAX_GUIDANCE = 4000;
    public static final int MAX_CRITERIA = 30;
    public static final BigDecimal MAX_WEIGHT = new BigDecimal("999.99");
    private static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,39}$");

    private String code;
    private String labelFr;
    private String labelEn;
    private String guidanceFr = "";
    private String guidanceEn = "";
    private BigDecimal weight = BigDecimal.ONE;
    private Integer maxScore = 5;

    public CriterionDetails() {
    }

    public CriterionDetails(String code, String labelFr, String labelEn, String guidanceFr, String guidanceEn,
                            BigDecimal weight, Integer maxScore) {
        this.code = code;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.guidanceFr = guidanceFr;
        this.guidanceEn = guidanceEn;
        this.weight = weight;
        this.maxScore = maxScore;
    }

    /**
     * Checks a grid's criteria: at least one, at most {@value #MAX_CRITERIA}, each valid, codes unique.
     *
     * @throws RuleViolation naming the criterion's field ({@code criteria[2].weight})
     */
    public static List<CriterionDetails> checkAll(List<CriterionDetails> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            throw new RuleViolation("criteria", "label.field.required", "A grid has at least one criterion.");
        }
        if (criteria.size() > MAX_CRITERIA) {
            throw new RuleViolation("criteria", "label.field.tooMany", "At most " + MAX_CRITERIA + " criteria.",
                    MAX_CRITERIA);
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            CriterionDetails c = criteria.get(i);
            String at = "criteria[" + i + "].";
            if (c == null || c.code == null || !CODE.matcher(c.code.strip()).matches()) {
                throw new RuleViolation(at + "code", "label.field.criterionCode",
                        "A criterion's code has 1 to 40 small letters, digits, - or _.");
            }
            if (!codes.add(c.code.strip())) {
                throw new RuleViolation(at + "code", "label.field.duplicate", "Two criteria have the code "
                        + c.code.strip() + ".", c.code.strip());
            }
            ProgrammeDetails.required(at + "labelFr", c.labelFr, MAX_LABEL);
            ProgrammeDetails.required(at + "labelEn", c.labelEn, MAX_LABEL);
            if (c.guidanceFr != null && c.guidanceFr.length() > MAX_GUIDANCE
                    || c.guidanceEn != null && c.guidanceEn.length() > MAX_GUIDANCE) {
                throw new RuleViolation(at + "guidance", "label.field.tooLong",
                        "Guidance has at most " + MAX_GUIDANCE + " characters.", MAX_GUIDANCE);
            }
            if (c.weight == null || c.weight.signum() <= 0 || c.weight.compareTo(MAX_WEIGHT) > 0
                    || c.weight.stripTrailingZeros().scale() > 2) {
                throw new RuleViolation(at + "weight", "label.field.weight",
                        "A weight is above 0, at most 999.99, with two decimals at most.");
            }
            ProgrammeDetails.range(at + "maxScore", c.maxScore, 1, 100);
        }
        return criteria;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getLabelFr() {
        return labelFr;
    }

    public void setLabelFr(String labelFr) {
        this.labelFr = labelFr;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public String getGuidanceFr() {
        return guidanceFr;
    }

    public void setGuidanceFr(String guidanceFr) {
        this.guidanceFr = guidanceFr;
    }

    public String getGuidanceEn() {
        return guidanceEn;
    }

    public void setGuidanceEn(String guidanceEn) {
        this.guidanceEn = guidanceEn;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public void setWeight(BigDecimal weight) {
        this.weight = weight;
    }

    public Integer getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(Integer maxScore) {
        this.maxScore = maxScore;
    }
}
