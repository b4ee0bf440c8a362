package fr.la27eregion.label.api;

import fr.la27eregion.label.boundary.Verification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The verdict on a label's code, with the label's public facts. */
@Schema(name = "LabelVerification", description = "The verdict on the label a verification code names")
public record VerificationJson(
        @Schema(description = "VALID (active and within its validity today), EXPIRED, SUSPENDED, REVOKED or "
                + "RENEWED (renewedBy names the label in force)") String verdict,
        @Schema(description = "Whether the label holds today (verdict VALID)") boolean valid,
        @Schema(description = "The label") RegisteredLabelJson label) {

    static VerificationJson of(Verification verification, String site) {
        return new VerificationJson(verification.verdict().name(),
                verification.verdict() == Verification.Verdict.VALID,
                RegisteredLabelJson.of(verification.label(), site));
    }
}
