package fr.la27eregion.label.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The start of a label's renewal: the campaign the renewal application goes to. */
@Schema(name = "LabelRenewal")
public record RenewalJson(
        @Schema(required = true, description = "An open campaign of the label's programme") Long campaignId) {
}
