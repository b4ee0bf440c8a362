package fr.la27eregion.membership.api;

import fr.la27eregion.membership.entity.Membership;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of the membership workflow asked for, on the version of the membership the caller saw. */
@Schema(name = "Transition", description = "An action of the membership workflow")
public record TransitionJson(
        @Schema(required = true, enumeration = {"APPLY", "REVIEW", "APPROVE", "REJECT", "ACTIVATE", "WITHDRAW", "SUSPEND",
                "REINSTATE", "LAPSE", "RENEW", "TERMINATE"},
                description = "One of the membership's current actions (its actions member); LAPSE is the daily "
                + "job's, APPLY is made by applying (POST /organisations)") String action,
        @Schema(maxLength = Membership.MAX_REASON,
                description = "The motivation: required to reject, suspend and terminate") String reason,
        @Schema(maxLength = Membership.MAX_AGREEMENT, example = "CONV-2026-014",
                description = "The reference of the signed agreement: required to activate") String agreement,
        @Schema(required = true, description = "The version of the membership the caller saw; a membership changed "
                + "since is refused with 409") Integer version) {
}
