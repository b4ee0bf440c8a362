package fr.la27eregion.label.web;

import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.CampaignDetails;
import fr.la27eregion.platform.time.Clocks;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A campaign as the secretariat's form writes it ({@code WEB-INF/includes/label/campaign-fields.xhtml}): the
 * {@link CampaignDetails} the boundary checks, whose opening and closing the form's inputs
 * ({@code datetime-local}) read and write as a day and time in France; the boundary checks the rest (a closing
 * before the opening, a chair who is not of the jury...).
 */
public class CampaignForm extends CampaignDetails {

    private static final long serialVersionUID = 1L;

    /** The inputs of the form, by the field names of {@link CampaignDetails}. */
    static final Set<String> FIELDS = Set.of("programmeId", "code", "titleFr", "titleEn", "opensAt", "closesAt",
            "juryOn", "juryChairAccountId");

    /** The form of a campaign as it stands. */
    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        form.setProgrammeId(campaign.programme().id());
        form.setCode(campaign.code());
        form.setTitleFr(campaign.titleFr());
        form.setTitleEn(campaign.titleEn());
        form.setOpensAt(campaign.opensAt());
        form.setClosesAt(campaign.closesAt());
        form.setJuryOn(campaign.juryOn().orElse(null));
        form.setJuryChairAccountId(campaign.juryChairAccountId().orElse(null));
        return form;
    }

    /** The details the boundary checks. */
    CampaignDetails details() {
        return this;
    }

    /** The client id of the input a refusal's field names, in the form {@code form}. */
    static String input(String form, String field) {
        return "juryChairAccountId".equals(field) ? form + ":chair"
                : FIELDS.contains(field) ? form + ":" + field : null;
    }

    public LocalDateTime getOpensInFrance() {
        return inFrance(getOpensAt());
    }

    public void setOpensInFrance(LocalDateTime opensAt) {
        setOpensAt(instant(opensAt));
    }

    public LocalDateTime getClosesInFrance() {
        return inFrance(getClosesAt());
    }

    public void setClosesInFrance(LocalDateTime closesAt) {
        setClosesAt(instant(closesAt));
    }

    private static LocalDateTime inFrance(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Clocks.FRANCE);
    }

    private static Instant instant(LocalDateTime inFrance) {
        return inFrance == null ? null : inFrance.atZone(Clocks.FRANCE).toInstant();
    }
}
