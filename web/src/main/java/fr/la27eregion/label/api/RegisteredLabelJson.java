package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.RegisteredLabel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A label of the public register: public facts only (no person, no verification code). */
@Schema(name = "RegisteredLabel", description = "A label of the public register")
public record RegisteredLabelJson(
        @Schema(description = "The certificate number, L27-YYYY-NNNN") String certificateNumber,
        @Schema(description = "The state today: ACTIVE, EXPIRED (also an active or suspended label past its last "
                + "valid day), SUSPENDED, REVOKED or RENEWED") String state,
        @Schema(description = "The programme's code") String programme,
        @Schema(description = "The programme's name in French") String programmeNameFr,
        @Schema(description = "The programme's name in English") String programmeNameEn,
        @Schema(description = "The level granted, absent when the programme has none") Integer level,
        @Schema(description = "The special mentions granted") List<String> mentions,
        @Schema(description = "The day of the award") LocalDate awardedOn,
        @Schema(description = "The last day of validity") LocalDate validUntil,
        @Schema(description = "The labelled project's title") String projectTitle,
        @Schema(description = "The project's public page, when the project is public") String projectUrl,
        @Schema(description = "The labelled organisation") String organisation,
        @Schema(description = "The code of the organisation's region (FR-53, a NUTS-2 code), when it has one")
        String regionCode,
        @Schema(description = "The name of the organisation's region") String regionName,
        @Schema(description = "The certificate number of the label that renewed it (RENEWED only)")
        String renewedBy) {

    /** @param site the public site's address, without a final slash (the project pages are under it) */
    static RegisteredLabelJson of(RegisteredLabel label, String site) {
        return new RegisteredLabelJson(label.certificateNumber(), label.state().name(), label.programmeCode(),
                label.programmeNameFr(), label.programmeNameEn(), label.level(), label.mentions(),
                label.awardedOn(), label.validUntil(), label.projectTitle(),
                label.projectPath() == null ? null : site + "/public/projets/" + label.projectPath(),
                label.organisationName(), label.regionCode(), label.regionName(), label.renewedByNumber());
    }
}
