package fr.la27eregion.label.entity;

import fr.la27eregion.platform.rules.RuleViolation;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the secretariat writes of a campaign: its programme (at creation only), code, titles, when it opens and
 * closes, the jury's day and chair. The grid is not chosen: a campaign freezes its programme's latest version.
 */
public class CampaignDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int MAX_TITLE = 200;

    private Long programmeId;
    private String code;
    private String titleFr;
    private String titleEn;
    private Instant opensAt;
    private Instant closesAt;
    private LocalDate juryOn;
    private Long juryChairAccountId;

    /**
     * Checks every field but the programme and the chair (the boundary finds those).
     *
     * @throws RuleViolation naming the first wrong field
     */
    public CampaignDetails check() {
        if (code == null || !ProgrammeDetails.CODE.matcher(code.strip()).matches()) {
            throw new RuleViolation("code", "label.field.code", "A code has 2 to 40 capitals, digits, - or _.");
        }
        ProgrammeDetails.required("titleFr", titleFr, MAX_TITLE);
        ProgrammeDetails.required("titleEn", titleEn, MAX_TITLE);
        if (opensAt == null) {
            throw new RuleViolation("opensAt", "label.field.required", "opensAt is required.");
        }
        if (closesAt == null) {
            throw new RuleViolation("closesAt", "label.field.required", "closesAt is required.");
        }
        if (!opensAt.isBefore(closesAt)) {
            throw new RuleViolation("closesAt", "label.field.closesBeforeOpening",
                    "A campaign closes after it opens.");
        }
        return this;
    }

    public Long getProgrammeId() {
        return programmeId;
    }

    public void setProgrammeId(Long programmeId) {
        this.programmeId = programmeId;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public void setTitleFr(String titleFr) {
        this.titleFr = titleFr;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(Instant opensAt) {
        this.opensAt = opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(Instant closesAt) {
        this.closesAt = closesAt;
    }

    public LocalDate getJuryOn() {
        return juryOn;
    }

    public void setJuryOn(LocalDate juryOn) {
        this.juryOn = juryOn;
    }

    public Long getJuryChairAccountId() {
        return juryChairAccountId;
    }

    public void setJuryChairAccountId(Long juryChairAccountId) {
        this.juryChairAccountId = juryChairAccountId;
    }
}
