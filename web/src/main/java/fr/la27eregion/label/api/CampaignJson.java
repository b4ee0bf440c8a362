package fr.la27eregion.label.api;

import fr.la27eregion.label.entity.Campaign;
import fr.la27eregion.label.entity.CampaignDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** A campaign (call for applications). */
@Schema(name = "Campaign")
public record CampaignJson(
        @Schema(readOnly = true) Long id,
        @Schema(description = "The version as read: required to revise it, 409 when someone changed it since")
        Integer version,
        @Schema(required = true, description = "Set at creation") Long programmeId,
        @Schema(readOnly = true) String programmeCode,
        @Schema(required = true, example = "INNOVATION-2026", description = "Capitals, digits, - or _; set once")
        String code,
        @Schema(required = true, maxLength = CampaignDetails.MAX_TITLE) String titleFr,
        @Schema(required = true, maxLength = CampaignDetails.MAX_TITLE) String titleEn,
        @Schema(required = true, description = "Applications are submitted from this instant (included)")
        Instant opensAt,
        @Schema(required = true, description = "... to this one (excluded), by the server's clock") Instant closesAt,
        LocalDate juryOn,
        @Schema(description = "The account (role JURY) that chairs the jury and records the decisions")
        Long juryChairAccountId,
        @Schema(readOnly = true, description = "The grid version the campaign froze") Long gridId,
        @Schema(readOnly = true) Integer gridVersion,
        @Schema(readOnly = true, description = "Whether it takes submissions now") Boolean open) {

    static CampaignJson of(Campaign campaign, Instant now) {
        return new CampaignJson(campaign.id(), campaign.version(), campaign.programme().id(),
                campaign.programme().code(), campaign.code(), campaign.titleFr(), campaign.titleEn(),
                campaign.opensAt(), campaign.closesAt(), campaign.juryOn().orElse(null),
                campaign.juryChairAccountId().orElse(null), campaign.grid().id(), campaign.grid().gridVersion(),
                campaign.isOpen(now));
    }

    CampaignDetails details() {
        CampaignDetails details = new CampaignDetails();
        details.setProgrammeId(programmeId);
        details.setCode(code);
        details.setTitleFr(titleFr);
        details.setTitleEn(titleEn);
        details.setOpensAt(opensAt);
        details.setClosesAt(closesAt);
        details.setJuryOn(juryOn);
        details.setJuryChairAccountId(juryChairAccountId);
        return details;
    }
}
