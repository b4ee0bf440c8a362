package fr.la27eregion.label.web;

import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.CampaignDetails;
import fr.la27eregion.platform.time.Clocks;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A campaign as the secretariat's form writes it ({@code WEB-INF/includes/label/campaign-fields.xhtml}): its
 * opening and closing as a day and time in France (the inputs' {@code datetime-local}), turned into the instants of
 * {@link CampaignDetails}; the boundary checks the rest (a closing before the opening, a chair who is not of the
 * jury...).
 */
public class CampaignForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The inputs of the form, by the field names of {@link CampaignDetails}. */
    static final Set<String> FIELDS = Set.of("programmeId", "code", "titleFr", "titleEn", "opensAt", "closesAt",
            "juryOn", "juryChairAccountId");

    private Long programmeId;
    private String code;
    private String titleFr;
    private String titleEn;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private LocalDate juryOn;
    private Long juryChairAccountId;

    /** The form of a campaign as it stands. */
    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        form.programmeId = campaign.programme().id();
        form.code = campaign.code();
        form.titleFr = campaign.titleFr();
        form.titleEn = campaign.titleEn();
        form.opensAt = LocalDateTime.ofInstant(campaign.opensAt(), Clocks.FRANCE);
        form.closesAt = LocalDateTime.ofInstant(campaign.closesAt(), Clocks.FRANCE);
        form.juryOn = campaign.juryOn().orElse(null);
        form.juryChairAccountId = campaign.juryChairAccountId().orElse(null);
        return form;
    }

    /** The details the boundary checks; the times read in France's time zone. */
    CampaignDetails details() {
        CampaignDetails details = new CampaignDetails();
        details.setProgrammeId(programmeId);
        details.setCode(code);
        details.setTitleFr(titleFr);
        details.setTitleEn(titleEn);
        details.setOpensAt(opensAt == null ? null : opensAt.atZone(Clocks.FRANCE).toInstant());
        details.setClosesAt(closesAt == null ? null : closesAt.atZone(Clocks.FRANCE).toInstant());
        details.setJuryOn(juryOn);
        details.setJuryChairAccountId(juryChairAccountId);
        return details;
    }

    /** The client id of the input a refusal's field names, in the form {@code form}. */
    static String input(String form, String field) {
        return "juryChairAccountId".equals(field) ? form + ":chair"
                : FIELDS.contains(field) ? form + ":" + field : null;
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

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
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
